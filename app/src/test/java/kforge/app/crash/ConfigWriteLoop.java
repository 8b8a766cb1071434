package kforge.app.crash;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import kforge.app.Main;
import kforge.app.gui.model.ConfigSession;
import kforge.app.gui.model.OpenRequest;

/**
 * The process {@link ConfigWriteKillTest} kills: it writes generation after generation of one .config, each
 * with GENERATION="gen-N", through "kforge set" (the CLI, run in this process again and again) or through
 * the editor's save (the same ConfigSession the editor's view model saves with). After its first write it
 * says "writing" on stdout, so the test knows the loop has begun before it picks its moment to kill.
 *
 * <p>Arguments: set|save TREE CONFIG FIRST_GENERATION.
 */
public final class ConfigWriteLoop {
    private ConfigWriteLoop() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Path tree = Path.of(args[1]);
        Path config = Path.of(args[2]);
        long generation = Long.parseLong(args[3]);
        PrintStream handshake = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        ConfigSession session = mode.equals("save")
                ? ConfigSession.open(new OpenRequest(tree, "x86", "", config)) : null;
        for (boolean first = true; ; first = false, generation++) {
            String value = "gen-" + generation;
            if (session != null) {
                session.assign(session.kconfig().symbols().find("GENERATION"), value);
                session.write(config);
            } else if (Main.run(new String[] {"set", "--tree", tree.toString(), "--arch", "x86",
                    "--config", config.toString(), "GENERATION=" + value}) != 0) {
                throw new IllegalStateException("kforge set failed at " + value);
            }
            if (first) {
                handshake.println("writing");
                handshake.flush();
            }
        }
    }
}
