package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI hangs silent while the model API stalls (it answers the request and then sends
 * nothing for half a minute): {@link Session#interrupt()} ends the turn at once with an {@code
 * error_during_execution} result, and the next turn runs normally.
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
}
