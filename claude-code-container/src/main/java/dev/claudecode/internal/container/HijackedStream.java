package dev.claudecode.internal.container;

import dev.claudecode.internal.process.BoundedPipe;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's or an exec's standard streams on one connection that the engine has taken over
 * from HTTP ({@code POST /containers/{id}/attach} or {@code POST /exec/{id}/start} with {@code
 * Upgrade: tcp}). The engine sends stdout and stderr as frames (an 8-byte header: the stream,
 * three zero bytes, the payload length); they are passed on to two {@link BoundedPipe}s.
 * Closing {@link #stdin()} half-closes the connection, which the engine reads as the end of the
 * process's input.
 *
 * <p>This is done here rather than through docker-java, whose hijacked streams never half-close
 * the connection: a CLI started through it would never see the end of its input.
 */
public final class HijackedStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HijackedStream.class);
    /** How much of each output stream waits for its reader before the engine is slowed down. */
    private static final int PIPE_CAPACITY = 1024 * 1024;
    /** The longest response head the engine may send before the raw stream. */
    private static final int MAX_HEAD = 64 * 1024;

    private final EngineAddress.Connection connection;
    private final BoundedPipe stdout = new BoundedPipe(PIPE_CAPACITY);
    private final BoundedPipe stderr = new BoundedPipe(PIPE_CAPACITY);
    private final OutputStream stdin;
    private final Thread reader;

    private HijackedStream(EngineAddress.Connection connection, InputStream raw, String name) {
        this.connection = connection;
        this.stdin = new HalfClosingOutput(connection);
        this.reader = Thread.ofVirtual().name("engine-stream-" + name).start(() -> demultiplex(raw));
    }

    /**
     * Opens the stream.
     *
     * @param address the engine
     * @param path the request path with its query, such as {@code /containers/ID/attach?stream=1&stdin=1&stdout=1&stderr=1}
     * @param body the JSON request body, or empty
     * @param timeout how long connecting and the engine's answer may take
     * @return the open stream
     * @throws IOException when the engine cannot be reached or refuses
     */
    public static HijackedStream open(EngineAddress address, String path, String body, Duration timeout) throws IOException {
        EngineAddress.Connection connection = address.connect(timeout);
        try {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String request = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: engine\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Upgrade: tcp\r\n"
                    + (content.length > 0 ? "Content-Type: application/json\r\n" : "")
                    + "Content-Length: " + content.length + "\r\n\r\n";
            OutputStream out = connection.output();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = connection.input();
            String head = readHead(in);
            String statusLine = head.lines().findFirst().orElse("");
            String[] parts = statusLine.split(" ", 3);
            int status = parts.length >= 2 ? Integer.parseInt(parts[1]) : -1;
            if (status != 101 && status != 200) {
                throw new IOException("the engine refused " + path.replaceAll("\\?.*", "") + ": " + statusLine
                        + errorBody(in, head));
            }
            return new HijackedStream(connection, in, path.replaceAll("[^a-z0-9]+", "-"));
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the engine closed the connection before it answered");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("the engine's answer has no end of headers within " + MAX_HEAD + " bytes");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String errorBody(InputStream in, String head) {
        try {
            int length = head.lines().map(line -> line.toLowerCase(Locale.ROOT))
                    .filter(line -> line.startsWith("content-length:"))
                    .map(line -> Integer.parseInt(line.substring("content-length:".length()).strip()))
                    .findFirst().orElse(0);
            return length <= 0 ? "" : " " + new String(in.readNBytes(Math.min(length, 4096)), StandardCharsets.UTF_8).strip();
        } catch (IOException | NumberFormatException e) {
            return "";
        }
    }

    private void demultiplex(InputStream raw) {
        byte[] header = new byte[8];
        byte[] payload = new byte[64 * 1024];
        try {
            while (true) {
                int got = raw.readNBytes(header, 0, 8);
                if (got < 8) {
                    break;
                }
                int kind = header[0];
                long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                BoundedPipe target = kind == 2 ? stderr : stdout;
                while (size > 0) {
                    int read = raw.read(payload, 0, (int) Math.min(size, payload.length));
                    if (read < 0) {
                        return;
                    }
                    target.write(payload, 0, read);
                    size -= read;
                }
            }
        } catch (IOException e) {
            LOG.debug("Engine stream ended: {}", e.toString());
        } finally {
            stdout.closeWriter();
            stderr.closeWriter();
        }
    }

    /** @return the process's input; closing it ends the input */
    public OutputStream stdin() {
        return stdin;
    }

    /** @return the process's standard output */
    public InputStream stdout() {
        return stdout;
    }

    /** @return the process's standard error */
    public InputStream stderr() {
        return stderr;
    }

    /**
     * Waits until the engine has ended the stream (the process exited and its output is passed on).
     *
     * @param timeout how long to wait
     * @return whether it ended
     */
    public boolean awaitEnd(Duration timeout) {
        try {
            return reader.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes the connection; output not read yet is dropped. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.debug("Closing an engine stream: {}", e.toString());
        }
    }

    /** Writes to the connection; closing it half-closes the connection. */
    private static final class HalfClosingOutput extends OutputStream {

        private final EngineAddress.Connection connection;
        // a lock rather than a monitor: a write blocked on a full socket must not pin a virtual thread's carrier
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private volatile boolean closed;

        HalfClosingOutput(EngineAddress.Connection connection) {
            this.connection = connection;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            lock.lock();
            try {
                if (closed) {
                    throw new IOException("stdin is closed");
                }
                connection.output().write(bytes, offset, count);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void flush() throws IOException {
            lock.lock();
            try {
                if (!closed) {
                    connection.output().flush();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() throws IOException {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    connection.shutdownOutput();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
