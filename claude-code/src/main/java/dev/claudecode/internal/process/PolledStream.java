package dev.claudecode.internal.process;

/**
 * Marks a stream whose blocking calls wait in Java (on a lock, woken by one shared poller thread)
 * rather than in a system call: a virtual thread blocked on it unmounts from its carrier, so such
 * streams can be read on virtual threads, thousands at a time.
 */
public interface PolledStream {

    /**
     * Says that bytes are due on this stream within microseconds (the answer to a control request
     * just written): a reader waiting on it may look for them itself for a moment instead of
     * waiting to be woken when they come, which on a busy machine costs more than the answer
     * takes. Only a hint; streams that cannot use it ignore it.
     */
    default void bytesDueSoon() {
    }
}
