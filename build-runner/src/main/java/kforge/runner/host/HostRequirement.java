package kforge.runner.host;

import java.util.List;
import java.util.Objects;

/**
 * One row of the kernel's "Current Minimal Requirements" table (Documentation/process/changes.rst).
 *
 * @param program        the name in the table, without footnote marks and "(optional)", e.g. "GNU C"
 * @param minimumVersion as written, e.g. "5.1", "2.10o" or "any"
 * @param command        the check command as an argument list, e.g. [gcc, --version]; of "a || b" only a
 * @param optional       whether the table marks the program as optional
 */
public record HostRequirement(String program, String minimumVersion, List<String> command, boolean optional) {
    public HostRequirement {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(minimumVersion, "minimumVersion");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command for " + program);
        }
    }

    /** The minimum as a version, or null when the table gives none ("any"). */
    public VersionNumber minimum() {
        return VersionNumber.tryParse(minimumVersion);
    }

    /** The program the command runs, e.g. "gcc" or "ld". */
    public String executable() {
        return command.get(0);
    }
}
