package dev.claudecode.internal.ssh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one SSH connection a transport shares among its processes, commands and file system: made
 * on first use, made again when it died, and closed once nothing has used it for the idle
 * timeout.
 */
public final class SharedConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnection.class);

    // a lock rather than a monitor: connecting holds it for the whole SSH handshake, and a virtual
    // thread waiting for it must not pin its carrier on Java 21
    private final ReentrantLock lock = new ReentrantLock();
    private final SshConnector connector;
    private final long idleNanos;
    private SshConnection connection;
    private int active;
    private boolean idleCheckPending;
    private volatile long lastUse = System.nanoTime();

    /**
     * Creates the holder; nothing connects yet.
     *
     * @param connector makes connections
     * @param idleTimeout how long an unused connection stays open; zero keeps it until closed
     */
    public SharedConnection(SshConnector connector, Duration idleTimeout) {
        this.connector = connector;
        this.idleNanos = idleTimeout.toNanos();
    }

    /**
     * The live connection, connecting first when there is none.
     *
     * @return the connection
     * @throws dev.claudecode.ssh.SshConnectionException when connecting fails
     */
    public SshConnection current() {
        lock.lock();
        try {
            touch();
            if (connection == null || !connection.isOpen()) {
                if (connection != null) {
                    LOG.info("The SSH connection to {} was lost; reconnecting", connector);
                    connection.close();
                }
                connection = connector.connect(this::touch);
                scheduleIdleCheck();
            }
            return connection;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The live connection, kept open until the returned lease is closed.
     *
     * @return the lease
     */
    public Lease acquire() {
        lock.lock();
        try {
            SshConnection current = current();
            active++;
            return new Lease(current);
        } finally {
            lock.unlock();
        }
    }

    /** Records use of the connection, which restarts the idle timeout. */
    public void touch() {
        lastUse = System.nanoTime();
    }

    private void release() {
        lock.lock();
        try {
            active--;
            touch();
            scheduleIdleCheck();
        } finally {
            lock.unlock();
        }
    }

    private void scheduleIdleCheck() {
        if (idleNanos <= 0 || idleCheckPending || connection == null || active > 0) {
            return;
        }
        idleCheckPending = true;
        long delay = Math.max(0, idleNanos - (System.nanoTime() - lastUse));
        CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS).execute(this::closeIfIdle);
    }

    private void closeIfIdle() {
        SshConnection idle = null;
        lock.lock();
        try {
            idleCheckPending = false;
            if (connection == null || active > 0) {
                return;
            }
            if (System.nanoTime() - lastUse >= idleNanos) {
                idle = connection;
                connection = null;
            } else {
                scheduleIdleCheck();
            }
        } finally {
            lock.unlock();
        }
        if (idle != null) {
            LOG.debug("Closing the idle SSH connection");
            idle.close();
        }
    }

    /** Closes the connection, if any; the next use connects again. */
    @Override
    public void close() {
        SshConnection closing;
        lock.lock();
        try {
            closing = connection;
            connection = null;
        } finally {
            lock.unlock();
        }
        if (closing != null) {
            closing.close();
        }
    }

    /** Use of the connection that keeps it from being closed as idle. */
    public final class Lease implements AutoCloseable {

        private final SshConnection connection;
        private boolean released;

        private Lease(SshConnection connection) {
            this.connection = connection;
        }

        /** @return the leased connection */
        public SshConnection connection() {
            return connection;
        }

        /** Ends the use; only the first call counts. */
        @Override
        public void close() {
            lock.lock();
            try {
                if (released) {
                    return;
                }
                released = true;
            } finally {
                lock.unlock();
            }
            release();
        }
    }
}
