package kforge.runner.diag;

/** Which program printed a diagnostic, so a view can tell a compile problem from a link or Makefile one. */
public enum Tool {
    /** gcc, its cc1 and collect2 helpers, the assembler it runs, and clang, which all share gcc's format. */
    GCC,
    /** The linker: GNU ld (bfd) or lld, under any cross prefix. */
    LD,
    /** GNU make, including errors that point into a Makefile. */
    MAKE
}
