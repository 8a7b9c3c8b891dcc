package dev.claudecode.internal.node;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the channels over a file command ({@code cat}) share: one lock for every operation, and
 * an open flag that {@link #close()} clears once before it ends the command.
 */
abstract class CommandChannel implements SeekableByteChannel {

    // a lock rather than a monitor: reads and the close wait on a command, which must not pin a virtual thread's carrier
    protected final ReentrantLock lock = new ReentrantLock();

    private boolean open = true;

    /**
     * Fails when the channel is closed; call it holding the {@link #lock}.
     *
     * @throws ClosedChannelException when it is
     */
    protected final void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public final boolean isOpen() {
        lock.lock();
        try {
            return open;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the channel and ends its command, once; later calls do nothing. */
    @Override
    public final void close() throws IOException {
        lock.lock();
        try {
            if (!open) {
                return;
            }
            open = false;
            endCommand();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the command once the channel is closed, holding the {@link #lock}.
     *
     * @throws IOException when the command failed
     */
    protected abstract void endCommand() throws IOException;
}
