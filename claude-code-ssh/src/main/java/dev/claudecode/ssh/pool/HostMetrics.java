package dev.claudecode.ssh.pool;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SessionPool} knows about one host, at one moment. Counters count from the pool's
 * start.
 *
 * @param name the host's name (its transport's)
 * @param state whether sessions are placed there
 * @param sessions how many open pooled sessions run there now
 * @param capacity how many it may run
 * @param sessionsPlaced how many sessions were placed there, new ones and failovers alike
 * @param healthChecks how many health checks ran (periodic ones, and the probes sessions make)
 * @param failedHealthChecks how many of them failed or did not answer in time
 * @param startFailures how many times the CLI could not be started there
 * @param failoversFrom how many sessions left the host because it was down
 * @param failoversTo how many sessions came to the host from a host that was down
 * @param lastHealthCheck when the last health check ended
 * @param lastError the last failure seen on the host, health check or start
 */
public record HostMetrics(
        String name,
        HostState state,
        int sessions,
        int capacity,
        long sessionsPlaced,
        long healthChecks,
        long failedHealthChecks,
        long startFailures,
        long failoversFrom,
        long failoversTo,
        Optional<Instant> lastHealthCheck,
        Optional<String> lastError) {

    /** Checks the components. */
    public HostMetrics {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastHealthCheck, "lastHealthCheck");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** @return failed health checks plus failed starts */
    public long failures() {
        return failedHealthChecks + startFailures;
    }
}
