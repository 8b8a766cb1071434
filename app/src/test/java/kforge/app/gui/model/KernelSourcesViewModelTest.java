package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.tree.KernelSourceArchive;

/** Offering Debian's kernel source package: the newest is offered, extracted once, then opened for ARM. */
class KernelSourcesViewModelTest {
    @TempDir
    Path dir;

    private Path tarball(String version, String topDirectory) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content-" + version).resolve(topDirectory));
        Files.writeString(content.resolve("Kconfig"), "mainmenu \"test\"\n");
        Path usrSrc = Files.createDirectories(dir.resolve("usr-src"));
        Path tarball = usrSrc.resolve("linux-source-" + version + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", content.getParent().toString(),
                topDirectory).inheritIO().start();
        assertEquals(0, tar.waitFor());
        return usrSrc;
    }

    private KernelSourcesViewModel sources(Path usrSrc) {
        return new KernelSourcesViewModel(KernelSourceArchive.find(usrSrc), dir.resolve("cache"), Runnable::run,
                Runnable::run);
    }

    @Test
    void offersTheNewestAndExtractsItOnce() throws Exception {
        tarball("6.1", "linux-source-6.1");
        Path usrSrc = tarball("6.10", "linux-source-6.10");
        KernelSourcesViewModel sources = sources(usrSrc);
        KernelSourceArchive newest = sources.newest();
        assertEquals("linux-source-6.10", newest.name());
        assertFalse(sources.isExtracted(newest));

        Path tree = sources.extract(newest).join();
        assertTrue(Files.isRegularFile(tree.resolve("Kconfig")));
        assertTrue(sources.isExtracted(newest));
        assertFalse(sources.busyProperty().get());
        assertTrue(sources.progressProperty().get().contains(tree.toString()), sources.progressProperty().get());

        OpenRequest request = KernelSourcesViewModel.requestFor(tree, tree.resolveSibling("out/.config"));
        assertEquals("arm", request.arch());
        assertEquals("arm-linux-gnueabi-", request.crossCompile());
    }

    @Test
    void aBrokenTarballSaysWhichAndWhy() throws IOException {
        Path usrSrc = Files.createDirectories(dir.resolve("usr-src"));
        Files.writeString(usrSrc.resolve("linux-source-6.1.tar.xz"), "not a tarball");
        KernelSourcesViewModel sources = sources(usrSrc);
        CompletionException failure = assertThrows(CompletionException.class,
                () -> sources.extract(sources.newest()).join());
        assertTrue(sources.progressProperty().get().contains("linux-source-6.1.tar.xz"),
                sources.progressProperty().get());
        assertFalse(sources.busyProperty().get());
        assertTrue(failure.getCause() instanceof kforge.kconfig.diag.KconfigException, String.valueOf(failure.getCause()));
    }

    @Test
    void nothingInstalledOffersNothing() {
        assertNull(sources(dir.resolve("missing")).newest());
        assertEquals(List.of(), KernelSourceArchive.find(dir.resolve("missing")));
    }
}
