package kforge.runner.make;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the fake kernel tree (test resources kforge/runner/fakekernel) in a test's own directory. */
final class FakeKernel {

    private FakeKernel() {
    }

    static Path copyTo(Path dir) {
        try {
            Path source = Path.of(FakeKernel.class.getResource("/kforge/runner/fakekernel/Makefile").toURI()).getParent();
            Path tree = dir.resolve("linux");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = tree.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
