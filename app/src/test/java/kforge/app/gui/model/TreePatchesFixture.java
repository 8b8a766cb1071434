package kforge.app.gui.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

import kforge.runner.board.BoardProfile;

/**
 * A small kernel tree in a real git repository (made with JGit, tagged as a release would be), and the
 * two-patch series of the panel's tests: the first fits, the second's second hunk does not.
 */
public final class TreePatchesFixture {
    public static final PersonIdent AUTHOR = new PersonIdent("Tree Tester", "tester@example.org");
    public static final BoardProfile BOARD = new BoardProfile("testboard", "A board for the history tests", "arm",
            "", "testboard_defconfig", null, null, null, null, null, null, null, null);

    public static final String MAIN_C = "#include <linux/init.h>\n\nint main(void)\n{\n\treturn 0;\n}\n";
    public static final String MAIN_C_PATCHED =
            "#include <linux/init.h>\n\nint main(void)\n{\n\thello();\n\treturn 0;\n}\n";
    public static final String GOOD_PATCH = "Say hello from main.\n\nSigned-off-by: Tree Tester <tester@example.org>\n"
            + "---\n"
            + "diff --git a/init/main.c b/init/main.c\n"
            + "--- a/init/main.c\n"
            + "+++ b/init/main.c\n"
            + "@@ -3,4 +3,5 @@\n"
            + " int main(void)\n"
            + " {\n"
            + "+\thello();\n"
            + " \treturn 0;\n"
            + " }\n";
    /** Hunk #1 fits; hunk #2 wants a line 14 the tree does not have. */
    public static final String CONFLICTING_PATCH = "--- a/drivers/a.c\n"
            + "+++ b/drivers/a.c\n"
            + "@@ -1,3 +1,3 @@\n"
            + " line 1\n"
            + "-line 2\n"
            + "+line two\n"
            + " line 3\n"
            + "@@ -14,3 +14,3 @@\n"
            + " line 14 edited upstream\n"
            + "-line 15\n"
            + "+line fifteen\n"
            + " line 16\n";
    public static final String CONFLICTING_HUNK = "@@ -14,3 +14,3 @@";

    private TreePatchesFixture() {
    }

    /** dir/linux: Makefile, init/main.c, drivers/a.c (20 lines), arch/arm; one commit on master, tag v6.1.7. */
    public static Path kernelTree(Path dir) {
        Path tree = dir.resolve("linux");
        write(tree, "Makefile", "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 7\n");
        write(tree, "init/main.c", MAIN_C);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            lines.append("line ").append(i).append('\n');
        }
        write(tree, "drivers/a.c", lines.toString());
        write(tree, "arch/arm/Kconfig", "config ARM\n\tdef_bool y\n");
        try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("master").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Linux 6.1.7").setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
            git.tag().setName("v6.1.7").setMessage("Linux 6.1.7").setTagger(AUTHOR).setSigned(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return tree;
    }

    /** A branch with one more commit changing a file, master checked out again. */
    public static void branchWithChange(Path tree, String branch, String path, String content) {
        try (Git git = Git.open(tree.toFile())) {
            git.checkout().setCreateBranch(true).setName(branch).call();
            write(tree, path, content);
            git.add().addFilepattern(path).call();
            git.commit().setMessage("change " + path).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
            git.checkout().setName("master").call();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path root, String path, String content) {
        return write(root, path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path root, String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file's bytes outside .git, .kforge and patches/: what a patch may change. */
    public static Map<String, String> files(Path tree) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = tree.relativize(p).toString();
                if (!rel.startsWith(".git") && !rel.startsWith(".kforge") && !rel.startsWith("patches")) {
                    try {
                        files.put(rel, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
