package kforge.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/** The merge against the kernel's own scripts/kconfig/merge_config.sh (-m: merge only, no make). */
class FragmentMergeTest {
    @TempDir
    Path dir;

    private String mergeConfigSh(Path base, Path... fragments) throws Exception {
        Path out = Files.createDirectories(dir.resolve("script-out"));
        Path work = Files.createDirectories(dir.resolve("script-work"));
        List<String> command = new java.util.ArrayList<>(List.of(
                ReferenceTree.get().resolve("scripts/kconfig/merge_config.sh").toString(), "-m", "-O", out.toString(),
                base.toString()));
        for (Path f : fragments) {
            command.add(f.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(Oracle.makeEnvironment());
        assertEquals(0, pb.start().waitFor());
        return Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
    }

    @Test
    void mergesAsMergeConfigShDoes() throws Exception {
        Path base = ReferenceTree.get().resolve("arch/arm/configs/s3c2410_defconfig");
        Path first = write("first.config", "CONFIG_VFAT_FS=m\n# CONFIG_EXT3_FS is not set\nCONFIG_EXT4_FS=m\n"
                + "# a comment line\nCONFIG_CMDLINE=\"console=ttySAC0,115200\"\n");
        Path second = write("second.config", "CONFIG_VFAT_FS=y\nCONFIG_NEW_SYMBOL=y");  // no final newline
        Path third = write("third.config", "CONFIG_EXT4_FS=y\n");
        String expected = mergeConfigSh(base, first, second, third);

        FragmentMerge merge = new FragmentMerge(base.toString(), Files.readString(base, StandardCharsets.ISO_8859_1))
                .add(first.toString(), Files.readString(first, StandardCharsets.ISO_8859_1))
                .add(second.toString(), Files.readString(second, StandardCharsets.ISO_8859_1))
                .add(third.toString(), Files.readString(third, StandardCharsets.ISO_8859_1));
        assertEquals(expected, merge.text());
        assertEquals(List.of("CONFIG_VFAT_FS", "CONFIG_EXT3_FS", "CONFIG_CMDLINE", "CONFIG_VFAT_FS",
                "CONFIG_EXT4_FS"),
                merge.redefinitions().stream().map(FragmentMerge.Redefinition::symbol).toList());
    }

    @Test
    void unmetListsRequestedLinesTheConfigLacks() {
        FragmentMerge merge = new FragmentMerge("base", "CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=\"x\"\n")
                .add("fragment", "CONFIG_C=\"y\"\n");
        String finalConfig = "CONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\n";
        assertEquals(List.of(new FragmentMerge.Unmet("CONFIG_B", "# CONFIG_B is not set", "CONFIG_B=y", "base"),
                new FragmentMerge.Unmet("CONFIG_C", "CONFIG_C=\"y\"", "# CONFIG_C is not set", "fragment")),
                merge.unmet(finalConfig));
    }
}
