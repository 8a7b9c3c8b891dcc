package dev.claudecode.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The meters after two turns of a real CLI against {@link FakeClaudeApi}, the first with a tool call. */
@ExtendWith(FakeClaudeApiExtension.class)
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path cwd;

    @Test
    void twoTurnsWithAToolCallAndAStore(FakeClaudeApi api) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch metered.txt && echo metered", "description", "Create")),
                Reply.text("Created."), Reply.text("Still here."));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                .canUseTool(prompt -> PermissionResult.allow())
                .sessionStore(new InMemorySessionStore())
                .observer(ClaudeCodeMetrics.create(registry))
                .build();
        try (Session session = ClaudeCode.start(options)) {
            assertThat(registry.get(MeterNames.SESSIONS_ACTIVE).gauge().value()).isEqualTo(1);
            session.query("create a file");
            session.query("and now?");
            await(() -> registry.find(MeterNames.TURNS).timers().stream().mapToLong(timer -> timer.count()).sum() == 2);
        }

        assertThat(registry.get(MeterNames.SESSIONS_ACTIVE).gauge().value()).isZero();
        assertThat(registry.get(MeterNames.TURNS).tags("outcome", "success").timers())
                .allSatisfy(timer -> assertThat(timer.getId().getTag("model")).isNotEqualTo("unknown"))
                .extracting(timer -> timer.count()).containsExactly(2L);
        assertThat(registry.get(MeterNames.TURNS).timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isPositive();
        assertThat(registry.get(MeterNames.COST).counter().count()).isPositive();
        assertThat(registry.get(MeterNames.TOKENS).tag("type", "output").counter().count()).isPositive();
        assertThat(registry.get(MeterNames.TOKENS).tag("type", "input").counter().count()).isPositive();
        assertThat(registry.get(MeterNames.TOOL_CALLS).tags("tool", "Bash", "outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.CALLBACKS).tags("kind", "can_use_tool", "outcome", "allow").timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.CLI_LAUNCHES).tags("reason", "start", "outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.find(MeterNames.CLI_RESTARTS).counter()).isNull();
        await(() -> registry.find(MeterNames.STORE_APPENDS).tag("outcome", "ok").timer() != null);
        assertThat(registry.get(MeterNames.STORE_APPENDS).tag("outcome", "ok").timer().count()).isPositive();
        assertThat(registry.get(MeterNames.STORE_APPENDED_ENTRIES).counter().count()).isPositive();
        assertThat(registry.find(MeterNames.STORE_APPEND_FAILURES).counter()).isNull();
        assertThat(registry.find(MeterNames.CONTROL_TIMEOUTS).counter()).isNull();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
