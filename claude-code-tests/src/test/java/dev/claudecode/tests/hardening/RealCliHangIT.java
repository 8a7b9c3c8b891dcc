package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.InactivityTimeoutException;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI hangs silent while the model API stalls (it answers the request and then sends
 * nothing for half a minute): {@link Session#interrupt()} ends the turn at once with an {@code
 * error_during_execution} result, and the next turn runs normally. With an inactivity timeout the
 * session ends such a turn by itself, while a permission callback slower than that timeout does
 * not count against the CLI.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class RealCliHangIT {

    @TempDir
    Path cwd;

    @Test
    void interruptEndsATurnWhoseModelApiStalls(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.builder().text("never arrives").eventDelay(Duration.ofSeconds(30)).build(), Reply.text("after"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment()).build();
        try (Session session = ClaudeCode.start(options)) {
            List<Message> rest = new ArrayList<>();
            long interruptedAt;
            try (MessageStream turn = session.stream("hello")) {
                Iterator<Message> messages = turn.iterator();
                assertThat(messages.next()).isInstanceOf(InitMessage.class);
                // the request is out and its answer stalls: the CLI writes nothing now
                assertThat(api.awaitMainRequests(1, Duration.ofSeconds(20))).hasSize(1);
                Thread.sleep(500);
                interruptedAt = System.nanoTime();
                session.interrupt();
                messages.forEachRemaining(rest::add);
            }
            long endedAfterMs = (System.nanoTime() - interruptedAt) / 1_000_000;
            assertThat(rest.getLast()).isInstanceOfSatisfying(ResultMessage.class, result -> {
                assertThat(result.subtype()).isEqualTo("error_during_execution");
                assertThat(result.isError()).isTrue();
            });
            assertThat(endedAfterMs).isLessThan(10_000);

            assertThat(session.query("and now?").result()).contains("after");
            Figures.record("faults", "real CLI hangs silent (model API stalls): Session.interrupt()", String.format(
                    "turn ended with error_during_execution %d ms after interrupt(); next turn answered", endedAfterMs));
        }
    }

    @Test
    void anInactivityTimeoutEndsATurnWhoseModelApiStallsAndTheNextTurnResumes(FakeClaudeApi api) throws Exception {
        Duration limit = Duration.ofSeconds(5);
        Duration slowPolicy = Duration.ofSeconds(7);
        // a tool that asks for permission and is quick once allowed (the CLI writes nothing while a tool runs)
        api.enqueue(Reply.toolUse("Write", Map.of("file_path", cwd.resolve("checked.txt").toString(), "content", "ok\n")),
                Reply.text("checked"),
                Reply.builder().text("never arrives").eventDelay(Duration.ofSeconds(60)).build(), Reply.text("after"));
        AtomicLong policyMs = new AtomicLong();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                .inactivityTimeout(limit)
                .canUseTool(request -> {
                    long started = System.nanoTime();
                    Thread.sleep(slowPolicy.toMillis());
                    policyMs.set((System.nanoTime() - started) / 1_000_000);
                    return PermissionResult.allow();
                })
                .build();
        try (Session session = ClaudeCode.start(options)) {
            // the CLI waits for the slow permission callback longer than the limit: that is not its silence
            assertThat(session.query("run the check").result()).contains("checked");
            assertThat(policyMs.get()).isGreaterThanOrEqualTo(slowPolicy.toMillis());
            assertThat(cwd.resolve("checked.txt")).hasContent("ok");
            String sessionId = session.sessionId().orElseThrow();
            long pid = session.health().pid().orElseThrow();

            List<Message> received = new ArrayList<>();
            long started = System.nanoTime();
            try (MessageStream turn = session.stream("second question")) {
                assertThatThrownBy(() -> turn.forEach(received::add))
                        .isInstanceOfSatisfying(InactivityTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(limit));
            }
            long failedAfterMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(failedAfterMs).isGreaterThanOrEqualTo(limit.toMillis());
            assertThat(received).first().isInstanceOf(InitMessage.class);
            assertThat(Procs.await(5_000, () -> !Procs.isAlive(pid))).as("the silent CLI was stopped").isTrue();

            assertThat(session.query("third question").result()).contains("after");
            assertThat(session.sessionId()).contains(sessionId);
            assertThat(session.health().pid().orElseThrow()).isNotEqualTo(pid);
            Figures.record("faults", "real CLI hangs silent (model API stalls): inactivity timeout of 5 s", String.format(
                    "InactivityTimeoutException %,d ms after the turn began, after %d message(s); CLI stopped; next turn resumed "
                            + "the session. A %,d ms permission callback in the turn before did not count", failedAfterMs,
                    received.size(), policyMs.get()));
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("run the check", "third question");
    }
}
