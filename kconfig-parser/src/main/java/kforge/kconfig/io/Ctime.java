package kforge.kconfig.io;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** C's ctime() without its newline: "Tue Dec  1 23:24:00 2026" in the local time zone. */
final class Ctime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ROOT);

    private Ctime() {
    }

    static String now() {
        return FORMAT.format(ZonedDateTime.now());
    }
}
