package kforge.build.patch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

import kforge.kconfig.diag.KconfigException;

/**
 * A patch file's text, decompressed when it is .gz, .bz2 or .xz (told by its first bytes, not its name, so
 * a renamed file still works), and parsed: a mail when it is one, else a plain diff with its description.
 */
final class PatchReader {
    private PatchReader() {
    }

    /**
     * @param source the name for messages
     * @param strip  -pN
     */
    static ParsedPatch read(Path file, String source, int strip) {
        List<String> lines = LineText.of(bytes(file, source)).lines;
        if (MailMessage.isMail(lines)) {
            MailMessage mail = MailMessage.parse(source, lines);
            return new ParsedPatch(DiffParser.parse(source, lines, mail.diffLine(), strip), mail, "");
        }
        int first = DiffParser.firstDiffLine(lines, 0);
        String description = EncodedWords.utf8(String.join("\n", lines.subList(0, first)));
        return new ParsedPatch(DiffParser.parse(source, lines, 0, strip), null, CommitMessages.stripSpace(description));
    }

    static byte[] bytes(Path file, String source) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KconfigException(source + ": no such patch file");
        } catch (IOException e) {
            throw new KconfigException(source + ": cannot read it: " + e.getMessage());
        }
        try {
            if (starts(raw, 0x1f, 0x8b)) {
                return all(new GZIPInputStream(new ByteArrayInputStream(raw)));
            }
            if (starts(raw, 'B', 'Z', 'h')) {
                return all(new BZip2CompressorInputStream(new ByteArrayInputStream(raw), true));
            }
        } catch (IOException e) {
            throw new KconfigException(source + ": corrupt compressed data: " + e.getMessage());
        }
        if (starts(raw, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return XzProgram.decompress(file);
        }
        return raw;
    }

    private static byte[] all(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
