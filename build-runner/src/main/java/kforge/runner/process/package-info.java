/** Running external programs as a whole process tree that can be stopped together. */
package kforge.runner.process;
