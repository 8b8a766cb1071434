package kforge.runner.git;

import kforge.kconfig.diag.KconfigException;

/** JGit's exceptions as the one-line messages kforge shows users. */
final class GitFailure {
    private GitFailure() {
    }

    /** "cannot WHAT: why", with JGit's message (and its cause's, which often holds the real reason). */
    static KconfigException of(String what, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !why.contains(cause.getMessage())) {
            why += ": " + cause.getMessage();
        }
        KconfigException failure = new KconfigException("cannot " + what + ": " + why);
        failure.initCause(e);
        return failure;
    }
}
