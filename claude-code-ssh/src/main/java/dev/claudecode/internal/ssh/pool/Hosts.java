package dev.claudecode.internal.ssh.pool;

import dev.claudecode.ssh.pool.HostMetrics;
import dev.claudecode.ssh.pool.HostState;
import dev.claudecode.ssh.pool.NoHostAvailableException;
import dev.claudecode.ssh.pool.PoolHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts of a pool and their load: places sessions least-loaded first, waits for room when
 * asked to, and turns health-check outcomes into host states.
 */
public final class Hosts {

    private static final Logger LOG = LoggerFactory.getLogger(Hosts.class);
    /** Least loaded first; on a tie, the emptier host, then the one configured first. */
    private static final Comparator<HostSlot> PLACEMENT = Comparator.comparingDouble(HostSlot::load)
            .thenComparingInt(slot -> slot.sessions)
            .thenComparingInt(HostSlot::index);

    private final List<HostSlot> slots;
    private final int downAfter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;

    /**
     * Creates the registry; every host starts up.
     *
     * @param hosts the hosts, in order of preference on ties
     * @param downAfter how many health checks in a row must fail before a host is down
     */
    public Hosts(List<PoolHost> hosts, int downAfter) {
        List<HostSlot> list = new ArrayList<>();
        for (PoolHost host : hosts) {
            list.add(new HostSlot(host, list.size()));
        }
        this.slots = List.copyOf(list);
        this.downAfter = downAfter;
    }

    /** @return every host, in configuration order */
    public List<HostSlot> all() {
        return slots;
    }

    /**
     * Takes a place on the least-loaded host that is up and has room.
     *
     * @param excluded hosts not to use
     * @param wait how long to wait for room when there is none now
     * @return the host, whose load now counts the new session
     * @throws NoHostAvailableException when no host had room in time, or the pool closed
     */
    public HostSlot reserve(Set<HostSlot> excluded, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new NoHostAvailableException("the session pool is closed");
                }
                Optional<HostSlot> best = slots.stream().filter(slot -> !excluded.contains(slot) && slot.hasRoom()).min(PLACEMENT);
                if (best.isPresent()) {
                    HostSlot slot = best.get();
                    slot.sessions++;
                    slot.placed();
                    return slot;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new NoHostAvailableException("no host can take a session: " + describe(excluded));
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoHostAvailableException("interrupted while waiting for a host");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives a place back.
     *
     * @param slot the host a session left
     */
    public void release(HostSlot slot) {
        lock.lock();
        try {
            slot.sessions--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a health check's outcome: a pass brings the host up; a failure counts, and brings
     * it down after the configured number in a row, or at once when {@code conclusive}.
     *
     * @param slot the host
     * @param failure what failed, or empty when the check passed
     * @param conclusive whether one failure is enough (a session already saw the host fail)
     * @return whether the host is up now
     */
    public boolean recordCheck(HostSlot slot, Optional<String> failure, boolean conclusive) {
        slot.checked(failure);
        lock.lock();
        try {
            HostState before = slot.state;
            if (failure.isEmpty()) {
                slot.consecutiveFailures = 0;
                slot.state = HostState.UP;
            } else if (++slot.consecutiveFailures >= downAfter || conclusive) {
                slot.state = HostState.DOWN;
            }
            if (before != slot.state) {
                if (slot.state == HostState.UP) {
                    LOG.info("Host {} is up again", slot);
                } else {
                    LOG.warn("Host {} is down: {}", slot, failure.orElse(""));
                }
                changed.signalAll();
            }
            return slot.state == HostState.UP;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param slot a host
     * @return whether it is up
     */
    public boolean isUp(HostSlot slot) {
        lock.lock();
        try {
            return slot.state == HostState.UP;
        } finally {
            lock.unlock();
        }
    }

    /** @return each host's metrics and the number of sessions placed, taken together */
    public List<HostMetrics> metrics() {
        lock.lock();
        try {
            return slots.stream().map(HostSlot::metrics).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes everyone waiting for room; they fail, and so does every later reservation. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private String describe(Set<HostSlot> excluded) {
        List<String> parts = new ArrayList<>();
        for (HostSlot slot : slots) {
            String why = slot.state == HostState.DOWN ? "down"
                    : excluded.contains(slot) ? "not usable for this session"
                    : slot.sessions + " of " + slot.host().capacity() + " sessions";
            parts.add(slot.name() + " (" + why + ")");
        }
        return String.join(", ", parts);
    }
}
