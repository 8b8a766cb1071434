package kforge.app.gui.model;

import java.nio.file.Path;

/**
 * What the user asked to open: a kernel tree for an ARCH and cross prefix, or the bundled sample tree
 * (tree == null), and the .config to edit.
 */
public record OpenRequest(Path tree, String arch, String crossCompile, Path configFile) {

    public static OpenRequest sample(Path configFile) {
        return new OpenRequest(null, null, null, configFile);
    }

    public boolean isSample() {
        return tree == null;
    }

    /** A short name for titles and the recent list. */
    public String describe() {
        if (isSample()) {
            return "sample tree";
        }
        StringBuilder sb = new StringBuilder(tree.toString());
        if (arch != null && !arch.isEmpty()) {
            sb.append(" ARCH=").append(arch);
        }
        return sb.toString();
    }
}
