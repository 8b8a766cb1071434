package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.explain.Explainer;
import kforge.kconfig.explain.Explanation;
import kforge.kconfig.explain.Finding;
import kforge.kconfig.explain.Term;
import kforge.kconfig.explain.Verdict;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * kforge why on one construct at a time, with the kernel's conf as the oracle: conf makes the .config
 * (olddefconfig from a few user values), kforge explains from that file, and then
 * <ul>
 * <li>every term the explanation evaluates has the truth conf's own values give it, and each failing term
 * is below the wanted value (a select above it), judged on conf's values, not on kforge's;</li>
 * <li>the verdict is conf's: given the wanted value in .config, conf keeps it exactly when kforge says
 * "Can be" (or "Is already").</li>
 * </ul>
 */
class ExplainerTest {
    private static final String MODULES_ON = """
            config MODULES
                bool "modules"
                default y
                modules
            """;

    @TempDir
    Path dir;

    @Test
    void dependsOnNamesTheDependencyThatIsOff() {
        Explanation why = cannot("""
                config NET
                    bool "net"
                config DRIVER
                    bool "driver"
                    depends on NET
                """, "# CONFIG_NET is not set\n", "DRIVER", "y");

        assertEquals(List.of("NET"), failingTexts(why));
        assertTrue(why.headline().startsWith("Can't be y: NET is false (NET=n, set to n in .config"), why.headline());
    }

    @Test
    void anIfBlockIsPartOfThePromptsCondition() {
        Explanation why = cannot("""
                config BLOCK
                    bool "block"
                if BLOCK
                config EXT4
                    bool "ext4"
                endif
                """, "# CONFIG_BLOCK is not set\n", "EXT4", "y");

        assertEquals(List.of("BLOCK"), failingTexts(why));
    }

    @Test
    void aMenusDependencyIsPartOfThePromptsCondition() {
        Explanation why = cannot("""
                config USB
                    bool "usb"
                menu "USB drivers"
                    depends on USB
                config USB_STORAGE
                    bool "storage"
                    default y
                endmenu
                """, "# CONFIG_USB is not set\n", "USB_STORAGE", "y");

        assertEquals(List.of("USB"), failingTexts(why));
        assertTrue(why.reason().startsWith("it is not visible: USB [=n]"), why.reason());
    }

    @Test
    void aPromptsOwnIfHidesItAndOnlyThatTermFails() {
        Explanation why = cannot("""
                config EXPERT
                    bool "expert"
                config NET
                    bool "net"
                    default y
                config TUNING
                    bool "tuning" if EXPERT
                    depends on NET
                """, "# CONFIG_EXPERT is not set\n", "TUNING", "y");

        assertEquals(List.of("EXPERT"), failingTexts(why));
        assertEquals(2, terms(why).size(), "NET holds and is named as holding: " + why.render());
    }

    @Test
    void aFailingOrFailsWithEachOfItsDisjuncts() {
        Explanation why = cannot("""
                config A
                    bool "a"
                config B
                    bool "b"
                config C
                    bool "c"
                    default y
                config X
                    bool "x"
                    depends on C && (A || B)
                """, "", "X", "y");

        assertEquals(List.of("A", "B"), failingTexts(why));
    }

    @Test
    void selectBlocksALowerValueAndNamesTheSelector() {
        Explanation why = cannot("""
                config A
                    bool "a"
                    select B
                config B
                    bool "b"
                """, "CONFIG_A=y\n", "B", "n");

        assertEquals(List.of("A"), failingTexts(why));
        assertTrue(why.headline().startsWith("Can't be n: it is selected (y) by A (A=y, set to y in .config"),
                why.headline());
        assertEquals("it is selected (y) by A [=y]", why.reason());
    }

    @Test
    void implyIsAReasonForTheValueButNoObstacle() {
        // HIDDEN has no prompt, so its value is the imply's; VISIBLE's is the .config's once conf wrote it.
        String kconfig = """
                config A
                    bool "a"
                    imply HIDDEN
                    imply VISIBLE
                config HIDDEN
                    bool
                    depends on DEP
                config VISIBLE
                    bool "visible"
                config DEP
                    bool "dep"
                    default y
                """;
        Explanation value = explainAfterConf(kconfig, "CONFIG_A=y\n", "HIDDEN", null);
        Finding implied = finding(value, "implied by");
        assertEquals(List.of("A"), implied.terms().stream().map(Term::text).toList());
        assertTermsAgreeWithConf(value);

        assertVerdictIsConfs(explainAfterConf(kconfig, "CONFIG_A=y\n", "VISIBLE", "n"), Verdict.CAN);
    }

    @ParameterizedTest
    @EnumSource(value = ReferenceKernel.class, names = {"LINUX_6_1", "LINUX_6_12"})
    void aHiddenChoiceMemberNamesItsDependencyAndTheChosenMember(ReferenceKernel kernel) {
        Explanation why = cannot(kernel, """
                config FAST
                    bool "fast"
                choice
                    prompt "mode"
                config MODE_A
                    bool "a"
                config MODE_B
                    bool "b"
                    depends on FAST
                endchoice
                """, "# CONFIG_FAST is not set\n", "MODE_B", "y");

        assertEquals(List.of("FAST"), failingTexts(why));
        assertNotNull(finding(why, "in the choice \"mode\""), why.render());
        assertTrue(why.render().contains("where MODE_A is chosen"), why.render());
    }

    @ParameterizedTest
    @EnumSource(value = ReferenceKernel.class, names = {"LINUX_6_1", "LINUX_6_12"})
    void theChosenMembersValueIsTheChoices(ReferenceKernel kernel) {
        Explanation why = explainAfterConf(kernel, """
                choice
                    prompt "mode"
                config MODE_A
                    bool "a"
                config MODE_B
                    bool "b"
                endchoice
                """, "CONFIG_MODE_B=y\n", "MODE_A", null);

        assertEquals("n", why.value());
        assertTrue(why.reason().startsWith("MODE_B is chosen in the choice \"mode\""), why.reason());
    }

    @Test
    void anIntOutOfRangeNamesTheBoundsAndTheRange() {
        Explanation why = cannot("""
                config N
                    int "n"
                    range 1 10
                    default 5
                """, "", "N", "999");

        assertEquals("out of range [1..10] (the range at Kconfig:3)", why.reason());
    }

    @Test
    void aHexRangeWithSymbolBoundsUsesTheirValues() {
        Explanation why = cannot("""
                config BASE
                    hex "base"
                    default 0x10
                config ADDR
                    hex "addr"
                    range BASE 0x20
                    default 0x18
                """, "CONFIG_BASE=0x14\n", "ADDR", "0x12");

        assertEquals("out of range [0x14..0x20] (the range at Kconfig:6)", why.reason());
    }

    @Test
    void aStringComparisonInADependencyIsOneTerm() {
        Explanation why = cannot("""
                config BOARD
                    string "board"
                    default "smdk"
                config MINI_LCD
                    bool "lcd"
                    depends on BOARD = "mini2440"
                """, "CONFIG_BOARD=\"smdk2410\"\n", "MINI_LCD", "y");

        assertEquals(List.of("BOARD=mini2440"), failingTexts(why));
        assertTrue(why.headline().contains("BOARD=smdk2410, set to \"smdk2410\" in .config"), why.headline());
    }

    @Test
    void modulesOffStopsM() {
        Explanation why = cannot("""
                config MODULES
                    bool "modules"
                    modules
                config DRIVER
                    tristate "driver"
                """, "# CONFIG_MODULES is not set\n", "DRIVER", "m");

        assertEquals(List.of("MODULES"), failingTexts(why));
        assertEquals("m needs module support (MODULES=y)", why.reason());
    }

    @Test
    void aBoolIsNeverM() {
        Explanation why = cannot(MODULES_ON + """
                config FEATURE
                    bool "feature"
                """, "", "FEATURE", "m");

        assertEquals("a bool cannot be m", why.reason());
    }

    @Test
    void aDependencyAtMLimitsToM() {
        Explanation why = cannot(MODULES_ON + """
                config DEP
                    tristate "dep"
                config DRIVER
                    tristate "driver"
                    depends on DEP
                """, "CONFIG_DEP=m\n", "DRIVER", "y");

        assertEquals(List.of("DEP"), failingTexts(why));
        assertTrue(why.headline().startsWith("Can't be y: DEP is m (DEP=m, set to m in .config"), why.headline());
        assertTrue(why.reason().startsWith("its dependencies limit it to m: DEP [=m]"), why.reason());
    }

    @Test
    void aFailingTermsSymbolIsFollowedToWhatSelectsItAndStopsAtTheUsersValue() {
        Explanation why = cannot("""
                config PLAT
                    bool "plat"
                config MULTI
                    bool "multi"
                config V7
                    bool "v7"
                    select MULTI
                config ATAGS
                    bool "atags"
                    depends on PLAT && !MULTI
                """, "CONFIG_PLAT=y\nCONFIG_V7=y\n", "ATAGS", "y");

        Term notMulti = failing(why).get(0);
        assertEquals("!MULTI", notMulti.text());
        Explanation multi = notMulti.causes().get(0);
        assertEquals("MULTI", multi.symbol());
        Term selector = finding(multi, "selected by").terms().get(0);
        assertEquals("V7", selector.text());
        Explanation v7 = selector.causes().get(0);
        assertTrue(v7.userSet(), v7.headline());
        assertTrue(v7.findings().stream().allMatch(f -> f.terms().isEmpty()), "nothing followed behind the user");
        assertTrue(why.headline().startsWith("Can't be y: !MULTI is false (MULTI=y, selected (y) by V7"),
                why.headline());
        assertTermsAgreeWithConf(multi);
    }

    @Test
    void aSymbolMetTwiceIsExplainedOnce() {
        Explanation why = cannot("""
                config BUS
                    bool "bus"
                config A
                    bool "a"
                    depends on BUS
                config B
                    bool "b"
                    depends on BUS
                config X
                    bool "x"
                    depends on A || B
                """, "# CONFIG_BUS is not set\n", "X", "y");

        assertEquals(List.of("A", "B"), failingTexts(why));
        assertTrue(why.render().contains("BUS=n: see above"), why.render());
    }

    // ---- the fixture, the oracle and the checks ----

    private Explanation cannot(String kconfig, String dotConfig, String symbol, String wanted) {
        return cannot(ReferenceKernel.LINUX_6_1, kconfig, dotConfig, symbol, wanted);
    }

    /** The explanation of a value conf refuses too, its terms checked against conf's values. */
    private Explanation cannot(ReferenceKernel kernel, String kconfig, String dotConfig, String symbol, String wanted) {
        Explanation why = explainAfterConf(kernel, kconfig, dotConfig, symbol, wanted);
        assertVerdictIsConfs(why, Verdict.CANNOT);
        assertTermsAgreeWithConf(why);
        for (Term term : failing(why)) {
            Tristate truth = truthUnderConf(term.expr());
            boolean select = isSelect(why, term);
            Tristate want = why.wanted().length() == 1 ? Tristate.fromLetter(why.wanted().charAt(0)) : Tristate.YES;
            assertTrue(select ? want.lessThan(truth) : truth.lessThan(want),
                    term.text() + " is " + truth + " under conf's values: " + why.render());
        }
        return why;
    }

    private Explanation explainAfterConf(String kconfig, String dotConfig, String symbol, String wanted) {
        return explainAfterConf(ReferenceKernel.LINUX_6_1, kconfig, dotConfig, symbol, wanted);
    }

    private ReferenceKernel kernel;
    private String kconfigText;
    private String confConfig;
    private Evaluator evaluator;

    /** conf's olddefconfig over the user's lines, then kforge's explanation from conf's .config. */
    private Explanation explainAfterConf(ReferenceKernel kernel, String kconfig, String dotConfig, String symbol,
                                         String wanted) {
        this.kernel = kernel;
        this.kconfigText = kconfig;
        ConfPair pair = ConfPair.kconfig(dir, kconfig).kernel(kernel).dotConfig(dotConfig);
        ConfPair.Outcome conf = pair.runConf(ConfMode.OLDDEFCONFIG);
        assertEquals(0, conf.exit(), conf.stderr());
        confConfig = conf.config();
        evaluator = pair.kforgeAfterReading(confConfig);
        Symbol sym = evaluator.kconfig().symbols().find(symbol);
        return Explainer.explain(evaluator, sym, wanted);
    }

    /** conf, given the wanted value over its own .config, keeps it exactly when kforge says it can. */
    private void assertVerdictIsConfs(Explanation why, Verdict expected) {
        assertEquals(expected, why.verdict(), why.render());
        String name = why.symbol();
        String line = "n".equals(why.wanted()) ? "# CONFIG_" + name + " is not set"
                : "CONFIG_" + name + "=" + quotedIfString(name, why.wanted());
        ConfPair.Outcome conf = ConfPair.kconfig(dir.resolve("verdict"), kconfigText).kernel(kernel)
                .dotConfig(confConfig + line + "\n").runConf(ConfMode.OLDDEFCONFIG);
        String kept = confValues(conf.config()).getOrDefault(name, "n");
        assertEquals(why.verdict().holds(), kept.equals(why.wanted()),
                "conf made " + name + "=" + kept + " of " + why.wanted() + "; kforge: " + why.render());
    }

    private String quotedIfString(String name, String value) {
        return evaluator.kconfig().symbols().find(name).type == SymbolType.STRING ? "\"" + value + "\"" : value;
    }

    /** Each term's truth as the engine gave it is the truth conf's written values give it. */
    private void assertTermsAgreeWithConf(Explanation why) {
        for (Term term : terms(why)) {
            assertEquals(truthUnderConf(term.expr()), term.truth(), term.valued() + " in " + why.render());
        }
    }

    private static boolean isSelect(Explanation why, Term term) {
        return why.findings().stream().anyMatch(f -> f.summary().equals("selected by") && f.terms().contains(term));
    }

    private Tristate truthUnderConf(Expr e) {
        return ConfValues.truth(e, confValues(confConfig));
    }

    private static Map<String, String> confValues(String config) {
        Map<String, String> values = new HashMap<>();
        for (String line : config.lines().toList()) {
            if (line.startsWith("CONFIG_")) {
                int eq = line.indexOf('=');
                String value = line.substring(eq + 1);
                if (value.length() >= 2 && value.startsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring("CONFIG_".length(), eq), value);
            }
        }
        return values;
    }

    private static List<Term> terms(Explanation why) {
        List<Term> terms = new ArrayList<>();
        why.findings().forEach(f -> terms.addAll(f.terms()));
        return terms;
    }

    private static List<Term> failing(Explanation why) {
        return terms(why).stream().filter(Term::fails).toList();
    }

    private static List<String> failingTexts(Explanation why) {
        assertFalse(failing(why).isEmpty(), "no failing term: " + why.render());
        return failing(why).stream().map(Term::text).toList();
    }

    private static Finding finding(Explanation why, String summaryStart) {
        return why.findings().stream().filter(f -> f.summary().startsWith(summaryStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding \"" + summaryStart + "\": " + why.render()));
    }

    /**
     * Kconfig's tristate logic over the values conf wrote, independent of kforge's engine: a symbol conf
     * did not write is n (or ""), a comparison is numeric when both sides are numbers, else by bytes.
     */
    private static final class ConfValues {
        static Tristate truth(Expr e, Map<String, String> values) {
            switch (e.type) {
                case SYMBOL: return tristate(value(e.leftSym, values));
                case AND: return truth(e.left, values).and(truth(e.right, values));
                case OR: return truth(e.left, values).or(truth(e.right, values));
                case NOT: return truth(e.left, values).not();
                default: return compare(e, value(e.leftSym, values), value(e.rightSym, values));
            }
        }

        private static String value(Symbol sym, Map<String, String> values) {
            if (sym.isConst()) {
                return sym.name();
            }
            if (sym.isChoice()) {
                // A choice is as high as its highest member.
                return sym.choiceValues.stream().map(m -> values.getOrDefault(m.name(), "n"))
                        .reduce("n", (a, b) -> tristate(b).lessThan(tristate(a)) ? a : b);
            }
            return values.getOrDefault(sym.name(), sym.type.isLogic() ? "n" : "");
        }

        private static Tristate tristate(String value) {
            return "y".equals(value) ? Tristate.YES : "m".equals(value) ? Tristate.MOD : Tristate.NO;
        }

        private static Tristate compare(Expr e, String left, String right) {
            Long l = number(left);
            Long r = number(right);
            int c = l != null && r != null ? Long.compare(l, r) : Integer.signum(left.compareTo(right));
            boolean holds = switch (e.type) {
                case EQUAL -> c == 0;
                case UNEQUAL -> c != 0;
                case LTH -> c < 0;
                case LEQ -> c <= 0;
                case GTH -> c > 0;
                case GEQ -> c >= 0;
                default -> throw new IllegalArgumentException(e.type.name());
            };
            return holds ? Tristate.YES : Tristate.NO;
        }

        private static Long number(String text) {
            try {
                return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
