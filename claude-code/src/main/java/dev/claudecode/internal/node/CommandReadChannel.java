package dev.claudecode.internal.node;

import dev.claudecode.transport.CliProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;

/**
 * A file's bytes as {@code cat} prints them, from the start. It can skip forward by reading, not
 * seek back; {@link #size()} is the size when the file was opened.
 */
final class CommandReadChannel extends CommandChannel {

    private static final Duration STOP_GRACE = Duration.ofMillis(200);

    private final ShellCommands shell;
    private final String file;
    private final long size;
    private CliProcess process;
    private InputStream in;
    private long position;

    CommandReadChannel(ShellCommands shell, String file, long size) {
        this.shell = shell;
        this.file = file;
        this.size = size;
    }

    private InputStream in() throws IOException {
        if (in == null) {
            process = shell.start("exec cat -- \"$1\"", file);
            ShellCommands.closeQuietly(process.stdin());
            in = process.stdout();
        }
        return in;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            if (!destination.hasRemaining()) {
                return 0;
            }
            byte[] buffer = new byte[Math.min(destination.remaining(), 64 * 1024)];
            int read = in().read(buffer);
            if (read < 0) {
                int status = shell.await(process, file);
                if (status != 0) {
                    throw ShellCommands.failure(status, "", file);
                }
                return -1;
            }
            destination.put(buffer, 0, read);
            position += read;
            return read;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        lock.lock();
        try {
            ensureOpen();
            return position;
        } finally {
            lock.unlock();
        }
    }

    /** Moves forward by reading and dropping bytes; moving back is not supported. */
    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            if (newPosition < position) {
                throw new UnsupportedOperationException("a file read through commands cannot seek back");
            }
            while (position < newPosition) {
                long step = in().skip(newPosition - position);
                if (step <= 0) {
                    if (in().read() < 0) {
                        break;
                    }
                    step = 1;
                }
                position += step;
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    protected void endCommand() throws IOException {
        if (process != null) {
            if (process.isAlive()) {
                process.terminate(STOP_GRACE);
            }
            in.close();
        }
    }
}
