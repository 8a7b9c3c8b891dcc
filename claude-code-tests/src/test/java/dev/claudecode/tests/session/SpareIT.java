package dev.claudecode.tests.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.Spare;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Warm spares against the real CLI: claimed by a start with equal options, never by another. */
@ExtendWith(FakeClaudeApiExtension.class)
class SpareIT {

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    @Test
    void aStartWithEqualOptionsClaimsTheSpareAndLaunchesNoCli(FakeClaudeApi api) {
        ClaudeCodeOptions options = options(api).build();
        Set<Long> before = clis();
        try (Spare spare = ClaudeCode.prewarm(options)) {
            Set<Long> spares = difference(clis(), before);
            assertThat(spares).as("the spare's CLI").hasSize(1);
            assertThat(spare.isReady()).isTrue();

            try (Session session = ClaudeCode.start(options)) {
                assertThat(difference(clis(), before)).as("no CLI but the spare's").isEqualTo(spares);
                assertThat(spare.isTaken()).isTrue();
                spare.close(); // the session is the claimer's: closing the spare leaves it running
                api.enqueue(Reply.text("warm hello"));
                assertThat(session.stream("hello").finalText()).isEqualTo("warm hello");
            }
            awaitEnded(spares);
        }
    }

    @Test
    void aStartWithOtherOptionsLeavesTheSpareAloneAndClosingTheSpareStopsItsCli(FakeClaudeApi api) {
        Set<Long> before = clis();
        Spare spare = ClaudeCode.prewarm(options(api).model("haiku").build());
        Set<Long> spares = difference(clis(), before);
        try (Session other = ClaudeCode.start(options(api).model("sonnet").build())) {
            assertThat(difference(clis(), before)).as("the spare's CLI and one more").hasSize(2).containsAll(spares);
            assertThat(spare.isReady()).isTrue();
            assertThat(spare.isTaken()).isFalse();
            api.enqueue(Reply.text("cold hello"));
            assertThat(other.stream("hello").finalText()).isEqualTo("cold hello");
        }
        spare.close();
        assertThat(spare.isTaken()).isTrue();
        awaitEnded(spares);
    }

    @Test
    void aSpareWhoseCliEndedIsNotHandedOut(FakeClaudeApi api) {
        ClaudeCodeOptions options = options(api).build();
        Set<Long> before = clis();
        try (Spare spare = ClaudeCode.prewarm(options)) {
            Set<Long> spares = difference(clis(), before);
            spares.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            awaitEnded(spares);
            assertThat(spare.isReady()).isFalse();

            try (Session session = ClaudeCode.start(options)) {
                assertThat(difference(clis(), before)).as("a CLI of its own").hasSize(1).doesNotContainAnyElementsOf(spares);
                api.enqueue(Reply.text("fresh hello"));
                assertThat(session.stream("hello").finalText()).isEqualTo("fresh hello");
            }
        }
    }

    /** The Claude Code CLIs this JVM runs. */
    private static Set<Long> clis() {
        Path cli = realPath(TestCli.path());
        return ProcessHandle.current().children()
                .filter(child -> child.info().command().map(Path::of).map(SpareIT::realPath).filter(cli::equals).isPresent())
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static Set<Long> difference(Set<Long> now, Set<Long> before) {
        return now.stream().filter(pid -> !before.contains(pid)).collect(Collectors.toSet());
    }

    private static void awaitEnded(Set<Long> pids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (pids.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) {
            assertThat(System.nanoTime()).as("the CLIs %s ended", pids).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
