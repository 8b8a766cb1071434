package kforge.kconfig.preprocess;

import java.nio.charset.Charset;

/** Turns the raw stdout of a $(shell,...) command into its expansion, exactly as do_shell() does. */
public final class ShellOutput {
    /** do_shell() reads into a 4096-byte buffer and keeps room for the terminating NUL. */
    public static final int READ_BUFFER_BYTES = 4096;
    public static final int MAX_BYTES = READ_BUFFER_BYTES - 1;

    private ShellOutput() {
    }

    /**
     * @param stdout the bytes read; modified in place
     * @param length how many bytes of {@code stdout} were read, up to {@link #READ_BUFFER_BYTES}
     */
    public static String toExpansion(byte[] stdout, int length, Charset charset) {
        int end = Math.min(length, MAX_BYTES);
        while (end > 0 && stdout[end - 1] == '\n') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (stdout[i] == '\n') {
                stdout[i] = ' ';
            }
        }
        // The C code copies the buffer as a C string, so output stops at the first NUL byte.
        return new String(stdout, 0, untilNul(stdout, end), charset);
    }

    private static int untilNul(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return end;
    }
}
