package dev.claudecode.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.errors.ControlException;
import dev.claudecode.errors.ControlTimeoutException;
import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.observe.CliLaunch;
import dev.claudecode.observe.Observation;
import dev.claudecode.store.SessionKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The meters of the failures a real CLI seldom produces on demand: timeouts, restarts, store failures. */
class ClaudeCodeMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ClaudeCodeMetrics metrics = ClaudeCodeMetrics.create(registry);

    @Test
    void aControlTimeoutIsCountedApartFromARefusal() {
        metrics.control("get_usage").fail(new ControlTimeoutException("get_usage", Duration.ofSeconds(1)));
        metrics.control("set_model").fail(new ControlException("set_model", "unknown model"));
        metrics.control("set_model").end(null);

        assertThat(registry.get(MeterNames.CONTROL_TIMEOUTS).tag("subtype", "get_usage").counter().count()).isEqualTo(1);
        assertThat(registry.find(MeterNames.CONTROL_TIMEOUTS).tag("subtype", "set_model").counter()).isNull();
        assertThat(registry.get(MeterNames.CONTROL_REQUESTS).tags("subtype", "set_model", "outcome", "error").timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.CONTROL_REQUESTS).tags("subtype", "set_model", "outcome", "ok").timer().count()).isEqualTo(1);
    }

    @Test
    void restartsAreCountedAndEveryLaunchTimed() {
        metrics.cliLaunch(new CliLaunch(CliLaunch.Reason.START, Optional.empty())).end(null);
        metrics.cliLaunch(new CliLaunch(CliLaunch.Reason.RESTART, Optional.of("s-1"))).fail(new IllegalStateException("exited"));
        metrics.cliLaunch(new CliLaunch(CliLaunch.Reason.RESET, Optional.empty())).end(null);

        assertThat(registry.get(MeterNames.CLI_RESTARTS).counter().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.CLI_LAUNCHES).tags("reason", "restart", "outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.CLI_LAUNCHES).tag("outcome", "ok").timers()).hasSize(2);
    }

    @Test
    void storeAppendsAreTimedAndTheirFailuresCounted() {
        SessionKey key = SessionKey.of("project", "session");
        metrics.storeAppend(key, 3).fail(new SessionStoreException("database down"));
        metrics.storeAppend(key, 3).end(null);

        assertThat(registry.get(MeterNames.STORE_APPEND_FAILURES).counter().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.STORE_APPENDS).tag("outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.STORE_APPENDED_ENTRIES).counter().count()).isEqualTo(3);
    }

    @Test
    void theGaugeFollowsSessionsOpenAndClosed() {
        Observation<Void> first = metrics.session();
        Observation<Void> second = metrics.session();
        assertThat(registry.get(MeterNames.SESSIONS_ACTIVE).gauge().value()).isEqualTo(2);
        first.end(null);
        second.fail(new IllegalStateException("start failed"));
        assertThat(registry.get(MeterNames.SESSIONS_ACTIVE).gauge().value()).isZero();
    }
}
