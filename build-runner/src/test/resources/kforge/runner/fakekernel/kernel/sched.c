void schedule(void)
{
}
