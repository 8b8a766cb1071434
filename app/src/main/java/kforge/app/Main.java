package kforge.app;

import java.util.Arrays;

import kforge.app.cli.ConfCompat;
import kforge.app.cli.KforgeCommand;
import kforge.kconfig.diag.Trace;

/** kforge's entry point: no arguments opens the editor, "conf" runs the conf-compatible mode, others the CLI. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        Trace.mark("main");
        if (args.length > 0 && args[0].equals("conf")) {
            return ConfCompat.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length == 0) {
            // Like menuconfig: with nothing asked, the editor opens.
            return KforgeCommand.run(new String[] {"gui"});
        }
        return KforgeCommand.run(args);
    }
}
