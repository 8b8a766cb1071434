package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * Never silently wrong: a tree whose scripts/kconfig kforge does not know gets its result checked against
 * its own conf, built from those sources; a disagreement writes nothing.
 */
class TreeConfCheckTest {
    @TempDir
    Path work;

    @Test
    void aVendorEditedConfIsNamedCheckedAndItsDifferenceReported() throws IOException {
        Path tree = vendorTree(ReferenceKernel.LINUX_6_1.tree(), "DO NOT EDIT.", "DO NOT EDIT (vendor build).");
        Path config = work.resolve("out/.config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "# the user's own config\n");

        CliRun run = CliRun.kforge("defconfig", "--tree", tree.toString(), "--arch", "x86_64", "--config",
                config.toString());

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("this tree's scripts/kconfig is not one kforge knows"), run.err());
        assertTrue(run.err().contains("Kconfig dialect of Linux 6.1"), run.err());
        assertTrue(run.err().contains("nothing was written"), run.err());
        assertTrue(run.err().contains(".config line 2: the tree's conf writes \"# Automatically generated file;"
                + " DO NOT EDIT (vendor build).\", kforge \"# Automatically generated file; DO NOT EDIT.\""), run.err());
        assertEquals("# the user's own config\n", Files.readString(config));
        assertFalse(Files.exists(config.resolveSibling(".config.old")));
    }

    @Test
    void onRequestTheTreesOwnConfConfirmsAKnownTree() throws IOException {
        Path config = work.resolve("out/.config");
        Files.createDirectories(config.getParent());

        CliRun run = CliRun.kforge("defconfig", "--tree", ReferenceKernel.LINUX_6_1.tree().toString(), "--arch",
                "x86_64", "--config", config.toString(), "--check-with-tree-conf");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("the tree's own conf writes the same"), run.err());
        assertEquals(Files.readString(Oracle.config("x86_64", null, "defconfig")), Files.readString(config));
    }

    /**
     * The tree as a vendor ships it: every file of the original but conf's sources, which are copied and
     * edited. Links keep it small; the top Makefile is a copy, so make takes this directory as srctree.
     */
    private Path vendorTree(Path original, String from, String to) throws IOException {
        Path tree = Files.createDirectories(work.resolve("vendor-tree"));
        try (Stream<Path> top = Files.list(original)) {
            for (Path entry : top.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals("Makefile")) {
                    Files.copy(entry, tree.resolve(name));
                } else if (!name.equals("scripts")) {
                    Files.createSymbolicLink(tree.resolve(name), entry);
                }
            }
        }
        Path scripts = Files.createDirectories(tree.resolve("scripts"));
        try (Stream<Path> entries = Files.list(original.resolve("scripts"))) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals("kconfig")) {
                    Files.createSymbolicLink(scripts.resolve(entry.getFileName()), entry);
                }
            }
        }
        Path kconfig = original.resolve("scripts/kconfig");
        try (Stream<Path> walk = Files.walk(kconfig)) {
            for (Path file : walk.toList()) {
                Path target = scripts.resolve("kconfig").resolve(kconfig.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path confdata = scripts.resolve("kconfig/confdata.c");
        String source = Files.readString(confdata, StandardCharsets.ISO_8859_1);
        Files.writeString(confdata, source.replace(from, to), StandardCharsets.ISO_8859_1);
        return tree;
    }
}
