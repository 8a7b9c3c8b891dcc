package dev.claudecode.internal.ssh;

import dev.claudecode.ssh.SshConnectionException;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpErrorDataHandler;
import org.apache.sshd.sftp.client.SftpVersionSelector;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;
import org.apache.sshd.sftp.client.impl.DefaultSftpClient;
import org.apache.sshd.sftp.client.impl.DefaultSftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection and what hangs off it: the SFTP file system (one SFTP channel,
 * opened on first use) and the {@link Watchdog}.
 */
public final class SshConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PRIVATE_DIRECTORY = 0700;
    private static final int PRIVATE_FILE = 0600;

    // a lock rather than a monitor: starting SFTP or the watchdog holds it for network round trips,
    // and a virtual thread waiting for it must not pin its carrier on Java 21
    private final ReentrantLock lock = new ReentrantLock();
    private final ClientSession session;
    private final SshSettings settings;
    private final Runnable onUse;
    private SftpFileSystem fileSystem;
    private Watchdog watchdog;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closing;

    SshConnection(ClientSession session, SshSettings settings, Runnable onUse) {
        this.session = session;
        this.settings = settings;
        this.onUse = onUse;
        // MINA reports what ends a session (unanswered keepalives, a reset) before it closes it
        session.addSessionListener(new SessionListener() {
            @Override
            public void sessionException(Session failed, Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
    }

    /**
     * Why the connection was lost, when it was lost rather than closed by this side.
     *
     * @return a sentence naming the host, the cause and the keepalive settings; empty while the
     *     connection is up or after {@link #close()}
     */
    public Optional<String> lossDescription() {
        if (closing || isOpen()) {
            return Optional.empty();
        }
        Throwable cause = failure.get();
        String keepAlive = settings.keepAliveInterval().isZero() ? "keepalive probes are off"
                : "keepalive: a probe every " + settings.keepAliveInterval().toMillis() + " ms, at most "
                        + settings.keepAliveMaxMissed() + " unanswered";
        return Optional.of("the connection to " + settings.address() + " was lost"
                + (cause == null ? "" : ": " + cause.getMessage()) + " (" + keepAlive + ")");
    }

    /** @return whether the connection is up, as far as this side knows */
    public boolean isOpen() {
        return session.isOpen() && !session.isClosing();
    }

    /** @return the MINA session */
    public ClientSession session() {
        return session;
    }

    /**
     * The host's file system over SFTP. It lives as long as this connection.
     *
     * @return the file system
     * @throws SshConnectionException when the SFTP subsystem cannot be started
     */
    public SftpFileSystem fileSystem() {
        lock.lock();
        try {
            if (fileSystem == null || !fileSystem.isOpen()) {
                try {
                    SftpFileSystemProvider provider = new SftpFileSystemProvider(null, new TouchingClientFactory(onUse),
                            SftpVersionSelector.CURRENT, SftpErrorDataHandler.EMPTY);
                    fileSystem = provider.newFileSystem(session);
                } catch (IOException | RuntimeException e) {
                    throw new SshConnectionException("cannot start SFTP on " + settings.address() + ": " + e.getMessage(), e);
                }
            }
            return fileSystem;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The connection's watchdog, started on first use and again if it ended.
     *
     * @return the watchdog
     * @throws IOException when its channel cannot be opened
     */
    public Watchdog watchdog() throws IOException {
        lock.lock();
        try {
            if (watchdog == null || !watchdog.isOpen()) {
                watchdog = Watchdog.start(session, settings.connectTimeout());
            }
            return watchdog;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens an exec channel that runs a command line in the user's login shell; its streams are
     * MINA's piped streams.
     *
     * @param commandLine the command line
     * @return the open channel
     * @throws IOException when the server refuses the channel or does not answer in time
     */
    public ChannelExec openExec(String commandLine) throws IOException {
        ChannelExec channel = session.createExecChannel(commandLine);
        try {
            channel.open().verify(settings.connectTimeout());
            return channel;
        } catch (SshChannelOpenException e) {
            channel.close(true);
            throw new IOException("the server refused a new channel (" + e.getMessage() + "); OpenSSH allows MaxSessions "
                    + "channels per connection, 10 unless configured", e);
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
    }

    /** @return a fresh, unpredictable directory name under the remote temp directory, for {@link #writePrivateFile} */
    public String newPrivateDirectory() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return settings.remoteTempDir() + "/claude-code-java-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Writes a file only the remote user can read: creates the directory, which must not exist,
     * makes it private (0700) before anything is written into it, then writes the file (0600).
     *
     * @param dir the directory to create, from {@link #newPrivateDirectory()}
     * @param name the file's name
     * @param content what it holds
     * @throws IOException when any step fails (what was created is removed again)
     */
    public void writePrivateFile(String dir, String name, byte[] content) throws IOException {
        SftpClient sftp = fileSystem().getClient();
        String file = dir + "/" + name;
        // mkdir fails when anything, a symlink included, already has the name
        sftp.mkdir(dir);
        try {
            sftp.setStat(dir, new SftpClient.Attributes().perms(PRIVATE_DIRECTORY));
            SftpClient.Attributes made = sftp.lstat(dir);
            if (!made.isDirectory() || (made.getPermissions() & 077) != 0) {
                throw new IOException("the private directory " + dir + " did not become private");
            }
            try (OutputStream out = sftp.write(file, EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                    SftpClient.OpenMode.Exclusive))) {
                sftp.setStat(file, new SftpClient.Attributes().perms(PRIVATE_FILE));
                out.write(content);
            }
        } catch (IOException | RuntimeException e) {
            deletePrivateFile(dir, name);
            throw e;
        }
    }

    /**
     * Removes what {@link #writePrivateFile} made, when it is still there.
     *
     * @param dir the directory it returned
     * @param name the file's name
     */
    public void deletePrivateFile(String dir, String name) {
        try {
            SftpClient sftp = fileSystem().getClient();
            try {
                sftp.remove(dir + "/" + name);
            } catch (IOException e) {
                // already gone: the launch script removes it first thing
            }
            sftp.rmdir(dir);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not remove {} on {}: {}", dir, settings.address(), e.toString());
        }
    }

    /**
     * Closes the connection. The host's sshd then closes the watchdog's input, and the watchdog
     * ends every process this connection started.
     */
    @Override
    public void close() {
        closing = true;
        lock.lock();
        try {
            if (fileSystem != null) {
                try {
                    fileSystem.close();
                } catch (IOException e) {
                    LOG.debug("Closing SFTP on {}: {}", settings.address(), e.toString());
                }
            }
            if (watchdog != null) {
                watchdog.close();
            }
            session.close(true);
        } finally {
            lock.unlock();
        }
    }

    /** Creates SFTP clients that report each request, so that file-system use keeps the connection from idling out. */
    private static final class TouchingClientFactory extends DefaultSftpClientFactory {

        private final Runnable onUse;

        TouchingClientFactory(Runnable onUse) {
            this.onUse = onUse;
        }

        @Override
        protected DefaultSftpClient createDefaultSftpClient(ClientSession session, SftpVersionSelector selector,
                SftpErrorDataHandler errorDataHandler) throws IOException {
            return new DefaultSftpClient(session, selector, errorDataHandler) {
                @Override
                public int send(int cmd, Buffer buffer) throws IOException {
                    onUse.run();
                    return super.send(cmd, buffer);
                }
            };
        }
    }
}
