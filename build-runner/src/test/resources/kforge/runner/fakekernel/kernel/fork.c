int kernel_clone(int flags)
{
	int unused;
	return flags;
}
