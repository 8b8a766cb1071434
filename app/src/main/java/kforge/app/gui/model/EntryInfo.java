package kforge.app.gui.model;

import java.util.List;

import kforge.kconfig.model.Tristate;

/**
 * What the info pane shows for the selected entry. Expressions come as fragments so a view can make symbol
 * names clickable and highlight what is true now.
 *
 * @param definedAt every place the symbol (or menu) is defined, as file:line
 * @param location  the prompts of the menus above the entry, from the top
 * @param confHelp  the help exactly as menuconfig's "?" and conf's oldconfig print it
 * @param verdict   why the symbol has its value or can't be y, or null for a menu or comment
 */
public record EntryInfo(String title, String name, String type, String value, String prompt,
                        List<String> definedAt, List<String> location, String help, List<Section> sections,
                        String confHelp, Verdict verdict) {

    /**
     * The explainer's one-line answer for the entry: for a bool or tristate below y, whether it can be y;
     * otherwise why it has its value. holds is false when something the user did not set stops it.
     */
    public record Verdict(String text, boolean holds) {
    }

    /** A headed list, e.g. "Selected by" with one line per selecting expression. */
    public record Section(String title, List<Line> lines) {
        public String text() {
            StringBuilder sb = new StringBuilder(title).append(':');
            for (Line l : lines) {
                sb.append("\n  ").append(l.text());
            }
            return sb.toString();
        }
    }

    /** One expression; active when it holds now (the default applies, the select is in effect...). */
    public record Line(List<Fragment> fragments, boolean active) {
        public String text() {
            StringBuilder sb = new StringBuilder();
            fragments.forEach(f -> sb.append(f.text()));
            return sb.toString();
        }
    }

    /**
     * A piece of an expression; symbol is the name to jump to, or null for operators and constants. In a
     * dependency line, truth is the value of the term (a conjunct a reader checks on its own) the piece
     * belongs to, so a view can show which term fails; null outside a term (the "&&" joining them).
     */
    public record Fragment(String text, String symbol, boolean active, Tristate truth) {
        public Fragment(String text, String symbol, boolean active) {
            this(text, symbol, active, null);
        }
    }

    public Section section(String sectionTitle) {
        return sections.stream().filter(s -> s.title().equals(sectionTitle)).findFirst().orElse(null);
    }
}
