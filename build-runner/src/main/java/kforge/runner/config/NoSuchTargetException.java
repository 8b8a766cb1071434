package kforge.runner.config;

import kforge.kconfig.diag.KconfigException;

/** A configuration target the tree does not have: a name make has no rule for, or a fragment or defconfig it lacks. */
public final class NoSuchTargetException extends KconfigException {
    public NoSuchTargetException(String message) {
        super(message);
    }
}
