package dev.claudecode.ssh.pool;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.internal.ssh.pool.HealthCheck;
import dev.claudecode.internal.ssh.pool.HostPlace;
import dev.claudecode.internal.ssh.pool.HostSlot;
import dev.claudecode.internal.ssh.pool.Hosts;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sessions on a set of hosts: places each new session on the least-loaded host that is up
 * and has room, checks the hosts' health, and moves a session to another host when its host dies.
 *
 * <pre>{@code
 * try (SessionPool pool = SessionPool.builder()
 *         .host(SshTransport.builder().host("worker-1.internal").user("agent").managedCli().build(), 8)
 *         .host(SshTransport.builder().host("worker-2.internal").user("agent").managedCli().build(), 8)
 *         .build();
 *      PooledSession session = pool.start(options)) {
 *     session.query("Summarise the failing tests");
 *     session.query("Fix the first one");   // on another host, if the first one died meanwhile
 * }
 * }</pre>
 *
 * <p><b>Placement.</b> A host takes at most its capacity of open sessions. A new session goes to
 * the up host with the lowest share of its capacity in use (then the one with fewer sessions,
 * then the one given first). When the CLI cannot be started there, the host is checked at once:
 * if it fails the check it is marked down and the next host is tried; if it passes, the failure
 * was not the host's and is thrown. With no room anywhere, {@link #start} waits up to {@link
 * Builder#acquireTimeout(Duration)} and then throws {@link NoHostAvailableException}.
 *
 * <p><b>Health.</b> Every {@link Builder#healthCheckInterval(Duration)} each host runs {@code
 * true} over its transport, which must answer within {@link Builder#healthCheckTimeout(Duration)}.
 * After {@link Builder#downAfter(int)} failures in a row the host is {@linkplain HostState#DOWN
 * down}; one passing check brings it back up. A session whose CLI has died checks its host at
 * once before its next turn, and one failure is then enough.
 *
 * <p><b>Failover.</b> When a session's host is down at the start of a turn, the session moves:
 * the least-loaded other host resumes the conversation ({@code --resume}) from the pool's
 * {@linkplain Builder#sessionStore session store}. Each pooled session mirrors what its CLI writes
 * to that store as it runs (see {@link dev.claudecode.store.SessionStore}), so a dead host does not need to be
 * read; just before the move, the lines the old CLI had reported are appended, waiting at most the
 * health-check timeout. So a move keeps every completed turn; a turn that was running when the
 * host died fails (with a {@link dev.claudecode.errors.CliProcessException}) and is not replayed.
 * The move happens at the next turn, not in the background: an idle session on a dead host costs
 * nothing until it is used. The store holds the transcript and its subagent transcripts; a session
 * without persistence ({@code noSessionPersistence}) or with {@code enableFileCheckpointing} (whose
 * checkpoints would stay behind) is not mirrored and starts a new conversation on the new host.
 * The session is kept in the store under a project key made from its working directory as given
 * ({@code sessionStoreProjectKey}, unless the options set one), the same on every host.
 *
 * <p><b>Callbacks.</b> Each pooled session is a {@link Session} of this JVM; only its CLI runs on
 * the host, so permission, hook and MCP callbacks keep running here across moves.
 *
 * <p>The pool owns the hosts' transports and closes those that are {@link AutoCloseable} when it
 * closes. All methods are thread-safe.
 */
public final class SessionPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    /** How long closing waits for sessions left behind on dead hosts to stop. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final Hosts hosts;
    private final Duration healthCheckInterval;
    private final Duration healthCheckTimeout;
    private final Duration acquireTimeout;
    private final SessionStore store;
    private final Set<PooledSession> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> stopping = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionsStarted = new AtomicLong();
    private final AtomicLong failovers = new AtomicLong();
    private final AtomicLong failedFailovers = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Optional<Thread> healthLoop;

    private SessionPool(Builder builder) {
        this.hosts = new Hosts(builder.hosts, builder.downAfter);
        this.healthCheckInterval = builder.healthCheckInterval;
        this.healthCheckTimeout = builder.healthCheckTimeout;
        this.acquireTimeout = builder.acquireTimeout;
        this.store = builder.store.orElseGet(InMemorySessionStore::new);
        this.healthLoop = healthCheckInterval.isZero() ? Optional.empty()
                : Optional.of(Thread.ofVirtual().name("ssh-pool-health").start(this::checkPeriodically));
    }

    /** @return a builder; at least one host is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a session on the least-loaded host that is up and has room. The host's variables
     * ({@link PoolHost#environment()}) are added to the options' environment there.
     *
     * @param options the session's options; paths in them (such as the working directory) are
     *     paths on the hosts, and {@code ~/} at the start of the working directory stands for
     *     each host's home
     * @return the session; close it when done
     * @throws NoHostAvailableException when no host can take it
     * @throws ClaudeCodeException when the CLI cannot be started on a host that is healthy
     * @throws SessionClosedException when the pool is closed
     */
    public PooledSession start(ClaudeCodeOptions options) {
        Objects.requireNonNull(options, "options");
        ensureOpen();
        ClaudeCodeOptions stored = withStore(options);
        Placed placed = place(stored, new HashSet<>());
        PooledSession session = new PooledSession(this, stored, placed.place(), placed.session());
        open.add(session);
        sessionsStarted.incrementAndGet();
        if (closed.get()) {
            session.close();
            throw new SessionClosedException("the session pool was closed");
        }
        return session;
    }

    /**
     * The options with the pool's store, unless they name one or keep nothing a store could hold;
     * and with a project key from the working directory as given, so that a session moves between
     * hosts whose homes differ (a working directory of {@code ~/app} is another path on each).
     */
    private ClaudeCodeOptions withStore(ClaudeCodeOptions options) {
        if (options.noSessionPersistence() || options.enableFileCheckpointing()) {
            return options;
        }
        ClaudeCodeOptions.Builder builder = options.toBuilder();
        if (options.sessionStore().isEmpty()) {
            builder.sessionStore(store);
        }
        if (options.sessionStoreProjectKey().isEmpty()) {
            builder.sessionStoreProjectKey(ProjectDirectories.encode(options.cwd().map(Object::toString).orElse("~")));
        }
        return builder.build();
    }

    /** @return the pool's hosts, in the order they were given */
    public List<PoolHost> hosts() {
        return hosts.all().stream().map(HostSlot::host).toList();
    }

    /** @return a snapshot of the hosts' load, state and counters and of the pool's counters */
    public PoolMetrics metrics() {
        return new PoolMetrics(hosts.metrics(), open.size(), sessionsStarted.get(), failovers.get(), failedFailovers.get(),
                Instant.now());
    }

    /**
     * Checks every host now, all at once, and waits for the outcome (at most about the
     * health-check timeout). The periodic checks go on as before.
     *
     * @return the metrics after the checks
     */
    public PoolMetrics checkHealth() {
        List<Thread> checks = new ArrayList<>();
        for (HostSlot slot : hosts.all()) {
            checks.add(Thread.ofVirtual().name("ssh-pool-check-" + slot.name())
                    .start(() -> hosts.recordCheck(slot, HealthCheck.run(slot, healthCheckTimeout), false)));
        }
        for (Thread check : checks) {
            try {
                check.join(healthCheckTimeout.plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return metrics();
    }

    /**
     * Stops every open pooled session, the health checks and the hosts' transports. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        healthLoop.ifPresent(Thread::interrupt);
        hosts.close();
        List<Thread> closing = new ArrayList<>();
        for (PooledSession session : List.copyOf(open)) {
            closing.add(Thread.ofVirtual().name("ssh-pool-close").start(session::close));
        }
        closing.addAll(stopping);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread thread : closing) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        healthLoop.ifPresent(thread -> {
            try {
                thread.join(healthCheckTimeout.plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (HostSlot slot : hosts.all()) {
            if (slot.transport() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("Closing the transport of {}: {}", slot, e.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SessionPool" + hosts.all();
    }

    // ---------------------------------------------------------------- for PooledSession

    /** A session started on a host. */
    record Placed(HostPlace place, Session session) {
    }

    /**
     * Reserves the best host and starts the session there (a session resumed with a store loads
     * its transcript onto the host first); a host that fails and then fails its health check is
     * marked down and skipped.
     */
    Placed place(ClaudeCodeOptions options, Set<HostSlot> excluded) {
        RuntimeException last = null;
        while (true) {
            HostSlot slot;
            try {
                slot = hosts.reserve(excluded, acquireTimeout);
            } catch (NoHostAvailableException e) {
                if (last != null) {
                    throw new NoHostAvailableException(e.getMessage() + "; the last failure: " + last.getMessage(), last);
                }
                throw e;
            }
            HostPlace place = HostPlace.of(slot, options);
            try {
                return new Placed(place, ClaudeCode.start(place.options(), slot.transport()));
            } catch (RuntimeException failure) {
                hosts.release(slot);
                slot.startFailed(failure);
                if (probe(slot)) {
                    throw failure;
                }
                LOG.warn("Cannot start a session on {}; trying another host: {}", slot, failure.getMessage());
                excluded.add(slot);
                last = failure;
            }
        }
    }

    /** Checks one host now; a failure marks it down at once. */
    boolean probe(HostSlot slot) {
        return hosts.recordCheck(slot, HealthCheck.run(slot, healthCheckTimeout), true);
    }

    boolean isUp(HostSlot slot) {
        return hosts.isUp(slot);
    }

    void release(HostSlot slot) {
        hosts.release(slot);
    }

    Duration healthCheckTimeout() {
        return healthCheckTimeout;
    }

    void failedOver(HostSlot from, HostSlot to) {
        failovers.incrementAndGet();
        from.failedOverFrom();
        to.failedOverTo();
        hosts.release(from);
    }

    void failoverFailed() {
        failedFailovers.incrementAndGet();
    }

    /** Stops a session left on a dead host without making the caller wait for the host. */
    void stopInBackground(Session session) {
        Thread thread = Thread.ofVirtual().name("ssh-pool-stop").unstarted(() -> {
            try {
                session.stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping a session left on a dead host: {}", e.toString());
            } finally {
                stopping.remove(Thread.currentThread());
            }
        });
        stopping.add(thread);
        thread.start();
    }

    void closed(PooledSession session) {
        open.remove(session);
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new SessionClosedException("the session pool is closed");
        }
    }

    private void checkPeriodically() {
        while (!closed.get()) {
            try {
                Thread.sleep(healthCheckInterval);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed.get()) {
                checkHealth();
            }
        }
    }

    /** Settings for a {@link SessionPool}. */
    public static final class Builder {

        private final List<PoolHost> hosts = new ArrayList<>();
        private Duration healthCheckInterval = Duration.ofSeconds(10);
        private Duration healthCheckTimeout = Duration.ofSeconds(5);
        private int downAfter = 2;
        private Duration acquireTimeout = Duration.ZERO;
        private Optional<SessionStore> store = Optional.empty();

        private Builder() {
        }

        /**
         * Adds a host with no variables of its own.
         *
         * @param transport how the CLI is started there; the pool owns it from now on
         * @param capacity how many sessions it runs at most
         * @return this builder
         */
        public Builder host(dev.claudecode.transport.Transport transport, int capacity) {
            return host(PoolHost.of(transport, capacity));
        }

        /**
         * Adds a host.
         *
         * @param host the host
         * @return this builder
         */
        public Builder host(PoolHost host) {
            hosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        /**
         * How often every host is checked.
         *
         * @param interval default 10 s; zero turns the periodic checks off (sessions still check
         *     their host when their CLI has died, and {@link SessionPool#checkHealth()} still works)
         * @return this builder
         */
        public Builder healthCheckInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("healthCheckInterval must not be negative: " + interval);
            }
            this.healthCheckInterval = interval;
            return this;
        }

        /**
         * How long a host has to answer a health check; also how long a failover waits for the
         * old host to hand over the latest transcript.
         *
         * @param timeout default 5 s
         * @return this builder
         */
        public Builder healthCheckTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("healthCheckTimeout must be positive: " + timeout);
            }
            this.healthCheckTimeout = timeout;
            return this;
        }

        /**
         * How many periodic health checks in a row must fail before a host is down.
         *
         * @param failures default 2
         * @return this builder
         */
        public Builder downAfter(int failures) {
            if (failures < 1) {
                throw new IllegalArgumentException("downAfter must be at least 1: " + failures);
            }
            this.downAfter = failures;
            return this;
        }

        /**
         * How long {@link SessionPool#start} and a failover wait for a host with room.
         *
         * @param timeout default zero: fail at once
         * @return this builder
         */
        public Builder acquireTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("acquireTimeout must not be negative: " + timeout);
            }
            this.acquireTimeout = timeout;
            return this;
        }

        /**
         * Where pooled sessions keep their transcripts so that a conversation can move to another
         * host when its own dies: each session mirrors what its CLI writes there, and a moved
         * session resumes from it (see {@link dev.claudecode.store.SessionStore}). A session whose options name
         * a store of their own uses that one instead.
         *
         * @param store default an {@link InMemorySessionStore} of the pool, which lets
         *     conversations move between the pool's hosts but not outlive this JVM
         * @return this builder
         */
        public Builder sessionStore(SessionStore store) {
            this.store = Optional.of(Objects.requireNonNull(store, "store"));
            return this;
        }

        /**
         * Creates the pool and starts its health checks. No host is contacted before the first
         * check or session.
         *
         * @return the pool
         * @throws IllegalStateException when no host was given, or two hosts have the same name
         */
        public SessionPool build() {
            if (hosts.isEmpty()) {
                throw new IllegalStateException("a session pool needs at least one host");
            }
            Set<String> names = new HashSet<>();
            for (PoolHost host : hosts) {
                if (!names.add(host.name())) {
                    throw new IllegalStateException("two hosts are named " + host.name() + ": give each host its own transport");
                }
            }
            return new SessionPool(this);
        }
    }
}
