package dev.claudecode;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.InactivityTimeoutException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.permission.PermissionResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inactivity timeout against a stand-in CLI ({@code stand-in/quiet.sh}): a CLI that goes
 * silent mid-turn is ended and the turn fails after the messages that came; a CLI that keeps
 * writing, or that waits for a slow callback of the library, is left alone.
 */
class SessionInactivityTest {

    @TempDir
    Path dir;

    private Path cli;

    @BeforeEach
    void installStandIn() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the stand-in is a /bin/sh script");
        cli = dir.resolve("quiet.sh");
        try (InputStream in = getClass().getResourceAsStream("/stand-in/quiet.sh")) {
            Files.copy(in, cli);
        }
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
    }

    private ClaudeCodeOptions.Builder options(String mode, Duration limit) {
        return ClaudeCodeOptions.builder().cliPath(cli).cwd(dir).env("QUIET_MODE", mode).inactivityTimeout(limit);
    }

    @Test
    void aSilentCliFailsTheTurnAfterItsMessagesIsEndedAndTheNextTurnResumes() {
        try (Session session = ClaudeCode.start(options("silent", Duration.ofMillis(500)).build())) {
            long pid = pidOfTheCli();
            assertThat(pid).isPositive();
            List<Message> received = new ArrayList<>();
            try (MessageStream turn = session.stream("hello")) {
                assertThatThrownBy(() -> turn.forEach(received::add))
                        .isInstanceOfSatisfying(InactivityTimeoutException.class, e -> {
                            assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
                            assertThat(e).hasMessageContaining("wrote no output for 500 ms while a turn was active");
                        });
            }
            assertThat(received).hasSize(1).first().isInstanceOf(InitMessage.class);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

            // the stand-in answers only when it is told to resume the conversation
            assertThat(session.query("again").result()).contains("resumed");
            assertThat(session.sessionId()).contains("0000c0de-0000-4000-8000-00000000a11e");
        }
    }

    @Test
    void aCliThatKeepsWritingIsNotEndedThoughItsTurnLastsLongerThanTheLimit() {
        long started = System.nanoTime();
        try (Session session = ClaudeCode.start(options("chatty", Duration.ofMillis(1_500)).build())) {
            assertThat(session.query("talk to me").result()).contains("talked");
        }
        // the turn took 4 s of 0.2 s steps: longer than the limit, never quiet for that long
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1_500));
    }

    @Test
    void timeTheLibrarySpendsInACallbackDoesNotCount() {
        AtomicLong decidedAfterMs = new AtomicLong();
        ClaudeCodeOptions slowPolicy = options("callback", Duration.ofMillis(500)).canUseTool(request -> {
            long started = System.nanoTime();
            Thread.sleep(2_000);
            decidedAfterMs.set((System.nanoTime() - started) / 1_000_000);
            return PermissionResult.allow();
        }).build();
        try (Session session = ClaudeCode.start(slowPolicy)) {
            assertThat(session.query("may I?").result()).contains("allowed");
        }
        assertThat(decidedAfterMs.get()).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void withoutTheOptionASilentCliIsWaitedForUntilTheCallerGivesUp() throws Exception {
        ClaudeCodeOptions options = options("silent", Duration.ofMillis(500)).inactivityTimeout(null).build();
        try (Session session = ClaudeCode.start(options); MessageStream turn = session.stream("hello")) {
            var messages = turn.iterator();
            assertThat(messages.next()).isInstanceOf(InitMessage.class);
            var waiting = java.util.concurrent.CompletableFuture.supplyAsync(messages::hasNext);
            Thread.sleep(1_500);
            assertThat(waiting).isNotDone();
            assertThat(session.isAlive()).isTrue();
        }
    }

    private long pidOfTheCli() {
        return ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains(cli.toString()))
                .findFirst().map(ProcessHandle::pid).orElse(-1L);
    }
}
