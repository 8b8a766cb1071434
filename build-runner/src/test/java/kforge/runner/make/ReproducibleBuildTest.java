package kforge.runner.make;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.CommandRun;

import kforge.runner.record.BuildRecord;

/**
 * Where a reproducible build's timestamp comes from, checked by handing it to date -d as the kernel's
 * scripts do (usr/gen_initramfs.sh): the epoch that date reads back must be the one chosen.
 */
class ReproducibleBuildTest {
    @TempDir
    Path dir;

    @Test
    void aTarballTreeGetsTheFixedEpoch() throws Exception {
        BuildRecord.Reproducible r = ReproducibleBuild.of(dir, dir.resolve("out"), Map.of()).settings();
        assertEquals("fixed", r.timestampSource());
        assertEquals(0, dateReads(r.timestamp()));
        assertEquals("kforge", r.user());
        assertEquals("kforge", r.host());
    }

    @Test
    void aGitTreeGetsItsHeadCommitTime() throws Exception {
        Instant commitTime = Instant.parse("2022-11-29T12:34:56Z");
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            Files.writeString(dir.resolve("Makefile"), "VERSION = 6\n");
            git.add().addFilepattern("Makefile").call();
            PersonIdent who = new PersonIdent("Dev", "dev@example.org", Date.from(commitTime),
                    TimeZone.getTimeZone("Europe/Berlin"));
            git.commit().setMessage("tree").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        BuildRecord.Reproducible r = ReproducibleBuild.of(dir, dir.resolve("out"), Map.of()).settings();
        assertEquals("git HEAD", r.timestampSource());
        assertEquals(commitTime.getEpochSecond(), dateReads(r.timestamp()));
    }

    @Test
    void sourceDateEpochAndTheCallersOwnValuesWin() throws Exception {
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1700000000", "KBUILD_BUILD_USER", "alice",
                "KCFLAGS", "-Wno-error");
        ReproducibleBuild build = ReproducibleBuild.of(dir, dir.resolve("out"), env);
        assertEquals("SOURCE_DATE_EPOCH", build.settings().timestampSource());
        assertEquals(1700000000L, dateReads(build.settings().timestamp()));
        Map<String, String> make = build.applyTo(env);
        assertEquals("alice", make.get("KBUILD_BUILD_USER"));
        assertEquals("-Wno-error -ffile-prefix-map=" + dir.toAbsolutePath() + "/= -ffile-prefix-map="
                + dir.resolve("out").toAbsolutePath() + "/=", make.get("KCFLAGS"));
    }

    /** What date -d makes of the timestamp, in seconds since the epoch. */
    private static long dateReads(String timestamp) {
        return Long.parseLong(CommandRun.run(List.of("date", "-d", timestamp, "+%s"), System.getenv(),
                Duration.ofSeconds(30)).requireSuccess().stdout().strip());
    }
}
