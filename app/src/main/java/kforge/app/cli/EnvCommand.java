package kforge.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import kforge.kconfig.env.KernelEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the environment the kernel's Makefile would give conf for this tree and architecture. */
@Command(name = "env", description = "Print the environment the kernel's make would hand to conf (NAME=VALUE).")
public final class EnvCommand implements Callable<Integer> {
    @Mixin
    TreeOptions tree;

    @Option(names = "--objtree", paramLabel = "DIR", description = "The output directory conf would run in.")
    Path objtree;

    @Option(names = {"-0", "--null"}, description = "End each entry with NUL instead of a newline (for xargs -0).")
    boolean nulSeparated;

    @Override
    public Integer call() {
        KernelEnvironment env = KernelEnvironment.builder().tree(tree.tree).arch(tree.arch)
                .crossCompile(tree.crossCompile).objtree(objtree).baseEnvironment(System.getenv()).build();
        Map<String, String> sorted = new TreeMap<>(env.variables());
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(k).append('=').append(v).append(nulSeparated ? '\0' : '\n'));
        System.out.print(out);
        System.out.flush();
        return 0;
    }
}
