package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import kforge.runner.tree.KernelSourceArchive;

/**
 * Debian's kernel source packages on this machine (/usr/src/linux-source-*.tar.*), offered for opening:
 * extracting one takes a while (about 13 s for 6.1), so it runs in the background with progress.
 */
public final class KernelSourcesViewModel {
    private final List<KernelSourceArchive> archives;
    private final Path cacheRoot;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");

    public KernelSourcesViewModel(List<KernelSourceArchive> archives, Path cacheRoot, Executor background,
                                  Executor ui) {
        this.archives = List.copyOf(archives);
        this.cacheRoot = cacheRoot;
        this.background = background;
        this.ui = ui;
    }

    /** The newest installed source package, if any. */
    public KernelSourceArchive newest() {
        return archives.isEmpty() ? null : archives.get(archives.size() - 1);
    }

    public boolean isExtracted(KernelSourceArchive archive) {
        return archive.isExtracted(cacheRoot);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Extracts (unless done before) and completes with the tree, ready to open. */
    public CompletableFuture<Path> extract(KernelSourceArchive archive) {
        busy.set(true);
        CompletableFuture<Path> done = CompletableFuture.supplyAsync(
                () -> archive.extract(cacheRoot, line -> ui.execute(() -> progress.set(line))), background);
        return done.whenCompleteAsync((tree, failure) -> {
            busy.set(false);
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                progress.set(cause.getMessage());
            }
        }, ui);
    }

    /** An OpenRequest for an extracted Debian tree: its packages are built for ARM boards here first. */
    public static OpenRequest requestFor(Path tree, Path configFile) {
        return new OpenRequest(tree, "arm", "arm-linux-gnueabi-", configFile);
    }
}
