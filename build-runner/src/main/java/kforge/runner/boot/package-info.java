/**
 * kforge boot: a smoke test that a built kernel reaches user space. A static init made with the board's
 * compiler goes into an initramfs; UML's kernel runs it as an ordinary process, versatilepb under QEMU.
 */
package kforge.runner.boot;
