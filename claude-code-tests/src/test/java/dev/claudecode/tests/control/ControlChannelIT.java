package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.cliPid;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.options.SessionStart;
import dev.claudecode.control.BinaryVersion;
import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.errors.ControlTimeoutException;
import dev.claudecode.control.Health;
import dev.claudecode.Session;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The control channel's waiting rules against the real CLI: before the handshake, a dead CLI, a frozen CLI. */
@ExtendWith(FakeClaudeApiExtension.class)
class ControlChannelIT {

    @TempDir
    Path cwd;

    @Test
    void callsMadeBeforeTheHandshakeWaitForItAndSucceed(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("8"));
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            assertThat(session.health().reason()).isEqualTo(Health.Reason.INITIALIZING);
            CompletableFuture<List<McpServerStatus>> status = CompletableFuture.supplyAsync(session.control()::mcpStatus);
            CompletableFuture<Void> model = CompletableFuture.runAsync(() -> session.control().setModel("sonnet"));
            CompletableFuture<BinaryVersion> version = CompletableFuture.supplyAsync(session.control()::binaryVersion);

            assertThat(status.get(30, TimeUnit.SECONDS)).isEmpty();
            model.get(30, TimeUnit.SECONDS);
            assertThat(version.get(30, TimeUnit.SECONDS).version()).isEqualTo(TestCli.version());
            session.query("What is 5 + 3?");
            // the id the alias stands for, as this CLI lists it (claude-sonnet-5 on 2.1.197, claude-sonnet-5-5 on 2.1.332)
            String sonnet = session.control().supportedModels().stream().filter(m -> m.value().equals("sonnet")).findFirst()
                    .flatMap(dev.claudecode.control.ModelInfo::resolvedModel).orElseThrow();
            assertThat(api.lastMainRequest().orElseThrow().model()).contains(sonnet);
        }
    }

    @Test
    void aCliThatExitsDuringStartUpFailsWaitingCallsWithItsExitAtOnce(FakeClaudeApi api) {
        long started = System.nanoTime();
        try (Session session = ClaudeCode.start(options(api, cwd).start(SessionStart.resume("00000000-0000-4000-8000-00000000dead")).build())) {
            assertThatThrownBy(session.control()::mcpStatus)
                    .isInstanceOf(CliProcessException.class)
                    .hasMessageContaining("No conversation found with session ID: 00000000-0000-4000-8000-00000000dead")
                    .satisfies(e -> assertThat(((CliProcessException) e).exitStatus()).hasValue(1));
        }
        // the control timeout is 60 s: failing well before it means nothing waited it out
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aFrozenCliMakesCallsTimeOutAndAThawedOneAnswersAgain(FakeClaudeApi api) throws Exception {
        try (Session session = ClaudeCode.start(options(api, cwd).controlTimeout(Duration.ofSeconds(1)).build())) {
            session.control().serverInfo();
            long pid = cliPid(session);
            ControlFixtures.signal(pid, "STOP");
            try {
                assertThatThrownBy(session.control()::mcpStatus)
                        .isInstanceOf(ControlTimeoutException.class)
                        .hasMessageContaining("mcp_status")
                        .hasMessageContaining("1000 ms");
            } finally {
                ControlFixtures.signal(pid, "CONT");
            }
            assertThat(session.control().mcpStatus()).isEmpty();
            assertThat(session.isAlive()).isTrue();
        }
    }
}
