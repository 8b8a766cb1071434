package kforge.runner.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.wrapper.DistccHosts.Host;
import kforge.runner.wrapper.DistccHosts.Host.Kind;

/** distcc(1)'s HOST SPECIFICATIONS, and where the list is looked for. */
class DistccHostsTest {
    @TempDir
    Path dir;

    @Test
    void eachFormOfHostSpecification() {
        assertEquals(List.of(
                new Host("localhost/2", Kind.LOCALHOST, "localhost", 0),
                new Host("red", Kind.TCP, "red", 3632),
                new Host("green:4000/8,lzo", Kind.TCP, "green", 4000),
                new Host("blue/3:4001", Kind.TCP, "blue", 4001),
                new Host("[::1]:3633", Kind.TCP, "::1", 3633),
                new Host("10.0.0.1/4", Kind.TCP, "10.0.0.1", 3632),
                new Host("me@far/2", Kind.SSH, "far", 0),
                new Host("--randomize", Kind.OTHER, null, 0),
                new Host("+zeroconf", Kind.OTHER, null, 0)),
                DistccHosts.parse("localhost/2 red  green:4000/8,lzo\nblue/3:4001 [::1]:3633 10.0.0.1/4 # comment\n"
                        + "me@far/2 --randomize +zeroconf"));
    }

    @Test
    void theEnvironmentComesBeforeTheUsersFile() throws Exception {
        Files.createDirectories(dir.resolve(".distcc"));
        Files.writeString(dir.resolve(".distcc/hosts"), "# build farm\nfast/8\n");
        DistccHosts fromFile = DistccHosts.of(Map.of("HOME", dir.toString()));
        assertEquals(List.of("fast/8"), fromFile.specs());
        assertEquals(dir.resolve(".distcc/hosts").toString(), fromFile.source());

        DistccHosts fromEnvironment = DistccHosts.of(Map.of("HOME", dir.toString(), "DISTCC_HOSTS", "a b"));
        assertEquals(List.of("a", "b"), fromEnvironment.specs());
        assertEquals("DISTCC_HOSTS", fromEnvironment.source());
    }
}
