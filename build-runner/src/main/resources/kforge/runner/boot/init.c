/*
 * kforge boot's init: the first and only program of the smoke test's initramfs. It says the marker on
 * the console, so kforge knows the kernel got as far as user space, and powers the machine off. Built
 * static with the board's compiler; MARKER comes from the compiler's command line.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#ifndef MARKER
#error "build with -DMARKER='\"...\"'"
#endif

int main(void)
{
	static const char line[] = "\n" MARKER "\n";
	/* The kernel gives init /dev/console as 0, 1 and 2 when the initramfs has it; open it if not. */
	int console = fcntl(1, F_GETFD) == -1 ? open("/dev/console", O_WRONLY) : 1;

	if (console >= 0)
		write(console, line, strlen(line));
	sync();
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}
