package kforge.kconfig.diag;

/** A place in a Kconfig or .config file, named the way conf names it (path relative to srctree). */
public record SourceLocation(String file, int line) {
    public static final SourceLocation NONE = new SourceLocation("<none>", 0);

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
