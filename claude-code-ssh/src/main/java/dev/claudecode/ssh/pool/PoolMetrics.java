package dev.claudecode.ssh.pool;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a {@link SessionPool}: its hosts and its session counters. Counters count from
 * the pool's start.
 *
 * @param hosts each host, in the order the pool was given them
 * @param sessions how many pooled sessions are open now
 * @param sessionsStarted how many pooled sessions were started
 * @param failovers how many times a session moved to another host because its host was down
 * @param failedFailovers how many times a session needed another host and found none that
 *     could take it (its turn failed; the next turn tries again)
 * @param takenAt when the snapshot was taken
 */
public record PoolMetrics(
        List<HostMetrics> hosts, int sessions, long sessionsStarted, long failovers, long failedFailovers, Instant takenAt) {

    /** Checks and copies the components. */
    public PoolMetrics {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(takenAt, "takenAt");
    }

    /**
     * One host's metrics.
     *
     * @param name the host's name
     * @return its metrics, when the pool has such a host
     */
    public Optional<HostMetrics> host(String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst();
    }
}
