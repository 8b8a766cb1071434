package kforge.runner.patch;

import java.util.ArrayList;
import java.util.List;

/** Commit messages tidied the way git am and git commit tidy them (git stripspace), so kforge's match git's. */
final class CommitMessages {
    private CommitMessages() {
    }

    /**
     * Trailing whitespace off every line, runs of blank lines down to one, none at either end, and a final
     * newline unless nothing is left.
     */
    static String stripSpace(String text) {
        List<String> out = new ArrayList<>();
        boolean pendingBlank = false;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                pendingBlank = !out.isEmpty();
                continue;
            }
            if (pendingBlank) {
                out.add("");
                pendingBlank = false;
            }
            out.add(trimmed);
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    /**
     * A plain diff's commit: its description when it has one (the first line is the subject, as git
     * quiltimport makes it), else its file name.
     */
    static String forPlainPatch(String patchName, String description) {
        String text = stripSpace(description);
        return text.isEmpty() ? stripSpace(patchName) : text;
    }

    /** Subject, blank line, body: what git am commits. */
    static String of(String subject, String body) {
        String cleanBody = stripSpace(body);
        String cleanSubject = stripSpace(subject);
        if (cleanBody.isEmpty()) {
            return cleanSubject;
        }
        return cleanSubject.isEmpty() ? cleanBody : cleanSubject + "\n" + cleanBody;
    }
}
