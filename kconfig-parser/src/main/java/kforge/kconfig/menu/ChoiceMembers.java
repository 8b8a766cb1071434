package kforge.kconfig.menu;

import java.util.function.Consumer;

import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;

/** What conf_parse checks of a choice's members once the menus are final (choice_check_sanity, 6.10). */
public final class ChoiceMembers {
    private ChoiceMembers() {
    }

    /** Reports each member's default and each prompt it has outside this choice; true when there are none. */
    public static boolean checkSanity(Menu choice, Consumer<String> errors) {
        boolean sane = true;
        for (Menu member = choice.list; member != null; member = member.following(choice)) {
            if (member.sym != null && !checkMember(member, errors)) {
                sane = false;
            }
        }
        return sane;
    }

    private static boolean checkMember(Menu member, Consumer<String> errors) {
        boolean sane = true;
        for (Property prop : member.sym.properties) {
            if (prop.type == PropertyType.DEFAULT) {
                errors.accept(prop.location + ": error: defaults for choice values not supported");
                sane = false;
            }
            if (prop.menu != member && prop.type == PropertyType.PROMPT && prop.menu.parent != member.parent) {
                errors.accept(prop.location + ": error: choice value has a prompt outside its choice group");
                sane = false;
            }
        }
        return sane;
    }
}
