package kforge.app.gui.model;

import kforge.kconfig.dialect.Dialect;

/**
 * A tree once it is open: what was asked for, the kernel version its top Makefile gives and the Kconfig
 * dialect kforge reads it in. The bundled sample tree is no kernel release, so it has neither.
 *
 * @param kernelVersion as 'make kernelversion' prints it (6.12.117, 2.6.32.2), or null for the sample
 * @param dialect       the tree's Kconfig dialect, or null for the sample
 */
public record OpenedTree(OpenRequest request, String kernelVersion, Dialect dialect) {

    static OpenedTree of(ConfigSession session) {
        return new OpenedTree(session.request(), session.kernelVersion(), session.dialect());
    }

    /**
     * The tree for a title: "linux-source-6.12 (Linux 6.12.117, Kconfig dialect of Linux 6.12)". The sample
     * says only that it is the sample: a Linux version or a dialect there would be made up.
     */
    public String label() {
        if (request.isSample() || dialect == null) {
            return "sample tree";
        }
        return request.tree().getFileName() + " (Linux " + kernelVersion + ", " + dialect.name() + ")";
    }

    /** Why the result should be checked with the tree's own conf (a dialect not verified), or "". */
    public String caution() {
        String caution = dialect == null ? null : dialect.caution();
        return caution == null ? "" : caution;
    }
}
