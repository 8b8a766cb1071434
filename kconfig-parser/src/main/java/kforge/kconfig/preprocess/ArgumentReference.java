package kforge.kconfig.preprocess;

import java.math.BigInteger;

/**
 * Recognises $(1), $(2)... inside a user-defined function. preprocess.c reads the clause with
 * strtoul(clause, &end, 10), so leading blanks, a sign and leading zeros are accepted too ("$( 01)" is the
 * first argument); this class reproduces that reading, overflow and negation included.
 */
final class ArgumentReference {
    private static final BigInteger ULONG_RANGE = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger ULONG_MAX = ULONG_RANGE.subtract(BigInteger.ONE);
    /** Up to this many digits always fit a long, so the common case needs no BigInteger. */
    private static final int LONG_SAFE_DIGITS = 18;

    private ArgumentReference() {
    }

    /** The 1-based argument {@code clause} names, or 0 when it is not a reference to one of {@code argc} arguments. */
    static int index(String clause, int argc) {
        if (argc == 0) {
            return 0;
        }
        int i = skipCSpace(clause, 0);
        boolean negative = false;
        if (i < clause.length() && (clause.charAt(i) == '+' || clause.charAt(i) == '-')) {
            negative = clause.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        while (i < clause.length() && isDigit(clause.charAt(i))) {
            i++;
        }
        if (i == digitsStart || i != clause.length()) {
            return 0;
        }
        BigInteger value = strtoulValue(clause.substring(digitsStart), negative);
        return value.signum() > 0 && value.compareTo(BigInteger.valueOf(argc)) <= 0 ? value.intValue() : 0;
    }

    private static BigInteger strtoulValue(String digits, boolean negative) {
        BigInteger magnitude = digits.length() <= LONG_SAFE_DIGITS
                ? BigInteger.valueOf(Long.parseLong(digits))
                : new BigInteger(digits);
        if (magnitude.compareTo(ULONG_MAX) > 0) {
            return ULONG_MAX;
        }
        // strtoul negates in unsigned arithmetic: "-1" is ULONG_MAX, not an error.
        return negative ? ULONG_RANGE.subtract(magnitude).mod(ULONG_RANGE) : magnitude;
    }

    private static int skipCSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isCSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** isspace() in the C locale. */
    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
