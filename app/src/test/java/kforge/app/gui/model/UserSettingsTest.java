package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the GUI remembers between runs, kept in a throwaway preferences node that each test removes. */
class UserSettingsTest {
    private Preferences node;

    @BeforeEach
    void freshNode() {
        node = Preferences.userRoot().node("kforge-test-" + System.nanoTime());
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
        Preferences.userRoot().flush();
    }

    private static OpenRequest request(int i) {
        return new OpenRequest(Path.of("/src/linux-" + i), i % 2 == 0 ? "arm" : null,
                i % 2 == 0 ? "arm-linux-gnueabi-" : null, Path.of("/work/build-" + i + "/.config"));
    }

    private static List<String> trees(UserSettings settings) {
        return settings.recent().stream().map(UserSettings.RecentTree::tree).toList();
    }

    @Test
    void defaultsAreLightWithEveryColumnAndNoRecentTrees() {
        UserSettings settings = UserSettings.in(node);
        assertEquals(UserSettings.LIGHT, settings.themeProperty().get());
        assertTrue(settings.showNameColumnProperty().get());
        assertTrue(settings.showValueColumnProperty().get());
        assertTrue(settings.recent().isEmpty());
    }

    @Test
    void themeAndColumnsSurviveANewInstance() {
        UserSettings first = UserSettings.in(node);
        first.themeProperty().set(UserSettings.DARK);
        first.showNameColumnProperty().set(false);
        first.showValueColumnProperty().set(false);

        UserSettings second = UserSettings.in(node);
        assertEquals(UserSettings.DARK, second.themeProperty().get());
        assertFalse(second.showNameColumnProperty().get());
        assertFalse(second.showValueColumnProperty().get());

        second.themeProperty().set(UserSettings.LIGHT);
        second.showValueColumnProperty().set(true);
        UserSettings third = UserSettings.in(node);
        assertEquals(UserSettings.LIGHT, third.themeProperty().get());
        assertFalse(third.showNameColumnProperty().get());
        assertTrue(third.showValueColumnProperty().get());
    }

    @Test
    void anUnknownStoredThemeFallsBackToLight() {
        node.put("theme", "solarized");
        assertEquals(UserSettings.LIGHT, UserSettings.in(node).themeProperty().get());
    }

    @Test
    void stylesheetOfEitherThemeIsOnTheClasspath() {
        UserSettings settings = UserSettings.in(node);
        for (String theme : List.of(UserSettings.LIGHT, UserSettings.DARK)) {
            settings.themeProperty().set(theme);
            String css = settings.stylesheet();
            assertTrue(css.endsWith("/" + theme + ".css"), css);
            assertNotNull(UserSettings.class.getResource(css), css + " is not on the classpath");
            for (String sheet : settings.stylesheets()) {
                assertNotNull(UserSettings.class.getResource(sheet), sheet + " is not on the classpath");
            }
            assertEquals(css, settings.stylesheets().get(settings.stylesheets().size() - 1), "colours last");
        }
        settings.themeProperty().set(UserSettings.LIGHT);
        String light = settings.stylesheet();
        settings.themeProperty().set(UserSettings.DARK);
        assertFalse(light.equals(settings.stylesheet()), "the themes have different stylesheets");
    }

    @Test
    void recentTreesAreMostRecentFirstAndSurviveANewInstance() {
        UserSettings settings = UserSettings.in(node);
        settings.remember(request(1));
        settings.remember(request(2));
        settings.remember(request(3));
        assertEquals(List.of("/src/linux-3", "/src/linux-2", "/src/linux-1"), trees(settings));

        UserSettings again = UserSettings.in(node);
        assertEquals(settings.recent(), again.recent());
        // Each entry opens what was opened: tree, ARCH, cross prefix (absent stays absent) and .config.
        assertEquals(request(2), again.recent().get(1).toRequest());
        assertEquals(request(3), again.recent().get(0).toRequest());
        assertNull(again.recent().get(0).toRequest().arch());
    }

    @Test
    void reopeningATreeMovesItToTheFrontWithoutADuplicate() {
        UserSettings settings = UserSettings.in(node);
        settings.remember(request(1));
        settings.remember(request(2));
        settings.remember(request(3));
        settings.remember(request(1));
        assertEquals(List.of("/src/linux-1", "/src/linux-3", "/src/linux-2"), trees(settings));
        assertEquals(List.of("/src/linux-1", "/src/linux-3", "/src/linux-2"), trees(UserSettings.in(node)));

        // The same tree with another .config is another entry.
        OpenRequest otherConfig = new OpenRequest(Path.of("/src/linux-2"), null, null, Path.of("/elsewhere/.config"));
        settings.remember(otherConfig);
        assertEquals(List.of("/src/linux-2", "/src/linux-1", "/src/linux-3", "/src/linux-2"), trees(settings));
    }

    @Test
    void atMostTenRecentTreesAreKept() {
        UserSettings settings = UserSettings.in(node);
        for (int i = 1; i <= 13; i++) {
            settings.remember(request(i));
        }
        List<String> expected = List.of("/src/linux-13", "/src/linux-12", "/src/linux-11", "/src/linux-10",
                "/src/linux-9", "/src/linux-8", "/src/linux-7", "/src/linux-6", "/src/linux-5", "/src/linux-4");
        assertEquals(expected, trees(settings));
        assertEquals(expected, trees(UserSettings.in(node)));

        // Reopening the oldest kept one does not push anything else out.
        settings.remember(request(4));
        assertEquals(10, settings.recent().size());
        assertEquals("/src/linux-4", settings.recent().get(0).tree());
        assertEquals("/src/linux-5", settings.recent().get(9).tree());
    }

    @Test
    void theSampleTreeIsNotRemembered() {
        UserSettings settings = UserSettings.in(node);
        settings.remember(request(1));
        settings.remember(OpenRequest.sample(Path.of("/tmp/sample/.config")));
        assertEquals(List.of("/src/linux-1"), trees(settings));
        assertEquals(List.of("/src/linux-1"), trees(UserSettings.in(node)));
    }

    @Test
    void aRelativeConfigIsRememberedAbsolute() {
        UserSettings settings = UserSettings.in(node);
        settings.remember(new OpenRequest(Path.of("/src/linux"), "arm", null, Path.of(".config")));
        String remembered = settings.recent().get(0).configFile();
        assertTrue(Path.of(remembered).isAbsolute(), remembered);
        assertEquals(Path.of(".config").toAbsolutePath().toString(), remembered);
    }

    @Test
    void theRecentListCannotBeEditedFromOutside() {
        UserSettings settings = UserSettings.in(node);
        settings.remember(request(1));
        assertThrows(UnsupportedOperationException.class, () -> settings.recent().clear());
    }

    @Test
    void shellTrustIsPerTreeAndPerSetOfCommandsAndSurvivesANewInstance() {
        Path tree = Path.of("/src/linux-6.12");
        String commands = "a".repeat(64);
        UserSettings first = UserSettings.in(node);
        assertFalse(first.trustsShellCommands(tree, commands));

        first.trustShellCommands(tree, commands);

        UserSettings second = UserSettings.in(node);
        assertTrue(second.trustsShellCommands(tree, commands));
        assertTrue(second.trustsShellCommands(Path.of("/src/../src/linux-6.12"), commands), "the same directory");
        assertFalse(second.trustsShellCommands(tree, "b".repeat(64)), "another set of commands asks again");
        assertFalse(second.trustsShellCommands(Path.of("/src/linux-6.13"), commands), "another tree asks again");
    }

    @Test
    void aTreeWithAPathLongerThanAKeyCanStillBeTrusted() {
        Path tree = Path.of("/" + "deep/".repeat(40) + "linux");
        UserSettings settings = UserSettings.in(node);

        settings.trustShellCommands(tree, "c".repeat(64));

        assertTrue(settings.trustsShellCommands(tree, "c".repeat(64)));
    }
}
