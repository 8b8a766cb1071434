package kforge.runner.patch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.KernelVersion;

/**
 * kernel.org's incremental patches, known by name: patch-6.1.1 (stable, against 6.1), patch-6.1.1-2 (from
 * incr/, 6.1.1 to 6.1.2), patch-6.2-rc1 and patch-6.2 (mainline). Applying one to a git tree makes a commit
 * "Linux 6.1.1" tagged v6.1.1, as kernel.org's own trees have; the version comes from the patched Makefile
 * (a zero SUBLEVEL left out, as in v6.2 and v6.2-rc1).
 *
 * @param base the version the patch is made against, when the name says it, else null
 */
record KernelRelease(String base) {
    private static final Pattern INCREMENTAL = Pattern.compile("patch-(\\d+\\.\\d+)\\.(\\d+)-(\\d+)");
    private static final Pattern STABLE = Pattern.compile("patch-(\\d+\\.\\d+)\\.(\\d+)");
    private static final Pattern MAINLINE = Pattern.compile("patch-\\d+\\.\\d+(?:-rc\\d+)?");
    private static final Pattern SUFFIX = Pattern.compile("(\\.patch|\\.diff)?(\\.xz|\\.gz|\\.bz2)?$");

    /** The release patch a file name says it is, or null for any other patch. */
    static KernelRelease fromName(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        base = SUFFIX.matcher(base).replaceFirst("");
        Matcher m = INCREMENTAL.matcher(base);
        if (m.matches()) {
            return new KernelRelease(m.group(1) + "." + m.group(2));
        }
        m = STABLE.matcher(base);
        if (m.matches()) {
            return new KernelRelease(m.group(1));
        }
        return MAINLINE.matcher(base).matches() ? new KernelRelease(null) : null;
    }

    /** Refuses a stable patch for another base before it fails on some hunk with a less telling message. */
    void requireBase(Path tree, String patch) {
        Path makefile = tree.resolve("Makefile");
        if (base == null || !Files.isRegularFile(makefile)) {
            return;
        }
        String current = release(KernelVersion.read(makefile).kernelVersion());
        if (!current.equals(base)) {
            throw new KconfigException(patch + ": this patch is against Linux " + base + ", but the tree's Makefile"
                    + " says " + current + (base.chars().filter(c -> c == '.').count() == 1
                            ? " (stable patches all apply to the x.y release; use the incremental patch from incr/)"
                            : ""));
        }
    }

    /**
     * A release as kernel.org names it: KERNELVERSION without a zero SUBLEVEL, since the Makefile of 6.2-rc1
     * says 6.2.0-rc1 but its tag is v6.2-rc1.
     */
    static String release(String kernelVersion) {
        return kernelVersion.replaceFirst("^(\\d+\\.\\d+)\\.0(?![0-9])", "$1");
    }

    /** The release the tree will be once the patch is in, from the patched Makefile. */
    static String versionAfter(PatchPlan plan, String patch) {
        byte[] makefile = plan.contentAfter("Makefile");
        if (makefile == null) {
            throw new KconfigException(patch + ": a kernel release patch, but the tree has no top Makefile");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile("kforge-Makefile", "");
            Files.write(temporary, makefile);
            return release(KernelVersion.read(temporary).kernelVersion());
        } catch (IOException e) {
            throw new KconfigException(patch + ": cannot read the patched Makefile: " + e.getMessage());
        } catch (KconfigException e) {
            throw new KconfigException(patch + ": the patched Makefile has no VERSION: is this a Linux tree?");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a stray temporary file is harmless
                }
            }
        }
    }
}
