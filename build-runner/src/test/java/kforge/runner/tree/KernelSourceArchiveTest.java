package kforge.runner.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import kforge.kconfig.cache.CacheRoot;
import kforge.kconfig.diag.KconfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSourceArchiveTest {
    @TempDir
    Path temp;

    @Test
    void findListsKernelSourceTarballsOldestVersionFirst() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("src"));
        for (String name : List.of("linux-source-6.10.tar.gz", "linux-source-6.1.tar.xz", "linux-source-5.10.tar.bz2",
                "linux-source-6.2.tar", "linux-source-6.9.tar.xz",
                "linux-source-6.1.zip", "linux-headers-6.1.tar.xz", "linux-source-6.3.tar.zst", "README")) {
            Files.createFile(dir.resolve(name));
        }
        Files.createDirectory(dir.resolve("linux-source-6.4.tar.xz"));

        List<String> names = KernelSourceArchive.find(dir).stream().map(KernelSourceArchive::name).toList();

        assertEquals(List.of("linux-source-5.10", "linux-source-6.1", "linux-source-6.2", "linux-source-6.9",
                "linux-source-6.10"), names);
    }

    @Test
    void findInAMissingDirectoryFindsNothing() {
        assertEquals(List.of(), KernelSourceArchive.find(temp.resolve("absent")));
    }

    @Test
    void ofRejectsAFileNotNamedLikeAKernelSourceTarball() {
        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelSourceArchive.of(temp.resolve("linux-6.1.tar.xz")));

        assertTrue(fault.getMessage().contains("linux-6.1.tar.xz"), fault.getMessage());
    }

    @Test
    void theTreeIsNamedAfterTheTarballInTheCachesTreesDirectory() {
        KernelSourceArchive archive = KernelSourceArchive.of(Path.of("/usr/src/linux-source-6.1.tar.xz"));

        assertEquals("linux-source-6.1", archive.name());
        assertEquals(temp.resolve("trees/linux-source-6.1"), archive.extractedTree(temp));
    }

    @Test
    void extractUnpacksAnXzTarballIntoTheCacheAndMarksItComplete() throws Exception {
        Path tarball = tarball("linux-source-6.1.tar.xz", "-J", "linux-source-6.1");
        KernelSourceArchive archive = KernelSourceArchive.of(tarball);
        Path cache = temp.resolve("cache");
        List<String> progress = new ArrayList<>();
        assertFalse(archive.isExtracted(cache));

        Path tree = archive.extract(cache, progress::add);

        assertEquals(cache.resolve("trees/linux-source-6.1"), tree);
        assertEquals("obj-y += kernel/\n", Files.readString(tree.resolve("Makefile")));
        assertTrue(Files.isRegularFile(tree.resolve("arch/x86/Kconfig")));
        assertEquals(stampOf(tarball), Files.readString(cache.resolve("trees/linux-source-6.1.extracted")));
        assertTrue(archive.isExtracted(cache));
        assertEquals(List.of("Extracting linux-source-6.1.tar.xz ...", "Extracted to " + tree), progress);
        assertEquals(List.of("linux-source-6.1", "linux-source-6.1.extracted", "linux-source-6.1.lock"),
                namesIn(cache.resolve("trees")));
    }

    @Test
    void extractUnpacksAGzipTarballToo() throws Exception {
        KernelSourceArchive archive = KernelSourceArchive.of(tarball("linux-source-5.10.tar.gz", "-z", "linux-source-5.10"));

        Path tree = archive.extract(temp.resolve("cache"), line -> { });

        assertTrue(Files.isRegularFile(tree.resolve("arch/x86/Kconfig")));
        assertTrue(archive.isExtracted(temp.resolve("cache")));
    }

    @Test
    void extractingAgainLeavesTheCompleteTreeAlone() throws Exception {
        KernelSourceArchive archive = KernelSourceArchive.of(tarball("linux-source-6.1.tar.xz", "-J", "linux-source-6.1"));
        Path cache = temp.resolve("cache");
        Path tree = archive.extract(cache, line -> { });
        Path marker = cache.resolve("trees/linux-source-6.1.extracted");
        FileTime markedAt = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(marker, markedAt);
        Files.writeString(tree.resolve("added-after-extraction"), "");
        List<String> progress = new ArrayList<>();

        archive.extract(cache, progress::add);

        assertEquals(markedAt, Files.getLastModifiedTime(marker));
        assertTrue(Files.exists(tree.resolve("added-after-extraction")));
        assertEquals(List.of("linux-source-6.1 is already extracted in " + tree), progress);
    }

    @Test
    void aChangedTarballIsExtractedAfreshOverTheOldTree() throws Exception {
        Path tarball = tarball("linux-source-6.1.tar.xz", "-J", "linux-source-6.1");
        KernelSourceArchive archive = KernelSourceArchive.of(tarball);
        Path cache = temp.resolve("cache");
        Path tree = archive.extract(cache, line -> { });
        Files.writeString(tree.resolve("added-after-extraction"), "");
        Files.setLastModifiedTime(tarball, FileTime.fromMillis(1_700_000_000_000L));
        assertFalse(archive.isExtracted(cache));

        archive.extract(cache, line -> { });

        assertFalse(Files.exists(tree.resolve("added-after-extraction")));
        assertTrue(archive.isExtracted(cache));
        assertEquals(List.of("linux-source-6.1", "linux-source-6.1.extracted", "linux-source-6.1.lock"),
                namesIn(cache.resolve("trees")));
    }

    @Test
    void concurrentExtractionsUnpackOnce() throws Exception {
        KernelSourceArchive archive = KernelSourceArchive.of(tarball("linux-source-6.1.tar.xz", "-J", "linux-source-6.1"));
        Path cache = temp.resolve("cache");
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Path> first = threads.submit(() -> archive.extract(cache, progress::add));
            Future<Path> second = threads.submit(() -> archive.extract(cache, progress::add));

            assertEquals(first.get(), second.get());
        } finally {
            threads.shutdown();
        }
        assertEquals(1, progress.stream().filter(line -> line.startsWith("Extracting")).count(), progress.toString());
        assertTrue(archive.isExtracted(cache));
    }

    @Test
    void aTarballWithTwoTopDirectoriesFailsAndLeavesNothingBehind() throws Exception {
        Path tarball = tarball("linux-source-6.1.tar.xz", "-J", "linux-source-6.1", "stray");
        Path cache = temp.resolve("cache");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelSourceArchive.of(tarball).extract(cache, line -> { }));

        assertEquals("cannot extract " + tarball + ": a kernel source tarball holds exactly one top directory, "
                + "but this one holds linux-source-6.1, stray", fault.getMessage());
        assertEquals(List.of("linux-source-6.1.lock"), namesIn(cache.resolve("trees")));
    }

    @Test
    void aCorruptTarballFailsWithAMessageNamingIt() throws Exception {
        Path tarball = Files.writeString(temp.resolve("linux-source-6.1.tar.xz"), "not a tarball at all");
        Path cache = temp.resolve("cache");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelSourceArchive.of(tarball).extract(cache, line -> { }));

        assertTrue(fault.getMessage().startsWith("cannot extract " + tarball + ": tar exited with status 2:"),
                fault.getMessage());
        assertEquals(List.of("linux-source-6.1.lock"), namesIn(cache.resolve("trees")));
    }

    @Test
    void aMissingTarProgramFailsWithAMessageSayingSo() throws Exception {
        Path tarball = tarball("linux-source-6.1.tar.xz", "-J", "linux-source-6.1");
        KernelSourceArchive archive = new KernelSourceArchive(tarball, "kforge-no-such-tar");

        KconfigException fault = assertThrows(KconfigException.class, () -> archive.extract(temp.resolve("cache"), line -> { }));

        assertTrue(fault.getMessage().startsWith("cannot extract " + tarball
                + ": cannot run kforge-no-such-tar (is it installed?)"), fault.getMessage());
    }

    /** The GUI and the test fixture ReferenceTree must agree on whether Debian's tarball is extracted. */
    @Test
    void theInstalledTarballIsFoundAndItsTreeJudgedAsTheTestFixtureJudgesIt() throws IOException {
        Path installed = Path.of("/usr/src/linux-source-6.1.tar.xz");
        assumeTrue(Files.isRegularFile(installed), "the Debian package linux-source-6.1 is not installed");
        Path cache = CacheRoot.of(System.getenv());
        Path tree = cache.resolve("trees/linux-source-6.1");
        Path marker = cache.resolve("trees/linux-source-6.1.extracted");
        assumeTrue(Files.isRegularFile(marker), "the tests have not extracted " + installed + " into " + cache);

        KernelSourceArchive archive = KernelSourceArchive.findInstalled().stream()
                .filter(found -> found.tarball().equals(installed)).findFirst().orElseThrow();

        boolean fixtureSeesItComplete = Files.isDirectory(tree) && stampOf(installed).equals(Files.readString(marker));
        assertEquals(tree, archive.extractedTree(cache));
        assertEquals(fixtureSeesItComplete, archive.isExtracted(cache));
    }

    /** The completion marker's content as ReferenceTree writes it. */
    private static String stampOf(Path tarball) throws IOException {
        return "tarball=" + tarball.toAbsolutePath() + "\n"
                + "size=" + Files.size(tarball) + "\n"
                + "mtime=" + Files.getLastModifiedTime(tarball).toMillis() + "\n";
    }

    /** A small kernel-like tarball with the given top directories, made by the system tar. */
    private Path tarball(String fileName, String compression, String... topDirectories) throws Exception {
        Path content = Files.createTempDirectory(temp, "content");
        for (String top : topDirectories) {
            Files.createDirectories(content.resolve(top).resolve("arch/x86"));
            Files.writeString(content.resolve(top).resolve("Makefile"), "obj-y += kernel/\n", StandardCharsets.UTF_8);
            Files.writeString(content.resolve(top).resolve("arch/x86/Kconfig"), "config X86\n\tdef_bool y\n");
        }
        Path tarball = temp.resolve(fileName);
        List<String> command = new ArrayList<>(List.of("tar", "-c", compression, "-f", tarball.toString(),
                "-C", content.toString()));
        command.addAll(List.of(topDirectories));
        Process tar = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, tar.waitFor(), "tar failed: " + command);
        return tarball;
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
