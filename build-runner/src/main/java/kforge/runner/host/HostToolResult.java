package kforge.runner.host;

import java.util.Objects;

/**
 * What checking one host tool found.
 *
 * @param requirement the row that was checked
 * @param status      the verdict
 * @param found       the version the tool printed, or null when it is missing or printed none
 * @param message     one line for a person, e.g. "bison 3.8.2 (needs 2.0): ok"
 */
public record HostToolResult(HostRequirement requirement, Status status, VersionNumber found, String message) {
    public enum Status {
        /** Found, and at least the minimal version (or the table asks for any version). */
        OK,
        /** Found, but older than the minimal version. */
        TOO_OLD,
        /** The command is not an executable on the PATH. */
        MISSING,
        /** Found, but it printed no version number, failed to start or did not finish in time. */
        UNKNOWN_VERSION
    }

    public HostToolResult {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** For a missing tool, the Debian package that provides it; null otherwise or when not known. */
    public String debianPackage() {
        return status == Status.MISSING ? HostToolCheck.debianPackageFor(requirement.executable()) : null;
    }
}
