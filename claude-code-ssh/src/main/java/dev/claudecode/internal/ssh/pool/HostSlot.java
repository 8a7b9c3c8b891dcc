package dev.claudecode.internal.ssh.pool;

import dev.claudecode.node.CommandResult;
import dev.claudecode.ssh.pool.HostMetrics;
import dev.claudecode.ssh.pool.HostState;
import dev.claudecode.ssh.pool.PoolHost;
import dev.claudecode.transport.Transport;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A pool's view of one host: its load and state, which {@link Hosts} changes under its lock, and
 * counters, which anyone may bump.
 */
public final class HostSlot {

    private final PoolHost host;
    private final int index;
    private CompletableFuture<CommandResult> healthCheck;
    int sessions;
    HostState state = HostState.UP;
    int consecutiveFailures;
    private final AtomicLong sessionsPlaced = new AtomicLong();
    private final AtomicLong healthChecks = new AtomicLong();
    private final AtomicLong failedHealthChecks = new AtomicLong();
    private final AtomicLong startFailures = new AtomicLong();
    private final AtomicLong failoversFrom = new AtomicLong();
    private final AtomicLong failoversTo = new AtomicLong();
    private volatile Instant lastHealthCheck;
    private volatile String lastError;

    HostSlot(PoolHost host, int index) {
        this.host = host;
        this.index = index;
    }

    /** @return the host's configuration */
    public PoolHost host() {
        return host;
    }

    /** @return the host's transport */
    public Transport transport() {
        return host.transport();
    }

    /** @return the host's name */
    public String name() {
        return host.name();
    }

    int index() {
        return index;
    }

    /** @return how loaded the host is, from 0 (idle) to 1 (full) */
    double load() {
        return (double) sessions / host.capacity();
    }

    boolean hasRoom() {
        return state == HostState.UP && sessions < host.capacity();
    }

    /**
     * The health check in progress, or a new one.
     *
     * @param start starts a check
     * @return the check to wait for
     */
    synchronized CompletableFuture<CommandResult> healthCheck(Supplier<CompletableFuture<CommandResult>> start) {
        if (healthCheck == null || healthCheck.isDone()) {
            healthCheck = start.get();
        }
        return healthCheck;
    }

    void placed() {
        sessionsPlaced.incrementAndGet();
    }

    void checked(Optional<String> failure) {
        healthChecks.incrementAndGet();
        lastHealthCheck = Instant.now();
        failure.ifPresent(text -> {
            failedHealthChecks.incrementAndGet();
            lastError = text;
        });
    }

    /**
     * Counts a CLI that could not be started here.
     *
     * @param error what went wrong
     */
    public void startFailed(Throwable error) {
        startFailures.incrementAndGet();
        lastError = String.valueOf(error.getMessage());
    }

    /** Counts a session that left this host because it was down. */
    public void failedOverFrom() {
        failoversFrom.incrementAndGet();
    }

    /** Counts a session that came here from a host that was down. */
    public void failedOverTo() {
        failoversTo.incrementAndGet();
    }

    HostMetrics metrics() {
        return new HostMetrics(name(), state, sessions, host.capacity(), sessionsPlaced.get(), healthChecks.get(),
                failedHealthChecks.get(), startFailures.get(), failoversFrom.get(), failoversTo.get(),
                Optional.ofNullable(lastHealthCheck), Optional.ofNullable(lastError));
    }

    @Override
    public String toString() {
        return name();
    }
}
