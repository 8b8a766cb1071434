package kforge.runner.board;

import java.util.List;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.KernelRelease;

/**
 * What a profile's values must look like before kforge uses them: its name becomes a folder (kforge batch's
 * OUT/NAME), its arch and defconfig a path in the tree, its fragments files in the tree, its targets make's
 * arguments. A user's profile that breaks one is refused when it is read, naming the file and the field,
 * rather than later, in a path below the tree or a make that says something else.
 */
final class BoardProfileCheck {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern ARCH = Pattern.compile("[a-z0-9_]+");
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/+-]*");

    private final String fileName;

    private BoardProfileCheck(String fileName) {
        this.fileName = fileName;
    }

    static void check(String fileName, BoardProfile profile) {
        new BoardProfileCheck(fileName).check(profile);
    }

    private void check(BoardProfile p) {
        require("name", p.name(), NAME, "letters, digits and . _ + -");
        require("arch", p.arch(), ARCH, "an arch/ folder's name, such as arm or x86_64");
        require("defconfig", p.defconfig(), NAME, "a file name in arch/ARCH/configs");
        for (String fragment : p.fragments()) {
            requireRelativePath("fragments", fragment);
        }
        for (String target : p.targets()) {
            require("targets", target, TARGET, "make targets such as zImage or dtbs");
        }
        for (String artifact : p.artifacts()) {
            requireRelativePath("artifacts", artifact);
        }
        if (p.removed() != null) {
            requireText("removed.why", p.removed().why());
            String release = requireText("removed.release", p.removed().release());
            try {
                KernelRelease.parse(release);
            } catch (KconfigException e) {
                throw invalid("\"removed.release\": " + e.getMessage());
            }
        }
        if (p.boot() != null && p.boot().runner() == null) {
            requireText("boot.instead", p.boot().instead());
        }
    }

    private void require(String field, String value, Pattern pattern, String what) {
        requireText(field, value);
        if (!pattern.matcher(value).matches()) {
            throw invalid("\"" + field + "\" is \"" + printable(value) + "\"; it takes " + what);
        }
    }

    private String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid("\"" + field + "\" is missing");
        }
        return value;
    }

    /** A path inside the tree or the out dir: relative, without "..", NUL or an empty part. */
    private void requireRelativePath(String field, String value) {
        requireText(field, value);
        List<String> parts = List.of(value.split("/", -1));
        if (value.startsWith("/") || parts.contains("..") || parts.contains("") || value.indexOf('\0') >= 0) {
            throw invalid("\"" + field + "\" holds \"" + printable(value) + "\"; it takes paths relative to the"
                    + " tree, without ..");
        }
    }

    private KconfigException invalid(String what) {
        return new KconfigException(fileName + ": not a valid board profile: " + what);
    }

    private static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return shown.replace("\0", "\\0");
    }
}
