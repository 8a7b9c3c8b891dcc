/**
 * Child processes: how local CLIs are started ({@link dev.claudecode.internal.process.Spawners}
 * chooses between the epoll spawner, compiled for Java 22 beside these classes, and the JDK's
 * {@link java.lang.ProcessBuilder}), streams that can be read on virtual threads ({@link
 * dev.claudecode.internal.process.PolledStream}), bounded output capture, descendants, environment
 * reads and reaping. Implementation, not API.
 */
package dev.claudecode.internal.process;
