/**
 * Patch series for a kernel tree, quilt-style, with no patch or git program needed.
 *
 * <h2>Where things live</h2>
 * <ul>
 * <li>The series: {@code <tree>/patches/series}, quilt's default (quilt also looks for a series file in the
 *     tree's root and in .pc/; kforge takes patches/series, or the file it is given). One patch file name a
 *     line, relative to the series file's directory; "#" comments; {@code -pN} (default -p1), {@code -pab}
 *     and {@code -R} after the name, as quilt writes them.</li>
 * <li>What is applied: {@code <tree>/.kforge/patches/applied-patches}, bottom of the stack first, each line saying how
 *     the patch went on (work tree, or commit and tag); a copy of each patch as applied in
 *     {@code <tree>/.kforge/patches/applied/}, so unapplying takes back exactly that. A .gitignore keeps the
 *     directory out of git status. It is in the tree, so it survives restarts and moves with the tree.</li>
 * <li>While an apply or unapply runs: {@code <tree>/.kforge/patches/journal/}, each touched file's bytes before
 *     it and what was going on, written before the tree is touched. If kforge is killed halfway, the next
 *     apply or unapply refuses to start (as git am does) until {@link kforge.runner.patch.RecoverPatchCommand}
 *     ({@code kforge patch apply --abort} or {@code --continue}) puts the tree back before the operation, or
 *     back and then through it again.</li>
 * </ul>
 *
 * <h2>What a patch is, and when it becomes a commit</h2>
 * <ul>
 * <li>A unified diff (diff -u, diff -Naur, git diff: new and deleted files, renames, mode changes,
 *     "\ No newline at end of file"), possibly .gz, .bz2 or .xz compressed (told by content). Applied like
 *     {@code patch -p1}, to the work tree only, as quilt and patch do: plain diffs are work in progress a kernel
 *     engineer reviews and commits when they choose. {@link kforge.runner.patch.ApplyPatchCommand#setCommit}
 *     commits them too.</li>
 * <li>A git format-patch mail (starts with an mbox "From " line): in a git tree it becomes a commit as with
 *     git am, keeping the author, the author date and the subject (without "[PATCH n/m]"), the body as the
 *     rest of the message. Like git am it wants a clean index and the patch's files unmodified.</li>
 * <li>A kernel.org release patch, known by name (patch-6.1.1.xz, patch-6.1.1-2.xz, patch-6.2-rc1.xz): in a git
 *     tree a commit "Linux 6.1.1" with an annotated tag v6.1.1, the version read from the patched Makefile.</li>
 * </ul>
 * Outside a git tree every patch goes to the work tree only.
 *
 * <h2>Matching</h2>
 * Every context line must match: there is no fuzz. A hunk may have moved (an offset, reported as patch reports
 * it); it is searched nearest first. Each patch is atomic: every file's new content is computed in memory,
 * and only if every hunk applies is anything written; a failure names the patch, the file and the hunk.
 *
 * <h2>Reading, against GNU patch</h2>
 * Read as {@code patch -p1} reads it (PatchFuzzTest compares the two on mutated diffs): a tab-led hunk line is
 * context whose leading space a mailer ate; a CR at the end of a file's "+++" line means one CR goes from each
 * of its hunk lines; a diff -N file is new (deleted) when its timestamp is the epoch and its first hunk is
 * "@@ -0,0" ("+0,0"); an empty file counts as none. Stricter than patch, with file:line and the fault: a patch
 * cut off in a hunk or its header, "\ No newline at end of file" before the last line of a side, /dev/null on
 * a side that has lines, a NUL in a file name line, file headers without hunks, ---/+++ names that are not the
 * diff --git or rename names, and hunks that overlap the one before (patch may apply a repeated hunk twice).
 */
package kforge.runner.patch;
