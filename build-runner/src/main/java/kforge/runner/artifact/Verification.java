package kforge.runner.artifact;

import java.util.Objects;

/**
 * The verdict on one artifact.
 *
 * @param ok     whether the file has the format its kind promises (and, for ELF files, the right machine)
 * @param detail one line for a person, said either way: what was found, or what is wrong
 */
public record Verification(boolean ok, String detail) {
    public Verification {
        Objects.requireNonNull(detail, "detail");
    }

    static Verification passed(String detail) {
        return new Verification(true, detail);
    }

    static Verification failed(String detail) {
        return new Verification(false, detail);
    }
}
