package kforge.runner.patch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words in mail headers ({@code =?UTF-8?q?J=C3=B6rg?=}, {@code =?UTF-8?B?...?=}): git
 * format-patch writes any non-ASCII name or subject so, and git am shows them decoded. Whitespace between two
 * encoded words is dropped, as the RFC says, since mailers split long words that way.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([QqBb])\\?([^?\\s]*)\\?=");

    private EncodedWords() {
    }

    static String decode(String header) {
        Matcher m = WORD.matcher(header);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String between = header.substring(copied, m.start());
            if (!(previousWasWord && between.isBlank())) {
                out.append(between);
            }
            String decoded = decodeWord(m.group(1), m.group(2), m.group(3));
            if (decoded == null) {
                out.append(m.group());
            } else {
                out.append(decoded);
            }
            previousWasWord = decoded != null;
            copied = m.end();
        }
        return out.append(header.substring(copied)).toString();
    }

    private static String decodeWord(String charsetName, String encoding, String text) {
        Charset charset;
        try {
            // RFC 2231 allows a language after '*' (UTF-8*en); it does not change the bytes.
            int star = charsetName.indexOf('*');
            charset = Charset.forName(star >= 0 ? charsetName.substring(0, star) : charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
        try {
            byte[] bytes = encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(text) : quoted(text);
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    static String utf8(String isoText) {
        return new String(isoText.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
