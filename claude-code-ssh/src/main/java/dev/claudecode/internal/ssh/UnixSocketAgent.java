package dev.claudecode.internal.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of an ssh-agent listening on a Unix domain socket (the one {@code SSH_AUTH_SOCK}
 * names), speaking the agent protocol over the JDK's own Unix-socket channels. MINA SSHD's
 * agent client needs the native Apache Tomcat APR library, which is not on Maven Central.
 */
final class UnixSocketAgent extends AbstractAgentProxy {

    /** Agent replies are a key list or a signature; anything near this size is not an agent talking. */
    private static final int MAX_REPLY = 256 * 1024;

    private final Path socket;
    private SocketChannel channel;
    private volatile boolean closed;

    UnixSocketAgent(Path socket) {
        super(null);
        this.socket = socket;
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        if (closed) {
            throw new IOException("the ssh-agent client is closed");
        }
        SocketChannel connected = connect();
        // the buffer holds the request framed with its length prefix, as the protocol wants it
        connected.write(ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available()));
        ByteBuffer length = readFully(connected, 4);
        int size = length.getInt(0);
        if (size <= 0 || size > MAX_REPLY) {
            throw new IOException("ssh-agent at " + socket + " sent an implausible reply length " + size);
        }
        return new ByteArrayBuffer(readFully(connected, size).array());
    }

    private SocketChannel connect() throws IOException {
        if (channel == null || !channel.isOpen()) {
            SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                opened.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                opened.close();
                throw new IOException("cannot reach the ssh-agent at " + socket + ": " + e.getMessage(), e);
            }
            channel = opened;
        }
        return channel;
    }

    private ByteBuffer readFully(SocketChannel from, int size) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(size);
        while (bytes.hasRemaining()) {
            if (from.read(bytes) < 0) {
                throw new EOFException("the ssh-agent at " + socket + " closed the connection mid-reply");
            }
        }
        return bytes;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        super.close();
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
