package kforge.app.gui.model;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import kforge.kconfig.parse.ShellCommandListing;

/**
 * The question asked before a tree's Kconfig runs its $(shell,...) commands for the first time: which
 * commands, grouped by the Kconfig file that runs them, and the user's answer. "Run them" is remembered
 * for this tree and this set of commands; "Don't run" leaves everything as it was.
 */
public final class ShellTrustViewModel {
    public enum Decision { RUN, DONT_RUN }

    private final OpenRequest request;
    private final ShellCommandListing listing;
    private final UserSettings settings;
    private final CompletableFuture<Decision> decision = new CompletableFuture<>();

    public ShellTrustViewModel(OpenRequest request, ShellCommandListing listing, UserSettings settings) {
        this.request = request;
        this.listing = listing;
        this.settings = settings;
    }

    public String title() {
        return "Run this tree's Kconfig commands?";
    }

    /** "The Kconfig of linux-6.12 runs 57 shell commands." */
    public String heading() {
        int n = listing.commands().size();
        return "The Kconfig of " + request.tree().getFileName() + " runs " + n + " shell command"
                + (n == 1 ? "" : "s") + ".";
    }

    public String explanation() {
        return "Reading " + request.tree() + " runs these commands from the tree with $(shell,...), as"
                + " make menuconfig would (each with the Kconfig lines that call it). Run them only if you trust"
                + " the tree; the answer is remembered until the set of commands changes.";
    }

    /** The commands by file, one line each, as "kforge doctor --tree" prints them. */
    public String listingText() {
        return String.join("\n", listing.describe());
    }

    public List<ShellCommandListing.Group> groups() {
        return listing.groups();
    }

    /** Remembers the answer for this tree and these commands, then lets the tree open. */
    public void runThem() {
        if (!decision.isDone()) {
            settings.trustShellCommands(request.tree(), listing.fingerprint());
        }
        decision.complete(Decision.RUN);
    }

    /** Nothing runs and nothing opens; the next open asks again. */
    public void dontRun() {
        decision.complete(Decision.DONT_RUN);
    }

    /** Completes with the user's answer (a dialog closed without one counts as "Don't run"). */
    public CompletableFuture<Decision> decision() {
        return decision;
    }

    /** True when this set of commands needs no question: there are none, or the user let them run before. */
    static boolean needsNoQuestion(OpenRequest request, ShellCommandListing listing, UserSettings settings) {
        return listing.isEmpty() || settings.trustsShellCommands(request.tree(), listing.fingerprint());
    }
}
