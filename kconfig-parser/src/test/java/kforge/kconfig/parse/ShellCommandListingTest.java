package kforge.kconfig.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.SourceLocation;

/**
 * The listing of a tree's $(shell,...) commands, on a small tree written like a kernel's (a macro file
 * sourced from the top, $(cc-option,...) and $(success,...) from it, a command built from another's
 * output): it must find every command with the lines that call it, and run none of them.
 */
class ShellCommandListingTest {
    @TempDir
    Path temp;

    private Path tree;
    private Path marker;

    private Path writeTree(String release) throws IOException {
        tree = temp.resolve("linux");
        marker = temp.resolve("ran");
        String[] v = release.split("\\.");
        write("Makefile", "VERSION = " + v[0] + "\nPATCHLEVEL = " + v[1] + "\nSUBLEVEL = 0\nEXTRAVERSION =\n");
        write("Kconfig", """
                mainmenu "Listing test"
                source "scripts/Kconfig.include"
                config CC_IS_TEST
                	def_bool $(success,test "$(cc-name)" = GCC)
                config LEAVES_A_FILE
                	def_bool $(shell,touch %s && echo y)
                source "arch/$(SRCARCH)/Kconfig"
                """.formatted(marker));
        write("scripts/Kconfig.include", """
                success = $(if-success,$(1),y,n)
                if-success = $(shell,{ $(1); } >/dev/null 2>&1 && echo "$(2)" || echo "$(3)")
                cc-option = $(success,mkdir -p $(tmp); $(CC) -Werror $(1) -c -x c /dev/null -o /dev/null)
                tmp := /tmp
                cc-info := $(shell,$(srctree)/scripts/cc-version.sh $(CC))
                cc-name := $(shell,set -- $(cc-info) && echo $1)
                """);
        write("arch/x86/Kconfig", """
                config X86
                	def_bool y
                config CC_HAS_RETPOLINE
                	def_bool $(cc-option,-mindirect-branch=thunk-extern)
                config CC_HAS_SANE_STACKPROTECTOR
                	bool
                	default $(cc-option,-mindirect-branch=thunk-extern)
                """);
        return tree;
    }

    private void write(String name, String text) throws IOException {
        Path file = tree.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ShellCommandListing list() {
        return ConfigEngine.listShellCommands(tree, "x86", "", temp.resolve("out"), Map.of("PATH",
                System.getenv("PATH")));
    }

    @Test
    void listsEachDistinctCommandWithTheLinesThatCallItAndRunsNone() throws IOException {
        writeTree("6.1");
        ShellCommandListing listing = list();

        assertFalse(Files.exists(marker), "listing ran a command");
        assertNull(listing.stoppedBecause());
        String src = tree.toRealPath().toString();
        String ccInfo = src + "/scripts/cc-version.sh gcc";
        String ccName = "set -- $(shell," + ccInfo + ") && echo $1";
        String retpoline = "{ mkdir -p /tmp; gcc -Werror -mindirect-branch=thunk-extern -c -x c /dev/null"
                + " -o /dev/null; } >/dev/null 2>&1 && echo \"y\" || echo \"n\"";
        assertEquals(List.of(
                        new ShellCommandListing.Command(ccInfo, List.of(at("scripts/Kconfig.include", 5)), false),
                        new ShellCommandListing.Command(ccName, List.of(at("scripts/Kconfig.include", 6)), true),
                        new ShellCommandListing.Command("{ test \"$(shell," + ccName + ")\" = GCC; } >/dev/null 2>&1"
                                + " && echo \"y\" || echo \"n\"", List.of(at("Kconfig", 4)), true),
                        new ShellCommandListing.Command("touch " + marker + " && echo y", List.of(at("Kconfig", 6)),
                                false),
                        new ShellCommandListing.Command(retpoline,
                                List.of(at("arch/x86/Kconfig", 4), at("arch/x86/Kconfig", 7)), false)),
                listing.commands());
        assertEquals(List.of("scripts/Kconfig.include", "Kconfig", "arch/x86/Kconfig"),
                listing.groups().stream().map(ShellCommandListing.Group::file).toList());
        assertEquals(List.of(
                "scripts/Kconfig.include",
                "  5: " + ccInfo,
                "  6: " + ccName + "   (uses another command's output)",
                "Kconfig",
                "  4: { test \"$(shell," + ccName + ")\" = GCC; } >/dev/null 2>&1 && echo \"y\" || echo \"n\""
                        + "   (uses another command's output)",
                "  6: touch " + marker + " && echo y",
                "arch/x86/Kconfig",
                "  4, 7: " + retpoline), listing.describe());
    }

    @Test
    void theFingerprintFollowsTheSetOfCommandsNotTheirOrderOrLines() throws IOException {
        writeTree("6.1");
        String before = list().fingerprint();
        assertEquals(64, before.length());

        // The same commands called from other lines and in another order: the same set.
        write("arch/x86/Kconfig", """
                config CC_HAS_SANE_STACKPROTECTOR
                	bool
                	default $(cc-option,-mindirect-branch=thunk-extern)

                config X86
                	def_bool y
                """);
        assertEquals(before, list().fingerprint());

        write("arch/x86/Kconfig", """
                config X86
                	def_bool $(cc-option,-mfentry)
                """);
        assertNotEquals(before, list().fingerprint());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aTreeBeforeThePreprocessorRunsNoCommands() throws IOException {
        writeTree("4.17");
        ShellCommandListing listing = list();

        assertTrue(listing.isEmpty());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aParseStoppedOnAPlaceholderSaysSoAndKeepsWhatItFound() throws IOException {
        writeTree("6.1");
        write("arch/x86/Kconfig", """
                config X86
                	def_bool y
                source "arch/x86/$(shell,echo cpu)/Kconfig"
                """);
        ShellCommandListing listing = list();

        assertTrue(listing.stoppedBecause() != null && listing.stoppedBecause().startsWith("arch/x86/Kconfig:3"),
                listing.stoppedBecause());
        assertEquals("echo cpu", listing.commands().get(listing.commands().size() - 1).text());
        assertFalse(Files.exists(marker));
    }

    private static SourceLocation at(String file, int line) {
        return new SourceLocation(file, line);
    }
}
