package kforge.kconfig.eval;

/**
 * C library number parsing (strtoll/strtoull), because Kconfig's comparisons and range checks follow its
 * rules exactly: prefixes, where parsing stops, and clamping on overflow.
 */
public final class CNumbers {
    /** The outcome of one strtoll/strtoull call: value, index where parsing stopped, and ERANGE. */
    public record Parsed(long value, int end, boolean overflow) {
    }

    private CNumbers() {
    }

    public static long strtoll(String s, int base) {
        return parse(s, base, true).value;
    }

    public static Parsed parseSigned(String s, int base) {
        return parse(s, base, true);
    }

    public static Parsed parseUnsigned(String s, int base) {
        return parse(s, base, false);
    }

    private static Parsed parse(String s, int base, boolean signed) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if ((base == 0 || base == 16) && i + 1 < n && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            base = 16;
        } else if (base == 0) {
            base = i < n && s.charAt(i) == '0' ? 8 : 10;
        }
        int digitsStart = i;
        long acc = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0 || s.charAt(i) > 0x7f) {
                break;
            }
            if (!overflow) {
                long next = acc * base + d;
                if (Long.compareUnsigned(acc, Long.divideUnsigned(-1L - d, base)) > 0) {
                    overflow = true;
                } else {
                    acc = next;
                }
            }
        }
        if (i == digitsStart) {
            return new Parsed(0, 0, false);
        }
        if (signed) {
            long limit = negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            if (overflow || Long.compareUnsigned(acc, negative ? Long.MIN_VALUE : Long.MAX_VALUE) > 0) {
                return new Parsed(limit, i, true);
            }
            return new Parsed(negative ? -acc : acc, i, false);
        }
        if (overflow) {
            return new Parsed(-1L, i, true);
        }
        return new Parsed(negative ? -acc : acc, i, false);
    }

    /** C's isspace in the C locale. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isXDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
