package dev.claudecode.internal.container;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the engine's API listens: a Unix socket ({@code unix:///run/podman/podman.sock}) or a
 * plain TCP address ({@code tcp://127.0.0.1:2375}). TLS is not supported.
 *
 * @param uri the address as given
 */
public record EngineAddress(URI uri) {

    /** Validates the address. */
    public EngineAddress {
        String scheme = uri.getScheme();
        if ("unix".equals(scheme)) {
            if (uri.getPath() == null || uri.getPath().isEmpty()) {
                throw new IllegalArgumentException("a unix engine address needs a socket path: " + uri);
            }
        } else if ("tcp".equals(scheme)) {
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("a tcp engine address needs a host and a port: " + uri);
            }
        } else {
            throw new IllegalArgumentException("the engine address must be unix:///path or tcp://host:port (no TLS): " + uri);
        }
    }

    /**
     * Parses an address.
     *
     * @param address {@code unix:///path} or {@code tcp://host:port}
     * @return the address
     */
    public static EngineAddress of(String address) {
        return new EngineAddress(URI.create(address));
    }

    /** The streams of one connection to the engine. */
    interface Connection extends AutoCloseable {
        java.io.InputStream input();

        java.io.OutputStream output();

        /** Ends what this side sends; the engine reads it as the end of the stream's input. */
        void shutdownOutput() throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * Opens a new connection.
     *
     * @param timeout how long connecting may take (TCP only; a Unix socket connects at once)
     * @return the connection
     * @throws IOException when the engine cannot be reached
     */
    Connection connect(Duration timeout) throws IOException {
        if (uri.getScheme().equals("unix")) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(Path.of(uri.getPath())));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            // not Channels.newInputStream: its streams lock the channel, so a blocked read would stall every write
            java.io.InputStream in = new java.io.InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] bytes, int offset, int count) throws IOException {
                    return count == 0 ? 0 : channel.read(java.nio.ByteBuffer.wrap(bytes, offset, count));
                }
            };
            java.io.OutputStream out = new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int count) throws IOException {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, offset, count);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
            };
            return new Connection() {
                public java.io.InputStream input() {
                    return in;
                }

                public java.io.OutputStream output() {
                    return out;
                }

                public void shutdownOutput() throws IOException {
                    channel.shutdownOutput();
                }

                public void close() throws IOException {
                    channel.close();
                }
            };
        }
        Socket socket = new Socket();
        SocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        try {
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Connection() {
            public java.io.InputStream input() throws RuntimeException {
                try {
                    return socket.getInputStream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            public java.io.OutputStream output() {
                try {
                    return socket.getOutputStream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            public void shutdownOutput() throws IOException {
                socket.shutdownOutput();
            }

            public void close() throws IOException {
                socket.close();
            }
        };
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
