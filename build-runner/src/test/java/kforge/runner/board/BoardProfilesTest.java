package kforge.runner.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.testing.ReferenceTree;

class BoardProfilesTest {
    @TempDir
    Path dir;

    @Test
    void theIssuesBoardsAreBuiltIn() {
        List<String> names = BoardProfiles.builtIn().all().stream().map(BoardProfile::name).toList();
        assertEquals(List.of("s3c2410", "mini2440", "versatilepb", "x86_64-pc", "uml"), names);
        BoardProfile s3c2410 = BoardProfiles.builtIn().get("s3c2410");
        assertEquals("arm", s3c2410.arch());
        assertEquals(List.of("zImage"), s3c2410.targets());
        assertTrue(s3c2410.cmdline().contains("console=ttySAC0,115200"), s3c2410.cmdline());
        assertEquals("um", BoardProfiles.builtIn().get("uml").arch());
    }

    @Test
    void everyBuiltInDefconfigExistsInTheReferenceTree() {
        Path tree = ReferenceTree.get();
        for (BoardProfile p : BoardProfiles.builtIn().all()) {
            assertTrue(Files.isRegularFile(tree.resolve(p.defconfigPath())), p.name() + ": " + p.defconfigPath());
        }
        assertEquals("arch/x86/configs/x86_64_defconfig", BoardProfiles.builtIn().get("x86_64-pc").defconfigPath());
    }

    @Test
    void aUserProfileReplacesTheBuiltInOfTheSameName() throws IOException {
        Files.writeString(dir.resolve("s3c2410.json"), "{\"name\": \"s3c2410\", \"arch\": \"arm\","
                + " \"defconfig\": \"s3c2410_defconfig\", \"targets\": [\"zImage\", \"modules\"]}");
        Files.writeString(dir.resolve("myboard.json"), "{\"name\": \"myboard\", \"arch\": \"arm\","
                + " \"crossCompile\": \"arm-linux-gnueabihf-\", \"defconfig\": \"multi_v7_defconfig\"}");
        BoardProfiles profiles = BoardProfiles.withUserProfiles(dir);
        assertEquals(List.of("zImage", "modules"), profiles.get("s3c2410").targets());
        assertEquals("arm-linux-gnueabihf-", profiles.get("myboard").crossCompile());
        assertEquals(6, profiles.all().size());
    }

    @Test
    void aBrokenProfileNamesFileLineAndFault() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"name\": \"x\",\n  \"arch\": \"arm\",\n  \"defconfig\" \"y\"\n}\n");
        KconfigException fault = assertThrows(KconfigException.class, () -> BoardProfiles.withUserProfiles(dir));
        assertTrue(fault.getMessage().startsWith(bad + ":4:"), fault.getMessage());

        Files.writeString(bad, "{\"name\": \"x\", \"arch\": \"arm\", \"defconfig\": \"y\", \"tagrets\": []}");
        fault = assertThrows(KconfigException.class, () -> BoardProfiles.withUserProfiles(dir));
        assertTrue(fault.getMessage().contains("tagrets"), fault.getMessage());

        Files.writeString(bad, "{\"name\": \"x\", \"defconfig\": \"y\"}");
        fault = assertThrows(KconfigException.class, () -> BoardProfiles.withUserProfiles(dir));
        assertEquals(bad + ": not a valid board profile: \"arch\" is missing", fault.getMessage());
    }

    /** What BoardProfileFuzzTest found getting past the reader to fail later, or with a trace. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "\"name\": \"../x\"| \"name\" is \"../x\"; it takes letters, digits and . _ + -",
        "\"arch\": \"a\\u0000b\"| \"arch\" is \"a\\0b\"; it takes an arch/ folder's name, such as arm or x86_64",
        "\"defconfig\": \"../../Makefile\"| \"defconfig\" is \"../../Makefile\"; it takes a file name in arch/ARCH/configs",
        "\"fragments\": [\"\"]| \"fragments\" is missing",
        "\"fragments\": [\"../etc/x\"]| \"fragments\" holds \"../etc/x\"; it takes paths relative to the tree, without ..",
        "\"targets\": [null]| \"targets\" has an entry that is no text",
        "\"removed\": {\"why\": \"gone\"}| \"removed.release\" is missing",
        "\"removed\": {\"release\": \"6.x\", \"why\": \"gone\"}| \"removed.release\": '6.x' is not a kernel release"
            + " (VERSION.PATCHLEVEL[.SUBLEVEL])",
        "\"boot\": {\"config\": []}| \"boot.instead\" is missing",
    })
    void aProfileWhoseValueKforgeCannotUseIsRefusedWhenRead(String field, String fault) throws IOException {
        Path bad = dir.resolve("bad.json");
        String base = "{\"name\": \"x\", \"arch\": \"arm\", \"defconfig\": \"y\"}";
        String key = field.substring(0, field.indexOf(':'));
        Files.writeString(bad, base.contains(key) ? base.replaceFirst(java.util.regex.Pattern.quote(key)
                + ": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(field)) : base.replace("}", ", " + field + "}"));
        KconfigException refused = assertThrows(KconfigException.class, () -> BoardProfiles.withUserProfiles(dir));
        assertTrue(refused.getMessage().startsWith(bad.toString()), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("not a valid board profile: " + fault), refused.getMessage());
    }

    @Test
    void anUnknownBoardListsTheKnownOnes() {
        KconfigException fault = assertThrows(KconfigException.class, () -> BoardProfiles.builtIn().get("nope"));
        assertTrue(fault.getMessage().contains("s3c2410, mini2440"), fault.getMessage());
    }
}
