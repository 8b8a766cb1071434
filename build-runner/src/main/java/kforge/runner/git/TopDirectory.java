package kforge.runner.git;

import kforge.kconfig.diag.KconfigException;

/**
 * The one directory a kernel tarball keeps everything in ({@code linux-6.1.158/}, {@code linux-source-6.1/}),
 * learnt from the first entry and stripped from every name, as {@code tar --strip-components=1} does.
 */
final class TopDirectory {
    private final String tarballName;
    private String name;

    TopDirectory(String tarballName) {
        this.tarballName = tarballName;
    }

    /**
     * The entry's path below the top directory: "" for the top directory itself.
     *
     * @throws KconfigException when the entry is outside the top directory or is the top and not a directory
     */
    String strip(String entryName, boolean isDirectory) {
        String path = entryName;
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.isEmpty() || path.equals(".")) {
            return "";
        }
        if (path.startsWith("/")) {
            throw new KconfigException(tarballName + ": holds an absolute path, " + entryName
                    + "; kforge only imports tarballs with one top directory, like linux-6.1/");
        }
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "" : path.substring(slash + 1);
        if (name == null) {
            if (rest.isEmpty() && !isDirectory) {
                throw new KconfigException(tarballName + ": its first entry, " + entryName + ", is a file, not a top"
                        + " directory; kforge only imports tarballs with one top directory, like linux-6.1/");
            }
            name = first;
        } else if (first.equals(name) && rest.isEmpty() && !isDirectory) {
            throw new KconfigException(tarballName + ": holds " + entryName + ", its top directory, as a file or"
                    + " link too");
        } else if (!first.equals(name)) {
            throw new KconfigException(tarballName + ": holds more than one top directory (" + name + "/ and "
                    + first + "); kforge only imports tarballs with one, like linux-6.1/");
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest;
    }

    /** The top directory's name, or null before the first entry. */
    String name() {
        return name;
    }
}
