package kforge.runner.host;

/**
 * Something on the host that this particular build needs, beyond the tools every build runs: the OpenSSL
 * headers when module signing is on, libelf for objtool, mkimage for a uImage.
 *
 * @param reason   why this build needs it, e.g. "CONFIG_MODULE_SIG_FORMAT=y builds scripts/sign-file"
 * @param what     the header (as #include names it) or the program
 * @param header   true for a header, false for a program on PATH
 * @param debianPackage where Debian has it
 * @param present  whether this host has it
 */
public record BuildNeed(String reason, String what, boolean header, String debianPackage, boolean present) {

    /** One line for a person. */
    public String describe() {
        String thing = header ? "the header <" + what + ">" : what;
        return reason + ", which needs " + thing + (present ? ": ok"
                : ": missing (apt-get install " + debianPackage + ")");
    }
}
