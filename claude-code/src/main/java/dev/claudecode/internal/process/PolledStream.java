package dev.claudecode.internal.process;

/**
 * Marks a stream whose blocking calls wait in Java (on a lock, woken by one shared poller thread)
 * rather than in a system call: a virtual thread blocked on it unmounts from its carrier, so such
 * streams can be read on virtual threads, thousands at a time.
 */
public interface PolledStream {
}
