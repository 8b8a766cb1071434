package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.Main;
import kforge.runner.artifact.Artifact;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/**
 * kforge build on Debian's linux-source-6.1 with gcc-arm-linux-gnueabi: the s3c2410 profile with a small
 * fragment over allnoconfig (SMDK2410, S3C2410, Samsung serial console), built into a real zImage. The
 * .config is checked against the kernel's own make, and the zImage's magic by reading the bytes here.
 */
class BoardBuildEndToEndTest {
    private static final String CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path dir;

    @Test
    void s3c2410ZImageBuildsVerifiesAndIsRecorded() throws Exception {
        Path tree = ReferenceTree.get();
        Path fragment = Path.of(getClass().getResource("/kforge/app/fragments/s3c2410-tiny.config").toURI());
        Path out = dir.resolve("out");

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int status;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            status = Main.run(new String[] {"build", "--board", "s3c2410", "--tree", tree.toString(),
                "--from-allnoconfig", "--fragment", fragment.toString(), "--out", out.toString(), "-j2", "-q",
                "--progress", "plain"});
        } finally {
            System.setOut(saved);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, tail(output));

        assertEquals(makeAllnoconfig(tree, fragment), Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1),
                "the .config equals make allnoconfig with the fragment as KCONFIG_ALLCONFIG");

        BuildRecord record = BuildRecords.read(out.resolve(BuildRecords.LATEST));
        assertEquals(BuildStatus.PASS, record.status());
        assertEquals("s3c2410", record.board());
        assertEquals(CROSS, record.toolchain().prefix());
        assertEquals(BuildStatus.PASS, record.target("zImage").orElseThrow().status());
        assertTrue(record.target("zImage").orElseThrow().compiledObjects() > 300, record.targets().toString());
        Artifact zImage = record.artifacts().stream().filter(a -> a.path().equals("arch/arm/boot/zImage"))
                .findFirst().orElseThrow();
        assertTrue(zImage.verified(), zImage.detail());
        assertEquals(0x016f2818, magicAt0x24(out.resolve("arch/arm/boot/zImage")));
        assertTrue(record.artifacts().stream().anyMatch(a -> a.path().equals("vmlinux") && a.verified()));
        assertTrue(output.contains("kforge: zImage PASS"), tail(output));
        assertTrue(output.contains("  CC      init/main.o"), "make's output is passed through on a non-TTY");
        assertTrue(Files.readString(out.resolve("kforge-build.log")).contains("Kernel: arch/arm/boot/zImage is ready"));
    }

    private static int magicAt0x24(Path zImage) throws IOException {
        byte[] bytes = Files.readAllBytes(zImage);
        return ByteBuffer.wrap(bytes, 0x24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private String makeAllnoconfig(Path tree, Path fragment) throws IOException, InterruptedException {
        Path makeOut = Files.createDirectories(dir.resolve("make"));
        ProcessBuilder pb = new ProcessBuilder(List.of("make", "-s", "-C", tree.toString(), "O=" + makeOut,
                "ARCH=arm", "CROSS_COMPILE=" + CROSS, "KCONFIG_ALLCONFIG=" + fragment, "allnoconfig"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("make.err").toFile());
        pb.environment().clear();
        pb.environment().putAll(Oracle.makeEnvironment());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("make.err")));
        return Files.readString(makeOut.resolve(".config"), StandardCharsets.ISO_8859_1);
    }

    private static String tail(String text) {
        return text.length() < 4000 ? text : text.substring(text.length() - 4000);
    }
}
