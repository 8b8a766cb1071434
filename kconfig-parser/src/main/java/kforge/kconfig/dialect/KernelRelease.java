package kforge.kconfig.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;

/**
 * A kernel release as its top Makefile numbers it: VERSION.PATCHLEVEL.SUBLEVEL. Ordered as releases follow
 * each other, so 2.6.32 &lt; 2.6.36 &lt; 3.0 &lt; 4.18 &lt; 6.11.
 */
public record KernelRelease(int version, int patchLevel, int subLevel) implements Comparable<KernelRelease> {
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** "6.11" or "2.6.32": the first release that has a change. */
    public static KernelRelease parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new KconfigException("'" + text + "' is not a kernel release (VERSION.PATCHLEVEL[.SUBLEVEL])");
        }
        return new KernelRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** The numbers as the Makefile spells them; a missing or non-numeric part fails with the Makefile named. */
    public static KernelRelease fromMakefile(String version, String patchLevel, String subLevel, String where) {
        return new KernelRelease(number(version, "VERSION", where), number(patchLevel, "PATCHLEVEL", where),
                subLevel.isEmpty() ? 0 : number(subLevel, "SUBLEVEL", where));
    }

    private static int number(String text, String name, String where) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new KconfigException(where + ": " + name + " = '" + text + "' is not a number");
        }
    }

    public boolean isAtLeast(KernelRelease other) {
        return compareTo(other) >= 0;
    }

    /** The release series: 6.12.117 belongs to 6.12, 2.6.32.2 to 2.6.32. */
    public KernelRelease series() {
        return version >= 3 ? new KernelRelease(version, patchLevel, 0) : this;
    }

    @Override
    public int compareTo(KernelRelease o) {
        if (version != o.version) {
            return Integer.compare(version, o.version);
        }
        if (patchLevel != o.patchLevel) {
            return Integer.compare(patchLevel, o.patchLevel);
        }
        return Integer.compare(subLevel, o.subLevel);
    }

    @Override
    public String toString() {
        return version >= 3 && subLevel == 0 ? version + "." + patchLevel : version + "." + patchLevel + "." + subLevel;
    }
}
