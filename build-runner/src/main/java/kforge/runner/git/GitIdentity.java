package kforge.runner.git;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/** Who commits when the caller names nobody. */
final class GitIdentity {
    static final String NAME = "kforge";
    static final String EMAIL = "kforge@localhost";

    private GitIdentity() {
    }

    /** Fixed, so two imports of the same tarball differ only in their dates, and no user setup is needed. */
    static PersonIdent kforge() {
        return new PersonIdent(NAME, EMAIL);
    }

    /**
     * The user's git identity (user.name and user.email from the repository's or their own git config) when
     * both are set, since a saved config is their work; kforge's otherwise.
     */
    static PersonIdent userOrKforge(Repository repository) {
        StoredConfig config = repository.getConfig();
        String name = config.getString("user", null, "name");
        String email = config.getString("user", null, "email");
        if (name == null || name.isBlank() || email == null || email.isBlank()) {
            return kforge();
        }
        return new PersonIdent(name, email);
    }
}
