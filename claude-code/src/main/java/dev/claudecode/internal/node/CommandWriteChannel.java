package dev.claudecode.internal.node;

import dev.claudecode.transport.CliProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Bytes streamed into {@code cat > file} (or {@code >>}): the file is complete once the channel
 * is closed, which ends the command's input and reports its failure, if any.
 */
final class CommandWriteChannel extends CommandChannel {

    /** How much of the command's stderr to keep for an error message. */
    private static final int MAX_STDERR = 8 * 1024;

    private final ShellCommands shell;
    private final CliProcess process;
    private final String file;
    private final OutputStream out;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread stderrReader;
    private long position;

    CommandWriteChannel(ShellCommands shell, CliProcess process, String file) {
        this.shell = shell;
        this.process = process;
        this.file = file;
        this.out = process.stdin();
        this.stderrReader = Thread.ofVirtual().name("command-fs-write-stderr").start(this::readStderr);
        // stdout is unused: drain it so that the command never blocks on it
        Thread.ofVirtual().name("command-fs-write-stdout").start(() -> {
            try (var in = process.stdout()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the command ended
            }
        });
    }

    private void readStderr() {
        byte[] buffer = new byte[1024];
        try (var in = process.stderr()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (stderr) {
                    stderr.write(buffer, 0, Math.max(0, Math.min(read, MAX_STDERR - stderr.size())));
                }
            }
        } catch (IOException e) {
            // the command ended
        }
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            int length = source.remaining();
            byte[] bytes = new byte[length];
            source.get(bytes);
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new IOException("cannot write " + file + ": the command writing it ended: " + e.getMessage(), e);
            }
            position += length;
            return length;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read(ByteBuffer destination) {
        throw new NonReadableChannelException();
    }

    @Override
    public long position() {
        lock.lock();
        try {
            return position;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        throw new UnsupportedOperationException("a file written through commands is written from start to end");
    }

    @Override
    public long size() {
        return position();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new UnsupportedOperationException("a file written through commands cannot be truncated");
    }

    /** Ends the input and waits for the command; its failure becomes the exception. */
    @Override
    protected void endCommand() throws IOException {
        ShellCommands.closeQuietly(out);
        int status = shell.await(process, file);
        try {
            stderrReader.join(java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status != 0) {
            String message;
            synchronized (stderr) {
                message = stderr.toString(StandardCharsets.UTF_8);
            }
            throw ShellCommands.failure(status, message, file);
        }
    }
}
