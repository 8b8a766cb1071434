package kforge.runner.patch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.SourceLocation;

/**
 * A patch mail as git format-patch writes it, read the way git mailinfo reads it for git am: the author
 * from From:, the author date from Date:, the subject without its "[PATCH n/m]" tags, the body up to the
 * "---" line as the rest of the message, and the diff after it.
 *
 * @param diffLine the line where the diff part starts (0-based), for {@link DiffParser}
 */
record MailMessage(String authorName, String authorEmail, ZonedDateTime date, String subject, String message,
        int diffLine) {

    /** format-patch's separator line: the commit id and a fixed date, so a "From " line in a message is not one. */
    private static final Pattern FORMAT_PATCH_SEPARATOR =
            Pattern.compile("^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\\s*$");
    private static final Pattern MBOX_SEPARATOR = Pattern.compile("^From \\S+ .*\\d\\d:\\d\\d:\\d\\d.*$");
    private static final Pattern NAME_AND_ADDRESS = Pattern.compile("^(.*?)\\s*<([^<>]*)>\\s*$");
    private static final Pattern ADDRESS_AND_COMMENT = Pattern.compile("^(\\S+@\\S+)\\s*\\((.*)\\)\\s*$");
    private static final Pattern CHARSET =
            Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_BODY_HEADER = Pattern.compile("^(From|Subject|Date):\\s*(.*)$");

    /** A patch is a mail when it starts with an mbox "From " line, as every git format-patch file does. */
    static boolean isMail(List<String> lines) {
        return !lines.isEmpty() && MBOX_SEPARATOR.matcher(PatchPaths.stripCarriageReturn(lines.get(0))).matches();
    }

    static MailMessage parse(String source, List<String> lines) {
        int mails = 0;
        for (String line : lines) {
            if (FORMAT_PATCH_SEPARATOR.matcher(line).matches()) {
                mails++;
            }
        }
        if (mails > 1) {
            throw new KconfigException(source + ": holds " + mails + " mails; kforge applies one mail per patch file:"
                    + " split it (git format-patch without --stdout, or git mailsplit) and add each file");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 1;
        String name = null;
        boolean anyHeader = false;
        for (; i < lines.size(); i++) {
            String line = PatchPaths.stripCarriageReturn(lines.get(i));
            if (line.isEmpty()) {
                i++;
                break;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (!anyHeader) {
                    // git mailinfo finds no From: there, and git am refuses the mail.
                    throw new KconfigException(new SourceLocation(source, i + 1), "a folded header line with no"
                            + " header before it: '" + line + "'");
                }
                if (name != null) {
                    headers.merge(name, line, String::concat);  // an unfolded header keeps the fold's whitespace
                }
                continue;
            }
            anyHeader = true;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new KconfigException(new SourceLocation(source, i + 1), "not a mail header line: '" + line
                        + "' (a blank line must end the headers)");
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(name, line.substring(colon + 1).strip());  // the last one counts, as in git mailinfo
        }
        String encoding = headers.getOrDefault("content-transfer-encoding", "8bit").strip().toLowerCase(Locale.ROOT);
        if (!encoding.equals("7bit") && !encoding.equals("8bit") && !encoding.equals("binary")) {
            throw new KconfigException(source + ": Content-Transfer-Encoding: " + encoding + " is not supported;"
                    + " export the patch again with git format-patch (8bit)");
        }
        Charset charset = charset(source, headers.get("content-type"));

        // git mailinfo's in-body headers: "From:", "Subject:", "Date:" at the top of the body (after blank lines)
        // override the mail's, each once (a second ends them); so does a "[PATCH] ..." line, as a subject.
        int body = i;
        while (body < lines.size() && lines.get(body).isBlank()) {
            body++;
        }
        boolean inBody = false;
        Set<String> seen = new HashSet<>();
        while (body < lines.size()) {
            String line = PatchPaths.stripCarriageReturn(lines.get(body));
            Matcher m = IN_BODY_HEADER.matcher(line);
            if (line.startsWith("[PATCH]") && (line.length() == 7 || Character.isWhitespace(line.charAt(7)))) {
                headers.put("subject", line + "\n");  // with its line end, as mailinfo cleans it up
                // Blank lines after it do not end the in-body headers (they do after a header line).
                while (body + 1 < lines.size() && lines.get(body + 1).isBlank()) {
                    body++;
                }
            } else if (m.matches() && seen.add(m.group(1).toLowerCase(Locale.ROOT))) {
                headers.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
            } else {
                break;
            }
            inBody = true;
            body++;
        }
        if (!inBody) {
            body = i;
        }
        if (inBody && body < lines.size() && lines.get(body).isBlank()) {
            body++;
        }
        int diffLine = body;
        StringBuilder text = new StringBuilder();
        while (diffLine < lines.size() && !patchBreak(lines.get(diffLine))) {
            text.append(lines.get(diffLine)).append('\n');
            diffLine++;
        }

        String from = header(headers, "from", charset);
        if (from == null || from.isBlank()) {
            throw new KconfigException(source + ": the mail has no From: header; git am needs the author from it");
        }
        String[] author = author(from);
        if (author[1].indexOf('@') < 0) {
            throw new KconfigException(source + ": the From: header '" + from + "' has no e-mail address; git am"
                    + " needs the author's");
        }
        ZonedDateTime date = date(source, header(headers, "date", charset));
        String subject = cleanSubject(header(headers, "subject", charset));
        String bodyText = new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), charset);
        return new MailMessage(author[0], author[1], date, subject, CommitMessages.of(subject, bodyText), diffLine);
    }

    private static Charset charset(String source, String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new KconfigException(source + ": unknown charset '" + m.group(1) + "' in Content-Type");
        }
    }

    private static String header(Map<String, String> headers, String name, Charset charset) {
        String raw = headers.get(name);
        if (raw == null) {
            return null;
        }
        return EncodedWords.decode(new String(raw.getBytes(StandardCharsets.ISO_8859_1), charset));
    }

    /** mailinfo's patch break: where the message ends and the diffstat or diff begins. */
    static boolean patchBreak(String rawLine) {
        String line = PatchPaths.stripCarriageReturn(rawLine);
        if (line.startsWith("diff -") || line.startsWith("Index: ")) {
            return true;
        }
        if (!line.startsWith("---")) {
            return false;
        }
        if (line.length() > 4 && line.charAt(3) == ' ' && !Character.isWhitespace(line.charAt(4))) {
            return true;
        }
        return line.substring(3).isBlank();
    }

    private static String[] author(String from) {
        String name;
        String email;
        Matcher m = NAME_AND_ADDRESS.matcher(from);
        Matcher comment = ADDRESS_AND_COMMENT.matcher(from);
        if (m.matches()) {
            name = m.group(1);
            email = m.group(2).strip();
        } else if (comment.matches()) {
            email = comment.group(1);
            name = comment.group(2);
        } else {
            email = from.strip();
            name = "";
        }
        name = unquote(name.strip());
        return new String[] {name.isEmpty() ? email : name, email};
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return name;
    }

    private static ZonedDateTime date(String source, String value) {
        if (value == null) {
            throw new KconfigException(source + ": the mail has no Date: header; git am needs the author date from it");
        }
        String text = value.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip().replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new KconfigException(source + ": cannot read the Date: header '" + value + "'");
        }
    }

    /** git mailinfo's subject clean-up: leading "Re:" and bracketed tags ("[PATCH v2 3/7]") go. */
    static String cleanSubject(String subject) {
        if (subject == null) {
            return "";
        }
        // As git mailinfo's cleanup_subject: every run of white space one space; leading spaces and colons go,
        // and "re:" with something after it (an in-body subject line's line end counts).
        String s = subject.replaceAll("\\s+", " ");
        while (true) {
            if (s.startsWith(" ") || s.startsWith(":")) {
                s = s.substring(1);
            } else if (s.length() > 3 && s.regionMatches(true, 0, "re:", 0, 3)) {
                s = s.substring(3);
            } else if (s.startsWith("[") && s.indexOf(']') > 0) {
                s = s.substring(s.indexOf(']') + 1);
            } else {
                return s.strip();
            }
        }
    }
}
