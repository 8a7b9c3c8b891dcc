package dev.claudecode.internal.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small shell on the remote host, one per SSH connection, that knows the process groups this
 * connection started and signals them on request. When its standard input ends, because the
 * connection was closed or lost, it ends every group it still knows: TERM, up to five seconds,
 * then KILL. That is what keeps a CLI from being orphaned on the host when the connection drops:
 * sshd does not signal a command that runs without a terminal, it only closes its pipes.
 *
 * <p>It reads lines {@code watch <pgid>} (answered with {@code watching <pgid>} once the group
 * is known), {@code term <pgid>}, {@code kill <pgid>} and {@code reap <pgid>}; the last one, sent
 * when a group's leader has exited, ends what is left of the group (TERM, two seconds, KILL) and
 * forgets it.
 */
public final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    /**
     * The watchdog's script. One line, without single quotes or backslashes, so that any login
     * shell passes it to {@code /bin/sh} unchanged.
     */
    static final String SCRIPT = "g=; "
            + "while read -r c p; do case $c in "
            + "watch) g=\"$g $p\"; echo watching $p;; "
            + "term) kill -TERM -$p 2>/dev/null;; "
            + "kill) kill -KILL -$p 2>/dev/null;; "
            + "reap) ( kill -TERM -$p && sleep 2 && kill -KILL -$p ) </dev/null >/dev/null 2>&1 & "
            + "n=; for q in $g; do [ \"$q\" = \"$p\" ] || n=\"$n $q\"; done; g=$n;; "
            + "esac; done; "
            + "[ -n \"$g\" ] || exit 0; "
            + "for q in $g; do kill -TERM -$q 2>/dev/null; done; "
            + "i=0; while [ $i -lt 5 ]; do a=; for q in $g; do kill -0 -$q 2>/dev/null && a=1; done; "
            + "[ -n \"$a\" ] || exit 0; sleep 1; i=$((i+1)); done; "
            + "for q in $g; do kill -KILL -$q 2>/dev/null; done";

    /** The command line sent to the server. */
    static final String COMMAND = "exec /bin/sh -c '" + SCRIPT + "' claude-code-java-watchdog";

    private static final String ACK = "watching ";

    private final ChannelExec channel;
    private final OutputStream commands;
    private final Map<Long, CompletableFuture<Void>> pendingWatches = new ConcurrentHashMap<>();

    private Watchdog(ChannelExec channel) {
        this.channel = channel;
        this.commands = channel.getInvertedIn();
        Thread.ofVirtual().name("ssh-watchdog-acks").start(this::readAcks);
    }

    /**
     * Starts the watchdog on a connection.
     *
     * @param session the connection
     * @param timeout how long opening the channel may take
     * @return the running watchdog
     * @throws IOException when the channel cannot be opened
     */
    public static Watchdog start(ClientSession session, Duration timeout) throws IOException {
        ChannelExec channel = session.createExecChannel(COMMAND);
        channel.setErr(OutputStream.nullOutputStream());
        try {
            channel.open().verify(timeout);
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
        return new Watchdog(channel);
    }

    /** @return whether the watchdog still runs, as far as this side knows */
    public boolean isOpen() {
        return channel.isOpen() && !channel.isClosing();
    }

    /**
     * Tells the watchdog about a new process group and waits until it knows it.
     *
     * @param pgid the group
     * @param timeout how long to wait for the watchdog's answer
     * @return whether the watchdog confirmed it watches the group
     */
    public boolean watch(long pgid, Duration timeout) {
        CompletableFuture<Void> known = pendingWatches.computeIfAbsent(pgid, id -> new CompletableFuture<>());
        try {
            if (!send("watch", pgid)) {
                return false;
            }
            known.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } finally {
            pendingWatches.remove(pgid, known);
        }
    }

    private void readAcks() {
        try (BufferedReader acks = new BufferedReader(new InputStreamReader(channel.getInvertedOut(), StandardCharsets.US_ASCII))) {
            for (String line = acks.readLine(); line != null; line = acks.readLine()) {
                if (line.startsWith(ACK)) {
                    CompletableFuture<Void> known = pendingWatches.get(Long.parseLong(line.substring(ACK.length()).strip()));
                    if (known != null) {
                        known.complete(null);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("The watchdog's answers ended: {}", e.toString());
        }
        pendingWatches.values().forEach(known -> known.completeExceptionally(new IOException("the watchdog has ended")));
    }

    /** Sends TERM to a process group; returns whether the request was sent. */
    public boolean term(long pgid) {
        return send("term", pgid);
    }

    /** Sends KILL to a process group; returns whether the request was sent. */
    public boolean kill(long pgid) {
        return send("kill", pgid);
    }

    /** Ends what is left of a group whose leader has exited, and forgets it; returns whether the request was sent. */
    public boolean reap(long pgid) {
        return send("reap", pgid);
    }

    private synchronized boolean send(String verb, long pgid) {
        if (!isOpen()) {
            return false;
        }
        try {
            commands.write((verb + " " + pgid + "\n").getBytes(StandardCharsets.US_ASCII));
            commands.flush();
            return true;
        } catch (IOException e) {
            LOG.debug("Watchdog did not take '{} {}': {}", verb, pgid, e.toString());
            return false;
        }
    }

    /** Ends the watchdog's input, which ends every process group it still watches. */
    @Override
    public synchronized void close() {
        try {
            commands.close();
        } catch (IOException e) {
            LOG.debug("Closing the watchdog's input failed: {}", e.toString());
        }
        channel.close(false);
    }
}
