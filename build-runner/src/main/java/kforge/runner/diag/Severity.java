package kforge.runner.diag;

/**
 * How bad a diagnostic is. gcc's "fatal error" and "internal compiler error" are errors here: the user
 * must act on them just the same, and only whether the build can succeed matters for counting.
 */
public enum Severity {
    ERROR,
    WARNING,
    /** Explains a neighbouring error or warning (gcc's "note: declared here"); never counted on its own. */
    NOTE
}
