package dev.claudecode.internal.ssh;

import dev.claudecode.internal.process.LockWaitingInputStream;
import dev.claudecode.internal.transport.StreamedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command running on a remote host in a process group of its own, started by {@link
 * LaunchScript} on an exec channel: its streams are the channel's, its exit is the channel's
 * exit status, and it is signalled through the connection's {@link Watchdog}.
 */
public final class RemoteProcess extends StreamedProcess {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteProcess.class);
    /** How long to wait for the group to go after the forced kill. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final ChannelExec channel;
    private final long pid;
    private final Watchdog watchdog;
    private final Runnable onExit;
    private final AtomicBoolean finishing = new AtomicBoolean();

    /**
     * Wraps a started command.
     *
     * @param channel its exec channel, open
     * @param pid its process id, which is also its process group id
     * @param stderr its stderr, past the launch script's header
     * @param watchdog the connection's watchdog, already watching the group
     * @param onExit run once when the command has exited
     */
    public RemoteProcess(ChannelExec channel, long pid, InputStream stderr, Watchdog watchdog, Runnable onExit) {
        // the channel's pipes wait on locks that MINA's I/O threads signal: readable on virtual threads
        super(channel.getInvertedIn(), new LockWaitingInputStream(channel.getInvertedOut()), new LockWaitingInputStream(stderr));
        this.channel = channel;
        this.pid = pid;
        this.watchdog = watchdog;
        this.onExit = onExit;
        // The exit status arrives before the channel closes, and the channel stays open while
        // anything the command left behind still holds its output: the exit is the status.
        if (!channel.isClosing()) {
            channel.addChannelListener(new ChannelListener() {
                @Override
                public void channelStateChanged(Channel changed, String hint) {
                    if (hasExited()) {
                        finishLater();
                    }
                }

                @Override
                public void channelClosed(Channel closed, Throwable reason) {
                    finishLater();
                }
            });
        }
        // the command may have ended before the listener was in place
        if (hasExited() || channel.isClosing() || !channel.isOpen()) {
            finishLater();
        }
    }

    private boolean hasExited() {
        return channel.getExitStatus() != null || channel.getExitSignal() != null;
    }

    // never on MINA's I/O thread: telling the watchdog writes to another channel
    private void finishLater() {
        if (finishing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ssh-process-exit-" + pid).start(this::finish);
        }
    }

    private void finish() {
        int status = RemoteExit.of(channel.getExitStatus(), channel.getExitSignal());
        // the leader is gone: whatever it left in its group goes too
        watchdog.reap(pid);
        try {
            onExit.run();
        } finally {
            exited(status);
        }
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(pid);
    }

    /**
     * TERM to the whole process group, then after {@code grace} KILL. When the watchdog cannot be
     * reached the connection is gone, and the watchdog on the host ends the group by itself.
     */
    @Override
    public void terminate(Duration grace) {
        if (!isAlive()) {
            return;
        }
        if (!watchdog.term(pid)) {
            closeChannel();
            return;
        }
        if (awaitExit(grace)) {
            return;
        }
        LOG.debug("Remote process group {} outlived its {} ms grace; killing it", pid, grace.toMillis());
        if (!watchdog.kill(pid) || !awaitExit(KILL_WAIT)) {
            closeChannel();
        }
    }

    private void closeChannel() {
        try {
            channel.close(true).await(KILL_WAIT);
        } catch (IOException e) {
            LOG.debug("Closing the channel of remote process {}: {}", pid, e.toString());
        }
    }

    @Override
    public String toString() {
        return "remote process " + pid;
    }
}
