package kforge.runner.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.FuzzRun;

/**
 * Kernel source tarballs, malformed in their entries (paths outside the tree, two top directories, links
 * where files go, devices, odd names) and in their bytes (flipped, cut off, inserted, in the compressed stream
 * or the tar), imported by kforge and extracted by GNU tar. Whenever kforge fails, it says so naming the
 * tarball and leaves the target directory absent or empty; it never writes outside it; it never accepts a
 * tarball that tar finds damaged; and when both succeed, kforge's tree holds what tar extracted below the top
 * directory. kforge may refuse what tar extracts (it wants one top directory and a kernel Makefile, and does
 * not write through symlinks).
 *
 * <p>Costs about 10 s.
 */
class TarballImportFuzzTest {
    private static final List<String> SUFFIXES = List.of(".tar", ".tar.gz", ".tar.bz2", ".tar.xz");
    private static final String TOP = "linux-6.1.7";

    @TempDir
    Path dir;

    @Test
    void kforgeImportsWhatTarExtractsOrRefusesCleanly() {
        FuzzRun.named("tarball-import", 150).run(this::compare);
    }

    private FuzzRun.Outcome compare(int number, Random random) throws Exception {
        Path sandbox = Files.createDirectories(dir.resolve("case-" + number));
        String suffix = SUFFIXES.get(random.nextInt(SUFFIXES.size()));
        TestTarball tarball = TestTarball.kernel(TOP);
        int entryEdits = random.nextInt(3);
        for (int i = 0; i < entryEdits; i++) {
            addOddEntry(tarball, random);
        }
        byte[] bytes = tarball.bytes(suffix);
        if (entryEdits == 0 || random.nextBoolean()) {
            bytes = mutateBytes(bytes, random);
        }
        return importAndExtract(sandbox, bytes, suffix, number);
    }

    /**
     * What the fuzzer found kforge importing although tar fails on it (or, for a FIFO, making a tree that is
     * not tar's), or refusing with a message that names no tarball: each is now refused cleanly.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"checksum,AGREE", "device,ALLOWED", "directory below a file,AGREE",
        "top directory as a file,AGREE", "directory with ..,AGREE", "Makefile without VERSION,ALLOWED"})
    void kforgeRefusesCleanly(String what, FuzzRun.Kind expected) throws Exception {
        TestTarball tarball = TestTarball.kernel(TOP);
        byte[] bytes;
        switch (what) {
            case "checksum" -> {
                bytes = tarball.bytes(".tar");
                bytes[512 * 3 + 100] ^= 0x01;  // the second file's mode, in its header
            }
            case "device" -> bytes = tarball.raw(TOP + "/README", TarConstants.LF_FIFO, 0644, "", null).bytes(".tar");
            case "directory below a file" -> bytes = tarball.raw(TOP + "/README/sub/", TarConstants.LF_DIR, 0755, "",
                    null).bytes(".tar");
            case "top directory as a file" -> bytes = tarball.raw(TOP, TarConstants.LF_NORMAL, 0644, "x", null)
                    .bytes(".tar");
            case "directory with .." -> bytes = tarball.raw(TOP + "/../escape/", TarConstants.LF_DIR, 0755, "", null)
                    .bytes(".tar");
            default -> bytes = tarball.raw(TOP + "/Makefile", TarConstants.LF_NORMAL, 0644, "NAME = x\n", null)
                    .bytes(".tar");
        }
        FuzzRun.Outcome outcome = importAndExtract(Files.createDirectories(dir.resolve("regression")), bytes, ".tar",
                -1);
        // AGREE: tar fails too; ALLOWED: tar extracts it, and kforge refuses it, cleanly.
        assertEquals(expected, outcome.kind(), what + ": " + outcome.detail());
    }

    private FuzzRun.Outcome importAndExtract(Path sandbox, byte[] bytes, String suffix, int number)
            throws IOException {
        Path file = Files.write(sandbox.resolve("linux" + suffix), bytes);
        Path extracted = Files.createDirectories(sandbox.resolve("tar"));
        CommandRun tar = CommandRun.run(List.of("tar", "-xf", file.toString(), "-C", extracted.toString()),
                Map.of("PATH", System.getenv("PATH"), "LC_ALL", "C"), Duration.ofSeconds(60));
        Path tree = sandbox.resolve("kforge");
        String refusal = null;
        try {
            KernelTrees.importTarball(file).setDirectory(tree).call();
        } catch (KconfigException e) {
            refusal = e.getMessage();
        }
        try {
            FuzzRun.Outcome outcome = judge(sandbox, tar, tree, extracted, refusal);
            if (outcome.kind() == FuzzRun.Kind.DISAGREE && System.getProperty("kforge.fuzz.report") != null) {
                Path kept = Files.createDirectories(Path.of(System.getProperty("kforge.fuzz.report"), "tarballs"));
                Files.copy(file, kept.resolve("case-" + number + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
            return outcome;
        } finally {
            kforge.runner.files.FileTrees.deleteQuietly(sandbox);
        }
    }

    private static FuzzRun.Outcome judge(Path sandbox, CommandRun tar, Path tree, Path extracted, String refusal)
            throws IOException {
        Set<String> expectedEntries = Set.of("tar", "kforge", sandboxTarball(sandbox));
        try (Stream<Path> entries = Files.list(sandbox)) {
            List<String> outside = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !expectedEntries.contains(name)).toList();
            if (!outside.isEmpty()) {
                return FuzzRun.Outcome.disagree("written outside the tree: " + outside);
            }
        }
        String tarSays = "tar exit " + tar.exitCode() + ": " + tar.stderr().strip();
        if (refusal != null) {
            if (!refusal.contains("linux.tar")) {
                return FuzzRun.Outcome.disagree("the error does not name the tarball: " + refusal);
            }
            if (Files.exists(tree) && !isEmptyDirectory(tree)) {
                return FuzzRun.Outcome.disagree("a failed import left " + contents(tree).keySet() + "; " + refusal);
            }
            return tar.exitCode() == 0 ? FuzzRun.Outcome.allowed("kforge refuses what tar extracts: " + refusal)
                    : FuzzRun.Outcome.AGREE;
        }
        if (tar.exitCode() != 0) {
            return FuzzRun.Outcome.disagree("kforge imported what tar finds damaged; " + tarSays);
        }
        Map<String, String> tarTree = contents(extracted.resolve(TOP));
        Map<String, String> kforgeTree = contents(tree);
        kforgeTree.keySet().removeIf(path -> path.equals(".git") || path.startsWith(".git/"));
        return tarTree.equals(kforgeTree) ? FuzzRun.Outcome.AGREE
                : FuzzRun.Outcome.disagree("tar: " + tarTree + "\nkforge: " + kforgeTree);
    }

    private static String sandboxTarball(Path sandbox) throws IOException {
        try (Stream<Path> entries = Files.list(sandbox)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("linux.tar")).findFirst()
                    .orElse("linux.tar");
        }
    }

    /** Every file and symlink below root: a digest and the executable bit, or the link's target. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return contents;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    contents.put(name, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    contents.put(name, sha256(Files.readAllBytes(path)) + (Files.isExecutable(path) ? " x" : ""));
                }
            }
        }
        return contents;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void addOddEntry(TestTarball tarball, Random random) {
        String name = pick(random, List.of("/etc/kforge-fuzz", "../escape", TOP + "/../../escape", "other/README",
                TOP + "/README", TOP + "/include/dt-bindings/input/x.h", TOP + "/init/main.c/below",
                TOP + "/.git/config", TOP + "/a\nb", TOP + "/sp ace", TOP + "/" + "d/".repeat(60) + "long.c",
                TOP + "/\u00e9t\u00e9.c", TOP + "/./dot.c", TOP + "//double.c", TOP, TOP + "/Makefile"));
        byte type = pick(random, List.of(TarConstants.LF_NORMAL, TarConstants.LF_NORMAL, TarConstants.LF_DIR,
                TarConstants.LF_SYMLINK, TarConstants.LF_LINK, TarConstants.LF_CHR, TarConstants.LF_FIFO));
        String link = type == TarConstants.LF_SYMLINK ? pick(random, List.of("/etc/passwd", "../../..", "README",
                "init")) : type == TarConstants.LF_LINK ? pick(random, List.of(TOP + "/README", TOP + "/missing",
                "/etc/passwd", TOP + "/include/dt-bindings/input")) : null;
        String content = type != TarConstants.LF_NORMAL ? "" : name.endsWith("Makefile") ? pick(random, List.of("VERSION = x\n", "", "PATCHLEVEL = 1\n"))
                : "fuzz " + random.nextInt(1000) + "\n";
        tarball.raw(name, type, pick(random, List.of(0644, 0755, 0, 07777)), content, link);
    }

    private static byte[] mutateBytes(byte[] bytes, Random random) {
        byte[] result = bytes.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    result[random.nextInt(result.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return result;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(result, random.nextInt(result.length));
            }
            case 2 -> {
                int at = random.nextInt(result.length);
                int length = 1 + random.nextInt(64);
                byte[] inserted = new byte[result.length + length];
                System.arraycopy(result, 0, inserted, 0, at);
                for (int i = 0; i < length; i++) {
                    inserted[at + i] = (byte) random.nextInt(256);
                }
                System.arraycopy(result, at, inserted, at + length, result.length - at);
                return inserted;
            }
            default -> {
                int at = random.nextInt(result.length);
                java.util.Arrays.fill(result, at, Math.min(result.length, at + 512), (byte) 0);
                return result;
            }
        }
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
