package kforge.app.crash;

import java.io.OutputStream;
import java.io.PrintStream;

import kforge.app.Main;

/**
 * The process {@link PatchApplyKillTest} kills: "kforge patch apply --all" and then "kforge patch unapply" once
 * for each patch, again and again, on one tree, through the CLI in this process. After its first command it
 * says "patching" on stdout, so the test knows the loop has begun before it picks its moment to kill.
 *
 * <p>Arguments: TREE PATCHES.
 */
public final class PatchSeriesLoop {
    private PatchSeriesLoop() {
    }

    public static void main(String[] args) {
        String tree = args[0];
        int patches = Integer.parseInt(args[1]);
        PrintStream handshake = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        for (boolean first = true; ; first = false) {
            run("patch", "apply", "--all", "--tree", tree);
            if (first) {
                handshake.println("patching");
                handshake.flush();
            }
            for (int i = 0; i < patches; i++) {
                run("patch", "unapply", "--tree", tree);
            }
        }
    }

    private static void run(String... args) {
        if (Main.run(args) != 0) {
            System.err.println("kforge " + String.join(" ", args) + " failed");
            System.exit(3);
        }
    }
}
