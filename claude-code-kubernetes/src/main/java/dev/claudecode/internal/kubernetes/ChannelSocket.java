package dev.claudecode.internal.kubernetes;

import dev.claudecode.internal.process.BoundedPipe;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.WebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The streams of a pod's {@code attach} or {@code exec} subresource over a WebSocket that speaks
 * {@code v5.channel.k8s.io}: every message starts with a channel byte (0 stdin, 1 stdout, 2
 * stderr, 3 the final status, 4 resize), and, new in version 5, a message {@code [255, channel]}
 * closes a channel. Closing {@link #stdin()} sends {@code [255, 0]}, which the container sees as
 * the end of its input. Version 4 has no way to say that (and the fabric8 client speaks only
 * version 4), so this class speaks version 5 itself, over the client's authenticated HTTP client;
 * API servers before Kubernetes 1.30 do not offer it.
 */
public final class ChannelSocket implements AutoCloseable {

    /** The subprotocol this class speaks. */
    public static final String PROTOCOL = "v5.channel.k8s.io";

    private static final byte STDIN = 0;
    private static final byte STDOUT = 1;
    private static final byte STDERR = 2;
    private static final byte STATUS = 3;
    private static final byte CLOSE = (byte) 255;
    private static final int PIPE_CAPACITY = 1024 * 1024;
    /** The largest status message kept; a status is a small JSON object. */
    private static final int MAX_STATUS = 64 * 1024;
    /** How many bytes may wait in the socket's send queue before a writer waits. */
    private static final long MAX_QUEUED = 4L * 1024 * 1024;

    private final BoundedPipe stdout = new BoundedPipe(PIPE_CAPACITY);
    private final BoundedPipe stderr = new BoundedPipe(PIPE_CAPACITY);
    private final StringBuilder status = new StringBuilder();
    private final CompletableFuture<String> end = new CompletableFuture<>();
    private final CompletableFuture<WebSocket> socket;
    private final OutputStream stdin = new Stdin();

    private ChannelSocket(KubernetesClient client, URI uri, Duration timeout) {
        this.socket = client.getHttpClient().newWebSocketBuilder()
                .subprotocol(PROTOCOL)
                .uri(uri)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .buildAsync(new Listener());
    }

    /**
     * Opens the streams of a pod subresource.
     *
     * @param client the client, whose configuration and credentials are used
     * @param pathAndQuery the path under the API server, such as {@code /api/v1/namespaces/N/pods/P/attach?...}
     * @param timeout how long connecting may take
     * @return the open streams
     * @throws IOException when the API server cannot be reached or refuses
     */
    public static ChannelSocket open(KubernetesClient client, String pathAndQuery, Duration timeout) throws IOException {
        String master = client.getMasterUrl().toString();
        URI uri = URI.create((master.endsWith("/") ? master.substring(0, master.length() - 1) : master) + pathAndQuery);
        ChannelSocket channels = new ChannelSocket(client, uri, timeout);
        try {
            channels.socket.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return channels;
        } catch (ExecutionException e) {
            throw new IOException("cannot open " + pathAndQuery.replaceAll("\\?.*", "") + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            channels.socket.cancel(true);
            throw new IOException("opening " + pathAndQuery.replaceAll("\\?.*", "") + " took longer than " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channels.socket.cancel(true);
            throw new InterruptedIOException("interrupted while opening " + pathAndQuery.replaceAll("\\?.*", ""));
        }
    }

    /** @return the process's input; closing it closes the channel, the end of the input */
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
     * The end of the streams: completed, when the socket closes, with the status the API server
     * sent on channel 3 (a {@code Status} object as JSON; empty when it sent none).
     *
     * @return the future
     */
    public CompletableFuture<String> end() {
        return end;
    }

    /** Closes the socket; output not read yet is dropped. */
    @Override
    public void close() {
        socket.thenAccept(ws -> ws.sendClose(1000, "closed"));
        finish();
    }

    private void finish() {
        stdout.closeWriter();
        stderr.closeWriter();
        String text;
        synchronized (status) {
            text = status.toString();
        }
        end.complete(text);
    }

    /**
     * Receives messages on the client's I/O thread and passes them on from a virtual thread, one
     * at a time: the next message is requested only once the last one is passed on, so a reader
     * that falls behind slows the stream down and never blocks the client's I/O thread.
     */
    private final class Listener implements WebSocket.Listener {

        private final java.util.concurrent.Executor delivery = java.util.concurrent.Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("pod-stream-", 0).factory());
        private final Object order = new Object();
        private CompletableFuture<Void> delivered = CompletableFuture.completedFuture(null);

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request();
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteBuffer bytes) {
            byte[] message = new byte[bytes.remaining()];
            bytes.get(message);
            synchronized (order) {
                delivered = delivered.thenRunAsync(() -> {
                    try {
                        deliver(message);
                    } finally {
                        webSocket.request();
                    }
                }, delivery);
            }
        }

        private void deliver(byte[] message) {
            if (message.length == 0) {
                return;
            }
            try {
                switch (message[0]) {
                    case STDOUT -> stdout.write(message, 1, message.length - 1);
                    case STDERR -> stderr.write(message, 1, message.length - 1);
                    case STATUS -> {
                        synchronized (status) {
                            if (status.length() + message.length <= MAX_STATUS) {
                                status.append(new String(message, 1, message.length - 1, StandardCharsets.UTF_8));
                            }
                        }
                    }
                    default -> {
                        // resize, or a channel the server closed: nothing to do
                    }
                }
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            onMessage(webSocket, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void onClose(WebSocket webSocket, int code, String reason) {
            afterDelivery();
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            afterDelivery();
        }

        private void afterDelivery() {
            synchronized (order) {
                delivered.whenComplete((done, failure) -> finish());
            }
        }
    }

    /** Stdin: each write a channel-0 message; close sends {@code [255, 0]}. */
    private final class Stdin extends OutputStream {

        private final ReentrantLock lock = new ReentrantLock();
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            if (count == 0) {
                return;
            }
            byte[] message = new byte[count + 1];
            message[0] = STDIN;
            System.arraycopy(bytes, offset, message, 1, count);
            send(message);
        }

        @Override
        public void close() throws IOException {
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                send(new byte[] {CLOSE, STDIN});
                closed = true;
            } finally {
                lock.unlock();
            }
        }

        private void send(byte[] message) throws IOException {
            lock.lock();
            try {
                if (closed) {
                    throw new IOException("stdin is closed");
                }
                if (end.isDone()) {
                    throw new IOException("the stream has ended");
                }
                WebSocket webSocket = socket.getNow(null);
                if (webSocket == null) {
                    throw new IOException("the stream is not open");
                }
                while (webSocket.queueSize() > MAX_QUEUED && !end.isDone()) {
                    Thread.sleep(5);
                }
                if (!webSocket.send(ByteBuffer.wrap(message))) {
                    throw new IOException("the stream refused the input: it is closing");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while sending input");
            } finally {
                lock.unlock();
            }
        }
    }
}
