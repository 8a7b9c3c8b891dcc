package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ssh.ProcFs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the watchdog's script with this machine's /bin/sh against process groups started here. */
class WatchdogScriptTest {

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void theCommandLineHasNoSingleQuoteOrBackslashInsideTheScript() {
        assertThat(Watchdog.SCRIPT).doesNotContain("'").doesNotContain("\\").doesNotContain("\n");
        assertThat(Watchdog.COMMAND).isEqualTo("exec /bin/sh -c '" + Watchdog.SCRIPT + "' claude-code-java-watchdog");
    }

    @Test
    void termAndKillSignalTheWholeGroup() throws Exception {
        long polite = group("sleep 300 & sleep 300 & wait");
        long stubborn = group("trap '' TERM; sleep 300 & wait; wait");
        // a TERM that lands before the shell set its trap would end the stubborn group early
        assertThat(ProcFs.await(Duration.ofSeconds(10), () -> ProcFs.liveProcessesInGroup(polite).size() >= 3
                && ProcFs.liveProcessesInGroup(stubborn).size() >= 2)).isTrue();
        Process watchdog = watchdog();
        OutputStream commands = watchdog.getOutputStream();

        send(commands, "watch " + polite + "\nwatch " + stubborn + "\nterm " + polite + "\nterm " + stubborn + "\n");
        assertThat(gone(polite)).isTrue();
        Thread.sleep(300);
        assertThat(alive(stubborn)).isTrue();

        send(commands, "kill " + stubborn + "\n");
        assertThat(gone(stubborn)).isTrue();
        commands.close();
        assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void confirmsEachGroupItWatches() throws Exception {
        Process watchdog = watchdog();
        send(watchdog.getOutputStream(), "watch 123\nwatch 456\n");
        watchdog.getOutputStream().close();

        assertThat(new String(watchdog.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("watching 123\nwatching 456\n");
    }

    @Test
    void theEndOfItsInputEndsEveryWatchedGroupEvenOneIgnoringTerm() throws Exception {
        long polite = group("sleep 300 & wait");
        long stubborn = group("trap '' TERM; sleep 300 & wait; wait");
        long unwatched = group("sleep 300");
        Process watchdog = watchdog();

        send(watchdog.getOutputStream(), "watch " + polite + "\nwatch " + stubborn + "\n");
        watchdog.getOutputStream().close();

        assertThat(gone(polite)).isTrue();
        assertThat(ProcFs.await(Duration.ofSeconds(10), () -> ProcFs.liveProcessesInGroup(stubborn).isEmpty())).isTrue();
        assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(alive(unwatched)).isTrue();
    }

    @Test
    void reapEndsWhatALeaderLeftAndForgetsTheGroup() throws Exception {
        Path child = temp.resolve("child");
        long group = group("sleep 300 & echo $! > '" + child + "'; sleep 300");
        Process watchdog = watchdog();
        send(watchdog.getOutputStream(), "watch " + group + "\n");
        assertThat(ProcFs.await(Duration.ofSeconds(5), () -> Files.exists(child))).isTrue();

        send(watchdog.getOutputStream(), "reap " + group + "\n");

        assertThat(gone(group)).isTrue();
        watchdog.getOutputStream().close();
        assertThat(watchdog.waitFor(3, TimeUnit.SECONDS)).as("nothing left to wait for").isTrue();
    }

    @Test
    void aWatchdogWithNothingToWatchEndsAtOnce() throws Exception {
        Process watchdog = watchdog();
        watchdog.getOutputStream().close();

        assertThat(watchdog.waitFor(3, TimeUnit.SECONDS)).isTrue();
        assertThat(watchdog.exitValue()).isZero();
    }

    private long group(String script) throws IOException {
        Process process = new ProcessBuilder("setsid", "/bin/sh", "-c", script).start();
        started.add(process);
        // setsid execs in place (a child of this JVM leads no group), so the pid is the group id
        return process.pid();
    }

    private Process watchdog() throws IOException {
        Process process = new ProcessBuilder("/bin/sh", "-c", Watchdog.SCRIPT, "claude-code-java-watchdog").start();
        started.add(process);
        return process;
    }

    private static void send(OutputStream commands, String lines) throws IOException {
        commands.write(lines.getBytes(StandardCharsets.US_ASCII));
        commands.flush();
    }

    private static boolean gone(long group) throws InterruptedException {
        return ProcFs.await(Duration.ofSeconds(5), () -> ProcFs.liveProcessesInGroup(group).isEmpty());
    }

    private static boolean alive(long group) {
        return !ProcFs.liveProcessesInGroup(group).isEmpty();
    }
}
