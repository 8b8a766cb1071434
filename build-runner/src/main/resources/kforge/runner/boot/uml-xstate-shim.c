/*
 * Preloaded into UML's linux by kforge boot. UML sizes its buffer for the x86 XSAVE area at build time
 * (HOST_FP_SIZE, 2696 bytes: enough for AVX-512). On a host with a larger area (AMX adds 8 KiB), the
 * host's PTRACE_SETREGSET refuses any buffer that is not the full size with EFAULT, and UML panics as
 * its first user process starts ("ptrace set fp regs failed, errno = 14"). UML only uses XSAVE when its
 * probe, a PTRACE_GETREGSET of NT_X86_XSTATE, succeeds; otherwise it saves the legacy FP registers,
 * which every host accepts. So this shim fails that probe, and only when the caller's buffer is smaller
 * than the host's area, and says so on stderr.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>

/* Not <sys/ptrace.h>: its prototype takes an enum, and this one must match what UML calls. */
#define PTRACE_GETREGSET 0x4204
#define NT_X86_XSTATE 0x202
#define PROBE_SIZE (64 * 1024)

typedef long (*ptrace_fn)(int, pid_t, void *, void *);

long ptrace(int request, ...)
{
	static ptrace_fn real;
	static int warned;
	va_list args;
	pid_t pid;
	void *addr, *data;

	va_start(args, request);
	pid = va_arg(args, pid_t);
	addr = va_arg(args, void *);
	data = va_arg(args, void *);
	va_end(args);
	if (!real)
		real = (ptrace_fn)dlsym(RTLD_NEXT, "ptrace");

	if (request == PTRACE_GETREGSET && (long)addr == NT_X86_XSTATE && data) {
		struct iovec *iov = data;
		static char probe[PROBE_SIZE];
		struct iovec whole = { probe, sizeof(probe) };

		if (real(PTRACE_GETREGSET, pid, addr, &whole) == 0 && whole.iov_len > iov->iov_len) {
			if (!warned++)
				fprintf(stderr, "kforge: this host's XSAVE area is %zu bytes, more than the %zu this UML"
					" kernel was built for; UML saves the legacy FP registers instead\n",
					whole.iov_len, iov->iov_len);
			errno = EIO;
			return -1;
		}
	}
	return real(request, pid, addr, data);
}
