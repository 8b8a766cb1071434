package kforge.kconfig.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kforge.kconfig.diag.KconfigException;

/**
 * The sources a tree builds its scripts/kconfig/conf from, as one fingerprint, and the fingerprints kforge
 * has compared byte for byte with their conf. A tree whose sources match none of them (a vendor edited
 * them, or a release kforge has not studied) gets its result checked against its own conf.
 */
public final class KconfigSources {
    /** The front ends and tools beside conf in scripts/kconfig; their sources do not change what conf does. */
    private static final Pattern NOT_CONF = Pattern.compile(
            "(mconf|nconf|qconf|gconf|kxgettext|images|mnconf-common).*|.*\\.(pl|sh|glade|in|py)|Makefile|.*\\.o|conf");
    private static final Pattern CONF_SOURCE = Pattern.compile(".*\\.(c|h|y|l|gperf)|.*_shipped");
    private static final String KNOWN = "/kforge/kconfig/check/known-kconfig-sources.txt";

    private KconfigSources() {
    }

    /** sha256 over conf's sources in scripts/kconfig (and scripts/include, which 6.9 and later use), by name. */
    public static String fingerprint(Path srctree) {
        List<Path> files = new ArrayList<>();
        addSources(srctree, srctree.resolve("scripts/kconfig"), files);
        addSources(srctree, srctree.resolve("scripts/include"), files);
        files.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(srctree.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new KconfigException(srctree + "/scripts/kconfig: cannot read conf's sources: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addSources(Path srctree, Path dir, List<Path> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return CONF_SOURCE.matcher(name).matches() && !NOT_CONF.matcher(name).matches();
            }).forEach(into::add);
        } catch (IOException e) {
            throw new KconfigException(dir + ": cannot list conf's sources: " + e.getMessage());
        }
    }

    /** Whether the tree has any of conf's sources at all (a made-up tree, in tests or a vendor kit, may not). */
    public static boolean present(Path srctree) {
        List<Path> files = new ArrayList<>();
        addSources(srctree, srctree.resolve("scripts/kconfig"), files);
        return !files.isEmpty();
    }

    /** What kforge knows of these sources: the tree they came from, compared with its conf; empty if unknown. */
    public static Optional<String> known(String fingerprint) {
        return Optional.ofNullable(knownSources().get(fingerprint));
    }

    private static Map<String, String> knownSources() {
        Map<String, String> known = new HashMap<>();
        try (InputStream in = KconfigSources.class.getResourceAsStream(KNOWN)) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int space = trimmed.indexOf(' ');
                known.put(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + KNOWN, e);
        }
        return known;
    }
}
