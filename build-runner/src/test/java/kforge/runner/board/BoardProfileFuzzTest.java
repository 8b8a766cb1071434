package kforge.runner.board;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.testing.FuzzRun;
import kforge.kconfig.testing.ReferenceKernel;
import kforge.kconfig.testing.TextMutator;
import kforge.runner.config.BoardConfig;

/**
 * The built-in board profiles, mutated (values of the wrong type, fields removed or emptied, names that
 * are paths, broken JSON), put in a user's board folder and used as kforge uses a profile before a build:
 * loaded, checked against Debian's 6.1 tree, and its defconfig, fragments and boot lines merged. There is
 * no reference tool: the property is that each step either works or ends in a KconfigException whose
 * message names the profile's file or board and says what is wrong, never another exception, and never a
 * message with "null" where a value should be.
 *
 * <p>Costs about 5 s.
 */
class BoardProfileFuzzTest {
    private static final List<String> BUILT_IN = List.of("s3c2410", "mini2440", "versatilepb", "x86_64-pc", "uml");
    private static final List<String> ODD_VALUES = List.of("null", "\"\"", "0", "-1", "true", "[]", "{}", "[null]",
            "\"../../etc\"", "\"a/b\"", "\" \"", "[\"\"]", "[1]", "\"x86\"", "\"6.x\"", "\"999.1\"", "\"..\"",
            "{\"release\": null}", "{\"runner\": \"uml\", \"config\": [null]}", "\"\\u0000\"", "1e999",
            "\"" + "y".repeat(300) + "\"");
    private static final List<String> INTERESTING = List.of("{", "}", "[", "]", "\"name\": \"x\",", "\"arch\": 1,",
            "\"removed\": {\"release\": \"6.3\"},", "\"boot\": null,", "\"fragments\": [\"../../../etc/passwd\"],",
            "\"unknown\": 1,", "//", ",");

    @TempDir
    Path dir;

    @Test
    void aMutatedProfileWorksOrFailsNamingItsFile() {
        Path tree = ReferenceKernel.LINUX_6_1.tree();
        FuzzRun.named("board-profile", 400).run((number, random) -> {
            String board = BUILT_IN.get(random.nextInt(BUILT_IN.size()));
            String json = mutated(builtIn(board), random);
            Path folder = Files.createDirectories(dir.resolve("case-" + number));
            Path file = folder.resolve("fuzzed.json");
            Files.writeString(file, json, StandardCharsets.UTF_8);
            List<BoardProfile> profiles;
            try {
                profiles = BoardProfiles.withUserProfiles(folder).all();
            } catch (KconfigException e) {
                return judgeMessage(e.getMessage(), file.toString(), json);
            }
            for (BoardProfile profile : profiles) {
                try {
                    profile.cannotBoot();
                    profile.defconfigPath();
                    boolean fromAllnoconfig = random.nextBoolean();
                    BoardSupport.require(profile, tree, !fromAllnoconfig);
                    new BoardConfig(profile, List.of(), List.of(), fromAllnoconfig).merge(tree).text();
                } catch (KconfigException e) {
                    FuzzRun.Outcome outcome = judgeMessage(e.getMessage(), profile.name(), json);
                    if (outcome.kind() != FuzzRun.Kind.AGREE) {
                        return outcome;
                    }
                }
            }
            return FuzzRun.Outcome.AGREE;
        });
    }

    private static FuzzRun.Outcome judgeMessage(String message, String mustName, String json) {
        if (message == null || !message.contains(mustName)) {
            return FuzzRun.Outcome.disagree("the error does not name " + mustName + ": " + message + "\n" + json);
        }
        // Jackson's "token 'null', 'true' or 'false'" names JSON's literal; any other null is a value missing.
        if (message.replace("token 'null'", "").matches("(?s).*(^|[^a-z])null([^a-z]|$).*")) {
            return FuzzRun.Outcome.disagree("the error shows a null: " + message + "\n" + json);
        }
        return FuzzRun.Outcome.AGREE;
    }

    private static String builtIn(String board) throws IOException {
        try (InputStream in = BoardProfiles.class.getResourceAsStream("/kforge/runner/boards/" + board + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String mutated(String json, Random random) {
        TextMutator blind = new TextMutator(random, INTERESTING);
        String result = json;
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            result = random.nextInt(3) == 0 ? blind.mutateOnce(result) : replaceAValue(result, random, blind);
        }
        return result;
    }

    /** One "key": value replaced by an odd value, or the pair removed. */
    private static String replaceAValue(String json, Random random, TextMutator blind) {
        List<String> lines = new ArrayList<>(List.of(json.split("\n", -1)));
        List<Integer> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*\"[a-zA-Z]+\"\\s*:.*")) {
                pairs.add(i);
            }
        }
        if (pairs.isEmpty()) {
            return json;
        }
        int at = blind.pick(pairs);
        String line = lines.get(at);
        int colon = line.indexOf(':');
        boolean comma = line.strip().endsWith(",");
        if (random.nextInt(4) == 0) {
            lines.remove(at);
        } else if (line.strip().endsWith("[") || line.strip().endsWith("{")) {
            lines.set(at, line.substring(0, colon + 1) + " " + blind.pick(ODD_VALUES) + ", \"was\": " + line
                    .substring(colon + 1).strip());
        } else {
            lines.set(at, line.substring(0, colon + 1) + " " + blind.pick(ODD_VALUES) + (comma ? "," : ""));
        }
        return String.join("\n", lines);
    }
}
