package kforge.kconfig.diag;

/**
 * A fault in the user's input (Kconfig, .config, a value) that stops the operation.
 * Its message is complete and is printed as is, without a stack trace; it already names the file:line
 * or the value when there is one, in the same words conf uses.
 */
public class KconfigException extends RuntimeException {
    private final transient SourceLocation location;

    public KconfigException(String message) {
        super(message);
        this.location = null;
    }

    public KconfigException(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    /** For messages whose layout differs from "file:line: message" but still point to a place. */
    public static KconfigException verbatim(SourceLocation location, String fullMessage) {
        return new KconfigException(fullMessage, location);
    }

    private KconfigException(String fullMessage, SourceLocation location) {
        super(fullMessage);
        this.location = location;
    }

    /** The place the fault was found, or null when it is not tied to a file. */
    public SourceLocation location() {
        return location;
    }
}
