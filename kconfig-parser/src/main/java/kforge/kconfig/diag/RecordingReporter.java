package kforge.kconfig.diag;

import java.util.ArrayList;
import java.util.List;

/** Passes messages on and keeps them in order, so they can be shown again (e.g. when a parse is reused). */
public final class RecordingReporter implements Reporter {
    /** A message and the stream it went to. */
    public record Message(boolean stderr, String text) {
    }

    private final Reporter target;
    private final List<Message> messages = new ArrayList<>();

    public RecordingReporter(Reporter target) {
        this.target = target;
    }

    @Override
    public void out(String line) {
        messages.add(new Message(false, line));
        target.out(line);
    }

    @Override
    public void err(String line) {
        messages.add(new Message(true, line));
        target.err(line);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public static void replay(List<Message> messages, Reporter to) {
        for (Message m : messages) {
            if (m.stderr()) {
                to.err(m.text());
            } else {
                to.out(m.text());
            }
        }
    }
}
