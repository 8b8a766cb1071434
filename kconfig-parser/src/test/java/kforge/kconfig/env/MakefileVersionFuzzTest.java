package kforge.kconfig.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.FuzzRun;
import kforge.kconfig.testing.ReferenceKernel;
import kforge.kconfig.testing.TextMutator;

/**
 * The top Makefile's version lines, mutated, read by kforge and by GNU make itself: each reference tree's
 * own Makefile with its head edited, in a folder whose other entries link to the tree, and "make -s
 * kernelversion" run there with $(file) lines appended that write what make holds in VERSION, PATCHLEVEL,
 * SUBLEVEL and KERNELVERSION (the values it exports to conf). kforge must read the same values, or refuse with a
 * message naming the Makefile; it may be stricter than make (a version that is no number, a construct it does
 * not evaluate), never different.
 *
 * <p>Costs about 20 s: make reads each tree's whole Makefile per case.
 */
class MakefileVersionFuzzTest {
    private static final List<String> PARTS = List.of("VERSION", "PATCHLEVEL", "SUBLEVEL");
    private static final List<String> VALUES = List.of("", "7", "07", "-rc1", ".2", "1 ", " 1", "x", "1.2",
            "99999999999", "$(X)", "1 # a comment", "1\\#2", "1\\", "+3", "\t", "1 2", "$$", "2\t", "-rc1 # c",
            "$(VERSION)", "${PATCHLEVEL}");
    private static final List<String> OPERATORS = List.of("=", ":=", "::=", "?=", "+=", "!=", " = ", "=\t", "  :=  ");
    private static final List<String> FORMULAS = List.of(
            "$(VERSION)$(if $(PATCHLEVEL),.$(PATCHLEVEL)$(if $(SUBLEVEL),.$(SUBLEVEL)))$(EXTRAVERSION)",
            "$(VERSION).$(PATCHLEVEL).$(SUBLEVEL)$(EXTRAVERSION)",
            "$(VERSION)$(if $(PATCHLEVEL),.$(PATCHLEVEL),.0)$(EXTRAVERSION)",
            "${VERSION}.${PATCHLEVEL}",
            "$(VERSION)$(shell echo .9)",
            "$(VERSION).$(NAME)",
            "$(if , x,$(VERSION))",
            "$(VERSION)$$(PATCHLEVEL)");
    private static final List<String> INTERESTING = List.of("VERSION = 5", "PATCHLEVEL = 10", "SUBLEVEL =",
            "EXTRAVERSION = -rc3", "ifeq ($(X),)", "endif", "ifdef CONFIG", "else", "define VERSION", "endef",
            "all:", "\techo VERSION = 9", "export VERSION PATCHLEVEL", "override SUBLEVEL = 4", "# VERSION = 1",
            "include /dev/null", "SUBLEVEL != echo 3");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReferenceKernel.class)
    void kforgeReadsTheVersionMakeReads(ReferenceKernel kernel) throws IOException {
        Path tree = kernel.tree();
        Path work = linkedCopyOf(tree);
        String makefile = Files.readString(tree.resolve("Makefile"), StandardCharsets.ISO_8859_1);
        FuzzRun.named("makefile-version-" + kernel.name().toLowerCase(java.util.Locale.ROOT), 100)
                .run((number, random) -> compare(work, mutated(makefile, random)));
    }

    /**
     * What the fuzzer found kforge reading differently from make, each as a Makefile of its own with the line
     * that 6.1 (or, for the second, 2.6.32) computes KERNELVERSION with; make must read it and kforge the same.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 19   \nEXTRAVERSION =\n",
        "VERSION = 2\nPATCHLEVEL = 6\nSUBLEVEL =\nEXTRAVERSION = .2\nOLD_FORMULA = 1\n",
        "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 2\nEXTRAVERSION = -rc1 # a comment\n",
        "VERSION = 6\r\nPATCHLEVEL = 1\r\nSUBLEVEL = 2\r\nEXTRAVERSION = -x\\#y\r\n",
        "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 2\nEXTRAVERSION = -a   \\\n    b\n",
        "VERSION = 6\nPATCHLEVEL = 1\n\tSUBLEVEL := 2\nEXTRAVERSION = -a\nEXTRAVERSION += b\n",
        "override VERSION = 6\nexport PATCHLEVEL ::= 1\nSUBLEVEL ?= 2\nSUBLEVEL ?= 3\nEXTRAVERSION =\r\n",
        "# a comment\\\\\noverride SUBLEVEL = 4\nVERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 192\nEXTRAVERSION =\n",
    })
    void kforgeReadsWhatMakeReadsInTheseMakefiles(String head) throws IOException {
        String formula = head.contains("OLD_FORMULA") ? FORMULAS.get(1) : FORMULAS.get(0);
        Path work = Files.createDirectories(dir.resolve("small"));
        String makefile = head + "ifdef mixed-build\nelse\nKERNELVERSION = " + formula + "\nendif\n"
                + "kernelversion:\n\t@echo $(KERNELVERSION)\n";
        assertEquals(FuzzRun.Outcome.AGREE, compare(work, makefile));
    }

    private static FuzzRun.Outcome compare(Path work, String makefile) throws IOException {
        Path file = work.resolve("Makefile");
        Path printed = work.getParent().resolve("make-values");
        Files.deleteIfExists(printed);
        Files.writeString(file, makefile + "\n" + printingLines(printed), StandardCharsets.ISO_8859_1);
        Map<String, String> made = makeValues(work, printed);
        Map<String, String> read;
        try {
            KernelVersion version = KernelVersion.read(file);
            version.release();
            read = new HashMap<>(version.exportedParts());
            read.put("KERNELVERSION", version.kernelVersion());
        } catch (KconfigException e) {
            if (!e.getMessage().startsWith(file.toString())) {
                return FuzzRun.Outcome.disagree("the refusal does not name the Makefile: " + e.getMessage());
            }
            return made == null ? FuzzRun.Outcome.AGREE
                    : FuzzRun.Outcome.allowed("make reads " + made + "; kforge refuses: " + e.getMessage());
        }
        if (made == null) {
            return FuzzRun.Outcome.allowed("make refuses the Makefile; kforge reads " + read);
        }
        return read.equals(made) ? FuzzRun.Outcome.AGREE
                : FuzzRun.Outcome.disagree("make: " + made + "\nkforge: " + read + "\nhead:\n" + head(makefile));
    }

    /** What make holds, or null when it stops on the Makefile (a syntax error, an $(error)). */
    private static Map<String, String> makeValues(Path work, Path printed) throws IOException {
        CommandRun make = CommandRun.run(List.of("make", "-s", "-C", work.toString(), "kernelversion"),
                Map.of("PATH", System.getenv("PATH"), "LC_ALL", "C"), Duration.ofSeconds(30));
        if (make.exitCode() != 0 || !Files.exists(printed)) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readString(printed, StandardCharsets.ISO_8859_1).split("\n")) {
            for (String name : allNames()) {
                String prefix = "KFORGE-" + name + "=";
                // The last: a top Makefile that runs itself again as a sub-make (6.12 does, for -C) is read
                // twice, and the sub-make, which takes the branch that defines KERNELVERSION, runs conf.
                if (line.startsWith(prefix)) {
                    values.put(name, line.substring(prefix.length()));
                }
            }
        }
        return values.size() == allNames().size() ? values : null;
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>(PARTS);
        names.add("KERNELVERSION");
        return names;
    }

    /** make's $(file) writes the values' bytes as they are (its stdout would go through a charset). */
    private static String printingLines(Path printed) {
        StringBuilder lines = new StringBuilder();
        for (String name : allNames()) {
            lines.append("$(file >>").append(printed).append(",KFORGE-").append(name).append("=$(").append(name)
                    .append("))\n");
        }
        return lines.toString();
    }

    private static String mutated(String makefile, Random random) {
        List<String> lines = new ArrayList<>(List.of(makefile.split("\n", -1)));
        int headEnd = headEnd(lines);
        List<String> head = new ArrayList<>(lines.subList(0, headEnd));
        TextMutator blind = new TextMutator(random, INTERESTING);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            head = editOnce(head, random, blind);
        }
        if (random.nextInt(6) == 0) {
            for (int i = headEnd; i < lines.size(); i++) {
                if (lines.get(i).startsWith("KERNELVERSION = ")) {
                    lines.set(i, "KERNELVERSION = " + blind.pick(FORMULAS));
                }
            }
        }
        List<String> result = new ArrayList<>(head);
        result.addAll(lines.subList(headEnd, lines.size()));
        return String.join("\n", result);
    }

    /** The lines up to and with EXTRAVERSION's (NAME follows it in every generation). */
    private static int headEnd(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("EXTRAVERSION")) {
                return i + 1;
            }
        }
        return Math.min(6, lines.size());
    }

    private static List<String> editOnce(List<String> head, Random random, TextMutator blind) {
        List<String> lines = new ArrayList<>(head);
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        int equals = line.indexOf('=');
        switch (random.nextInt(10)) {
            case 0 -> {
                if (equals >= 0) {
                    lines.set(at, line.substring(0, equals + 1) + " " + blind.pick(VALUES));
                }
            }
            case 1 -> {
                if (equals >= 0) {
                    String name = line.substring(0, equals).replaceAll("[:?+!\\s]+$", "");
                    lines.set(at, name + blind.pick(OPERATORS) + line.substring(equals + 1));
                }
            }
            case 2 -> lines.set(at, blind.pick(List.of("export ", "override ", "\t", "  ", "# ", "override export "))
                    + line);
            case 3 -> lines.add(at + 1, blind.pick(PARTS) + " = " + blind.pick(VALUES));
            case 4 -> lines.remove(at);
            case 5 -> {
                lines.add(at + 1, "endif");
                lines.add(at, blind.pick(List.of("ifeq ($(X),)", "ifdef X", "ifneq (a,a)")));
            }
            case 6 -> lines.set(at, line + blind.pick(List.of(" \\", "\\", "\\\\", " \\ ")));
            default -> {
                return new ArrayList<>(List.of(blind.mutateOnce(String.join("\n", lines)).split("\n", -1)));
            }
        }
        return lines;
    }

    private static String head(String makefile) {
        return String.join("\n", Stream.of(makefile.split("\n", -1)).limit(8).toList());
    }

    /** A folder beside the tree whose entries are links to the tree's, but for a Makefile of its own. */
    private Path linkedCopyOf(Path tree) throws IOException {
        Path work = Files.createDirectories(dir.resolve("tree"));
        try (Stream<Path> entries = Files.list(tree)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals("Makefile")) {
                    Files.createSymbolicLink(work.resolve(entry.getFileName()), entry);
                }
            }
        }
        assertTrue(Files.exists(work.resolve("scripts")), "the tree's scripts are linked");
        return work;
    }
}
