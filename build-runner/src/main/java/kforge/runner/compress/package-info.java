/**
 * Compressed files as kforge meets them, kernel tarballs and patches: {@link kforge.runner.compress.Compression}
 * tells gzip, bzip2 and xz by their first bytes, and {@link kforge.runner.compress.DecompressingStream} reads
 * any of them, streaming or a whole small file at once. xz is read through the xz program (Debian:
 * apt-get install xz-utils), as kforge ships no Java xz decoder.
 */
package kforge.runner.compress;
