package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.awaitValue;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.control.Health;
import dev.claudecode.Session;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** health() over a session's life against the real CLI. */
@ExtendWith(FakeClaudeApiExtension.class)
class HealthIT {

    @TempDir
    Path cwd;

    @Test
    void startingHealthyKilledUnhealthyRecoveredClearedStopped(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("before"), Reply.text("after"), Reply.text("fresh"));
        Session session = ClaudeCode.start(options(api, cwd).build());
        try {
            // the CLI needs a few hundred milliseconds to answer initialize
            Health starting = session.health();
            assertThat(starting.status()).isEqualTo(Health.Status.DEGRADED);
            assertThat(starting.reason()).isEqualTo(Health.Reason.INITIALIZING);
            long pid = starting.pid().orElseThrow();

            session.control().serverInfo();
            Health ready = session.health();
            assertThat(ready.isHealthy()).isTrue();
            assertThat(ready.reason()).isEqualTo(Health.Reason.READY);
            assertThat(ready.pid()).hasValue(pid);

            session.query("before");
            ControlFixtures.killCliAfterItSaved(session, api, "before");
            // for a moment the process is known to be gone before its exit has been handled: the
            // health says so ("the CLI (pid N) has exited"), then gives the exit's full account
            Health dead = awaitValue("the death is reported with its exit status", session::health,
                    h -> h.reason() == Health.Reason.PROCESS_DEAD && h.detail().contains("exit status"));
            assertThat(dead.status()).isEqualTo(Health.Status.UNHEALTHY);
            assertThat(session.health().reason()).as("reading the health starts no CLI").isEqualTo(Health.Reason.PROCESS_DEAD);

            assertThat(session.stream("after").finalText()).isEqualTo("after");
            Health recovered = session.health();
            assertThat(recovered.reason()).isEqualTo(Health.Reason.READY);
            assertThat(recovered.pid()).isPresent().isNotEqualTo(ready.pid());

            session.clear();
            awaitValue("the cleared session is idle", session::health, h -> h.reason() == Health.Reason.IDLE);
            assertThat(session.health().isHealthy()).isTrue();
            session.query("fresh");
            assertThat(session.health().reason()).isEqualTo(Health.Reason.READY);
        } finally {
            session.stop();
        }
        Health stopped = session.health();
        assertThat(stopped.status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(stopped.reason()).isEqualTo(Health.Reason.STOPPED);
    }
}
