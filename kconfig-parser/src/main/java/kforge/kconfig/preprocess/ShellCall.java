package kforge.kconfig.preprocess;

/** One $(shell,...) run during a parse: the command and what it expanded to. */
public record ShellCall(String command, String result) {
}
