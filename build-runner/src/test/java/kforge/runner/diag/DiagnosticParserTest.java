package kforge.runner.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forms the tools on this machine do not print but a kernel build elsewhere does: other make versions,
 * other linkers and prefixes, the kernel's paths. The tests next to this one check the same parser
 * against real output.
 */
class DiagnosticParserTest {
    private final DiagnosticParser parser = new DiagnosticParser();

    @ParameterizedTest
    @ValueSource(strings = {
            "init/main.c: In function 'start_kernel':",
            "In file included from ./include/linux/kernel.h:5,",
            "                 from init/main.c:12:",
            "    5 |     int unused;",
            "      |         ^~~~~~",
            "compilation terminated.",
            "cc1: all warnings being treated as errors",
            "bad.s: Assembler messages:",
            "  CC      init/main.o",
            "*** Error during update of the configuration.",
            "make[1]: *** Waiting for unfinished jobs....",
            "make[2]: *** Deleting file 'drivers/foo.o'",
            "make[1]: Entering directory '/src/linux'",
            "make: Nothing to be done for 'all'.",
            "scripts/Makefile.build:250: recipe for target 'drivers/foo.o' failed",
            "arm-linux-gnueabi-ld: vmlinux.o: in function `start_kernel':",
            "/tmp/ccX1.o: In function `main':",
            "ld: use the --help option for usage information",
            "arch/arm/Kconfig:12: syntax error",
            "objcopy: error: the input file 'x' has no sections",
            ""})
    void contextAndChatterAreNoDiagnostics(String line) {
        assertEquals(Optional.empty(), parser.parse(line));
    }

    @Test
    void kbuildRecipeFailure() {
        assertEquals(make("scripts/Makefile.build", 250, Severity.ERROR, "drivers/foo.o: Error 1"),
                parse("make[2]: *** [scripts/Makefile.build:250: drivers/foo.o] Error 1"));
    }

    @Test
    void recipeFailureOfOlderMakesAndBuiltinRules() {
        assertEquals(make(null, 0, Severity.ERROR, "drivers/foo.o: Error 1"), parse("make[2]: *** [drivers/foo.o] Error 1"));
        assertEquals(make("<builtin>", 0, Severity.ERROR, "foo.o: Error 1"), parse("make: *** [<builtin>: foo.o] Error 1"));
        assertEquals(make("Makefile", 3, Severity.ERROR, "vmlinux: Killed"), parse("make: *** [Makefile:3: vmlinux] Killed"));
    }

    @Test
    void ignoredRecipeFailureIsANote() {
        assertEquals(make("Makefile", 2, Severity.NOTE, "all: Error 1 (ignored)"),
                parse("make: [Makefile:2: all] Error 1 (ignored)"));
    }

    @Test
    void makeWarningsAndMakefileErrors() {
        assertEquals(make(null, 0, Severity.WARNING, "jobserver unavailable: using -j1.  Add '+' to parent make rule."),
                parse("make[1]: warning: jobserver unavailable: using -j1.  Add '+' to parent make rule."));
        assertEquals(make("arch/x86/Makefile", 142, Severity.WARNING, "CONFIG_X86_X32 enabled but no binutils support"),
                parse("arch/x86/Makefile:142: CONFIG_X86_X32 enabled but no binutils support"));
        assertEquals(make("scripts/Kbuild.include", 7, Severity.ERROR, "boom."),
                parse("scripts/Kbuild.include:7: *** boom.  Stop."));
        assertEquals(make("Makefile", 2, Severity.ERROR, "missing separator (did you mean TAB instead of 8 spaces?)."),
                parse("Makefile:2: *** missing separator (did you mean TAB instead of 8 spaces?).  Stop."));
        assertEquals(make(null, 0, Severity.ERROR, "No rule to make target 'drivers/foo.o', needed by 'drivers/built-in.a'."),
                parse("/usr/bin/make[3]: *** No rule to make target 'drivers/foo.o', needed by 'drivers/built-in.a'.  Stop."));
    }

    @Test
    void linkerUnderAnyNameAndPrefix() {
        assertEquals(ld(null, 0, Severity.WARNING, "x"), parse("arm-linux-gnueabi-ld: warning: x"));
        assertEquals(ld(null, 0, Severity.WARNING, "x"), parse("arm-linux-gnueabi-ld.bfd: warning: x"));
        assertEquals(ld(null, 0, Severity.ERROR, "final link failed: bad value"), parse("ld.bfd: final link failed: bad value"));
        assertEquals(ld(null, 0, Severity.ERROR, "undefined symbol: foo"), parse("ld.lld: error: undefined symbol: foo"));
        assertEquals(ld(null, 0, Severity.NOTE, "This behaviour is deprecated and will be removed in a future version of the linker"),
                parse("/usr/bin/ld: NOTE: This behaviour is deprecated and will be removed in a future version of the linker"));
        assertEquals(ld("drivers/foo.o", 0, Severity.WARNING, "relocation in read-only section `.text'"),
                parse("ld: drivers/foo.o: warning: relocation in read-only section `.text'"));
        assertEquals(ld("m.c", 1, Severity.ERROR, "syntax error"), parse("ld.bfd:m.c:1: syntax error"));
    }

    @Test
    void linkerLinesWithoutItsName() {
        assertEquals(ld("init/main.c", 0, Severity.ERROR, "undefined reference to ‘foo’"),
                parse("init/main.c:(.init.text+0x1c): undefined reference to ‘foo’"));
        assertEquals(ld("drivers/a.c", 7, Severity.ERROR, "multiple definition of `x'; drivers/b.o:drivers/b.c:3: first defined here"),
                parse("drivers/a.c:7: multiple definition of `x'; drivers/b.o:drivers/b.c:3: first defined here"));
        assertEquals(ld("gets.c", 0, Severity.WARNING, "the `gets' function is dangerous and should not be used."),
                parse("gets.c:(.text+0x10): warning: the `gets' function is dangerous and should not be used."));
        assertEquals(ld("arch/arm/kernel/head.o", 0, Severity.ERROR, "relocation truncated to fit: R_ARM_CALL against `foo'"),
                parse("arch/arm/kernel/head.o:(.head.text+0x4c): relocation truncated to fit: R_ARM_CALL against `foo'"));
    }

    @Test
    void compilerFormsOfOtherToolsAndVersions() {
        assertEquals(gcc("./include/linux/kernel.h", 12, 0, Severity.ERROR, "expected ';' before '}' token"),
                parse("./include/linux/kernel.h:12: error: expected ';' before '}' token"));
        assertEquals(gcc("{standard input}", 123, 0, Severity.ERROR, "bad instruction `foo r1'"),
                parse("{standard input}:123: Error: bad instruction `foo r1'"));
        assertEquals(gcc("init/main.c", 5, 3, Severity.ERROR, "unused variable 'x' [-Werror=unused-variable]"),
                parse("init/main.c:5:3: error: unused variable 'x' [-Werror=unused-variable]"));
        assertEquals(gcc("fs/x.c", 1, 1, Severity.ERROR, "in foo, at tree.c:42"),
                parse("fs/x.c:1:1: internal compiler error: in foo, at tree.c:42"));
        assertEquals(gcc("<command-line>", 0, 0, Severity.WARNING, "\"FOO\" redefined"),
                parse("<command-line>: warning: \"FOO\" redefined"));
        assertEquals(gcc(null, 0, 0, Severity.ERROR, "no input files"), parse("arm-linux-gnueabi-gcc-12: fatal error: no input files"));
        assertEquals(gcc(null, 0, 0, Severity.ERROR, "linker command failed with exit code 1 (use -v to see invocation)"),
                parse("clang: error: linker command failed with exit code 1 (use -v to see invocation)"));
        assertEquals(gcc("p.c", 5, 9, Severity.WARNING, "unused variable 'unused' [-Wunused-variable]"),
                parse("p.c:5:9: warning: unused variable 'unused' [-Wunused-variable]\r"));
    }

    private Diagnostic parse(String line) {
        return parser.parse(line).orElseThrow(() -> new AssertionError("no diagnostic in: " + line));
    }

    private static Diagnostic gcc(String file, int line, int column, Severity severity, String message) {
        return new Diagnostic(file, line, column, severity, message, Tool.GCC);
    }

    private static Diagnostic ld(String file, int line, Severity severity, String message) {
        return new Diagnostic(file, line, 0, severity, message, Tool.LD);
    }

    private static Diagnostic make(String file, int line, Severity severity, String message) {
        return new Diagnostic(file, line, 0, severity, message, Tool.MAKE);
    }
}
