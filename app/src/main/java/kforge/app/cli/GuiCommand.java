package kforge.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import kforge.app.gui.model.ConfigSession;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.view.KforgeApplication;
import kforge.kconfig.diag.KconfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** kforge gui [--tree DIR --arch A --cross-compile P --config F]: the configuration editor window. */
@Command(name = "gui", description = "Open the configuration editor (the bundled sample tree without --tree).")
public final class GuiCommand implements Callable<Integer> {
    @Option(names = "--tree", paramLabel = "DIR", description = "Kernel source tree (default: the sample tree).")
    Path tree;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture, as make's ARCH= (default: host).")
    String arch;

    @Option(names = "--cross-compile", paramLabel = "PREFIX", description = "Toolchain prefix (CROSS_COMPILE=).")
    String crossCompile;

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to edit (default: $KCONFIG_CONFIG, else .config).")
    Path config;

    @Option(names = "--screenshot", hidden = true, paramLabel = "PNG",
            description = "Save a picture of the window once loaded, then quit (for the README).")
    Path screenshot;

    @Option(names = "--theme", hidden = true, paramLabel = "light|dark", description = "Theme for --screenshot.")
    String theme;

    @Option(names = "--select", hidden = true, paramLabel = "SYMBOL", description = "Symbol to select for --screenshot.")
    String select;

    @Override
    public Integer call() {
        if (!hasDisplay()) {
            throw new KconfigException("the editor needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set;"
                    + " run it under xvfb-run, or use the command line (kforge --help)");
        }
        OpenRequest request = null;
        if (tree != null) {
            ConfigSession.requireKernelTree(tree);
            request = new OpenRequest(tree.toAbsolutePath(), arch, crossCompile,
                    (config != null ? config : TreeOptions.defaultConfig()).toAbsolutePath());
        }
        KforgeApplication.launch(request, screenshot == null ? null
                : new KforgeApplication.Screenshot(screenshot.toAbsolutePath(), theme, select));
        return 0;
    }

    private static boolean hasDisplay() {
        if (System.getProperty("glass.platform") != null) {
            return true;  // e.g. Monocle's headless platform
        }
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private static boolean isSet(String name) {
        String value = System.getenv(name);
        return value != null && !value.isEmpty();
    }
}
