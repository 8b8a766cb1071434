package kforge.kconfig.explain;

import kforge.kconfig.model.Property;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/** What an explanation says about choices: which member is chosen, and how to name the choice. */
final class Choices {
    private Choices() {
    }

    /** The chosen member: the choice's value before 6.11, the member at y in the bool blocks since. */
    static Symbol chosen(Symbol choice) {
        Symbol selection = choice.choiceSelection();
        if (selection != null) {
            return selection;
        }
        return choice.choiceValues.stream().filter(m -> m.currTri == Tristate.YES).findFirst().orElse(null);
    }

    /** The choice as a reader finds it in menuconfig: its prompt and where it is defined. */
    static String describe(Symbol choice) {
        Property prompt = Prompts.first(choice);
        String name = choice.name() != null ? choice.name() + " " : "";
        return prompt == null ? "the choice " + name.strip()
                : "the choice " + name + "\"" + prompt.text + "\" at " + prompt.location;
    }
}
