package kforge.runner.patch;

/**
 * One file's state before and after a patch, both held in memory so a failed write can be undone.
 *
 * @param path             relative to the tree, '/'-separated
 * @param before           the bytes there now, or null when the file does not exist
 * @param after            the bytes to write, or null to delete the file
 * @param beforeExecutable whether the file is executable now (false when absent)
 * @param afterExecutable  whether it must be executable afterwards
 */
record FileChange(String path, byte[] before, byte[] after, boolean beforeExecutable, boolean afterExecutable) {
}
