int printk(const char *fmt)
{
	return fmt != 0;
}
