package kforge.runner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionNumberTest {

    private static String found(String output) {
        VersionNumber v = VersionNumber.findIn(output);
        return v == null ? null : v.toString();
    }

    @Test
    void findsTheFirstDottedNumberInToolOutput() {
        assertEquals("4.3", found("GNU Make 4.3\nBuilt for x86_64-pc-linux-gnu\nCopyright (C) 1988-2020"));
        assertEquals("12.2.0", found("gcc (Debian 12.2.0-14) 12.2.0\nCopyright (C) 2022 Free Software Foundation, Inc."));
        assertEquals("12.2.0", found("gcc (Debian 12.2.0-14+deb12u1) 12.2.0\n"));
        assertEquals("1.07.1", found("bc 1.07.1\nCopyright 1991-1994, 1997, 1998, 2000, 2004, 2006 Free Software Foundation, Inc."));
        assertEquals("2.40", found("GNU ld (GNU Binutils for Debian) 2.40\n"));
        assertEquals("2.6.4", found("flex 2.6.4\n"));
        assertEquals("3.8.2", found("bison (GNU Bison) 3.8.2\nWritten by Robert Corbett and Richard Stallman."));
        assertEquals("5.2.15", found("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)"));
        assertEquals("1.62.0", found("rustc 1.62.0 (a8314ef7d 2022-06-27)"));
        assertEquals("0.56.0", found("bindgen v0.56.0"));
        assertEquals("3.0.11", found("OpenSSL 3.0.11 19 Sep 2023 (Library: OpenSSL 3.0.11 19 Sep 2023)"));
        assertEquals("1.24", found("pahole v1.24"));
    }

    @Test
    void skipsNumbersGluedToWords() {
        assertEquals("2.0", found("tool-x86_64.1 build a1.5 version 2.0"));
    }

    @Test
    void fallsBackToAPlainNumberAfterTheWordVersion() {
        assertEquals("30", found("kmod version 30\n+ZSTD +XZ -ZLIB +LIBCRYPTO -EXPERIMENTAL"));
        assertNull(found("usage: btrfsck [options] <device>"));
        assertNull(found(""));
    }

    @Test
    void comparesNumericallyComponentByComponent() {
        assertTrue(v("3.82").compareTo(v("4.3")) < 0);
        assertTrue(v("2.5.35").compareTo(v("2.6.4")) < 0);
        assertTrue(v("1.06.95").compareTo(v("1.07.1")) < 0);
        assertTrue(v("5.1").compareTo(v("12.2.0")) < 0);
        assertTrue(v("2.10").compareTo(v("2.9")) > 0);
        assertTrue(v("3.8.2").isAtLeast(v("2.0")));
        assertTrue(v("4.3").isAtLeast(v("4.3")));
        assertEquals(v("1.0"), v("1.0.0"));
        assertEquals(v("1.0").hashCode(), v("1.0.0").hashCode());
        assertEquals(v("004"), v("4"));
        assertTrue(v("99999999999999999999999.1").compareTo(v("99999999999999999999999.0")) > 0);
    }

    @Test
    void parsesTheLeadingNumberOfATableMinimum() {
        assertEquals(v("2.10"), v("2.10o"));
        assertEquals("004", v("004").toString());
        assertNull(VersionNumber.tryParse("any"));
        assertThrows(IllegalArgumentException.class, () -> VersionNumber.parse("any"));
    }

    private static VersionNumber v(String text) {
        return VersionNumber.parse(text);
    }
}
