package dev.claudecode.internal.observe;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.observe.Observation;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One tool use of a turn, known from the moment the reader sees it. Its observation is started by
 * whoever needs it first: the observer thread when it gets to the assistant message, or a callback
 * about the tool use (a permission prompt, a hook) that the reader handed over before, so that the
 * callback's parent exists whichever thread runs first.
 */
final class ToolWatch {

    private final Supplier<Observation<ToolResultBlock>> starter;
    // a lock, not a monitor: a virtual thread waiting here must not pin its carrier on Java 21
    private final ReentrantLock lock = new ReentrantLock();
    private Observation<ToolResultBlock> observation;

    ToolWatch(Supplier<Observation<ToolResultBlock>> starter) {
        this.starter = starter;
    }

    /** @return the tool use's observation, started now if it was not yet */
    Observation<ToolResultBlock> observation() {
        lock.lock();
        try {
            if (observation == null) {
                observation = starter.get();
            }
            return observation;
        } finally {
            lock.unlock();
        }
    }
}
