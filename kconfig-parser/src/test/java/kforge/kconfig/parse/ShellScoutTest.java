package kforge.kconfig.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.KconfigLoader;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.preprocess.PrefetchingShellRunner;
import kforge.kconfig.preprocess.ShellRunner;

/**
 * The scout must start exactly the commands the parse will run, so that a cold parse waits for none of
 * them and runs none twice: not those in help texts or comments, and assignments and source paths followed
 * as the parse follows them.
 */
class ShellScoutTest {
    @TempDir
    Path tree;
    @TempDir
    Path work;

    private final List<String> runs = new ArrayList<>();
    private Map<String, String> env;

    @BeforeEach
    void writeTree() throws IOException {
        env = Map.of("srctree", tree.toString(), "ARCH_DIR", "arch");
        write("Kconfig", """
                mainmenu "Scout"
                CC := $(shell,echo cc)
                cc-option = $(shell,$(CC) -Werror $(1) && echo y || echo n)
                FLAGS += $(cc-option,-m32)
                source "$(ARCH_DIR)/Kconfig"
                config A
                	def_bool $(cc-option,-fa)
                	help
                	  Not a probe: $(shell,in help text)
                	  nor this, \\
                	  $(shell,continued help)
                # $(shell,in a comment)
                config B
                	bool "b $(shell,echo prompt)"
                	depends on $(cc-option,-fb) && \\
                		$(cc-option,-fb2)
                """);
        write("arch/Kconfig", """
                rsource "sub/Kconfig"
                config ARCH_A
                	def_bool $(cc-option,-farch)
                """);
        write("arch/sub/Kconfig", """
                config SUB
                	help
                	  $(shell,old help)
                config SUB2
                	def_bool $(shell,echo $(FLAGS))
                """);
    }

    private void write(String name, String text) throws IOException {
        Path file = tree.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ShellRunner recording() {
        return (command, environment, cwd) -> {
            synchronized (runs) {
                runs.add(command);
            }
            return command.startsWith("echo ") ? command.substring(5) : "y";
        };
    }

    private List<String> commandsTheParseRuns() {
        List<String> parsed = new ArrayList<>();
        ShellRunner direct = recording();
        KconfigParsing.parse("Kconfig", new SourceResolver(work, tree), env, (command, environment, cwd) -> {
            parsed.add(command);
            return direct.run(command, environment, cwd);
        }, Reporter.silent());
        runs.clear();
        return parsed;
    }

    @Test
    void theScoutStartsTheCommandsTheParseRunsAndNoOthers() {
        List<String> expected = commandsTheParseRuns();
        try (PrefetchingShellRunner shells = new PrefetchingShellRunner(recording(), List.of(), env, work)) {
            new ShellScout("Kconfig", new SourceResolver(work, tree), env, shells).run();
            // The parse, coming after, takes every result and runs nothing itself.
            expected.forEach(command -> shells.run(command, env, work));
            List<String> started;
            synchronized (runs) {
                started = List.copyOf(runs);
            }
            // Started in order, run in parallel: they are recorded in any order.
            assertEquals(expected.stream().sorted().toList(), started.stream().sorted().toList());
        }
        // A probe from each file, through a source with a variable in its path and a relative one.
        assertEquals(List.of(true, true, true), List.of(expected.contains("cc -Werror -fa && echo y || echo n"),
                expected.contains("cc -Werror -farch && echo y || echo n"), expected.contains("echo y")), "" + expected);
    }

    @Test
    void aColdLoadRunsEachCommandOnceWhoeverGetsThereFirst() {
        List<String> expected = commandsTheParseRuns();
        KconfigLoader.create().srctree(tree).workingDirectory(work).environment(env).shell(recording())
                .reporter(Reporter.silent()).load();
        List<String> ran;
        synchronized (runs) {
            ran = List.copyOf(runs);
        }
        assertEquals(expected.stream().sorted().toList(), ran.stream().sorted().toList());
    }
}
