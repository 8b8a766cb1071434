package kforge.runner.patch;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import kforge.runner.compress.DecompressingStream;
import kforge.kconfig.diag.KconfigException;

/**
 * A patch file's text, decompressed when it is .gz, .bz2 or .xz (told by its first bytes, not its name, so
 * a renamed file still works: see {@link DecompressingStream#readAll}), and parsed: a mail when it is one,
 * else a plain diff with its description.
 */
final class PatchReader {
    private PatchReader() {
    }

    /**
     * @param source the name for messages
     * @param strip  -pN
     */
    static ParsedPatch read(Path file, String source, int strip) {
        LineText text = LineText.of(bytes(file, source));
        List<String> lines = text.lines;
        if (MailMessage.isMail(lines)) {
            // As git am's mailsplit reads a mail (am.keepcr is off): a CRLF line end is a line end, diff included.
            List<String> mailLines = lines.stream().map(PatchPaths::stripCarriageReturn).toList();
            MailMessage mail = MailMessage.parse(source, mailLines);
            return new ParsedPatch(DiffParser.parse(source, new LineText(mailLines, text.missingFinalNewline),
                    mail.diffLine(), strip), mail, "");
        }
        int first = DiffParser.firstDiffLine(lines, 0);
        String description = EncodedWords.utf8(String.join("\n", lines.subList(0, first)));
        return new ParsedPatch(DiffParser.parse(source, text, 0, strip), null, CommitMessages.stripSpace(description));
    }

    static byte[] bytes(Path file, String source) {
        try {
            return DecompressingStream.readAll(file, source);
        } catch (NoSuchFileException e) {
            throw new KconfigException(source + ": no such patch file");
        } catch (IOException e) {
            throw new KconfigException(source + ": cannot read it: " + e.getMessage());
        }
    }
}
