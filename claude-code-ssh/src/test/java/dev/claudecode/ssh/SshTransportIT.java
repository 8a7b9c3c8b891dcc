package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.claudecode.errors.CliProcessException;
import dev.claudecode.testkit.ArgvScanner;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SshTransportIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final SshFixture server = new SshFixture();

    @TempDir
    Path temp;

    private final List<CliProcess> started = new ArrayList<>();
    private SshTransport transport;

    @BeforeEach
    void createTransport() {
        transport = server.transport().build();
    }

    @AfterEach
    void cleanUp() {
        for (CliProcess process : started) {
            if (process.isAlive()) {
                process.pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
        }
        transport.close();
    }

    @Test
    void runsACommandAndReportsItsOutputAndExitStatus() throws Exception {
        CliProcess process = launch(spec("/bin/sh", List.of("-c", "echo out; echo err >&2; exit 7"), Map.of(), Optional.empty()));

        assertThat(readAll(process.stdout())).isEqualTo("out\n");
        assertThat(readAll(process.stderr())).isEqualTo("err\n");
        assertThat(exitOf(process)).isEqualTo(7);
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void runsTheRealCliVersion() throws Exception {
        String cli = requireCli();
        String secret = "sk-ant-" + UUID.randomUUID();

        CliProcess process = launch(spec(cli, List.of("--version"), Map.of("ANTHROPIC_API_KEY", secret), Optional.of(temp.toString())));

        assertThat(readAll(process.stdout()).strip()).isEqualTo(dev.claudecode.testkit.TestCli.version() + " (Claude Code)");
        assertThat(exitOf(process)).isZero();
    }

    @Test
    void theEnvironmentReachesTheCliButNeverACommandLine() throws Exception {
        String cli = requireCli();
        String secret = "sk-ant-" + UUID.randomUUID();
        Path remoteTemp = Files.createDirectories(temp.resolve("remote-tmp"));
        transport.close();
        transport = server.transport().remoteTempDir(remoteTemp.toString()).build();
        // a command line lives as long as its process: a short pause misses none
        ArgvScanner scanner = ArgvScanner.start(List.of(secret), Duration.ofMillis(2));
        try {
            CliProcess process = launch(spec(cli, streamJsonArguments(), cliEnvironment(secret), Optional.of(temp.resolve("work").toString())));
            long pid = process.pid().orElseThrow();
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> ProcFs.environment(pid).contains("ANTHROPIC_API_KEY=" + secret)))
                    .as("the CLI's environment holds the key").isTrue();
            assertThat(remoteTemp).isEmptyDirectory();
            Thread.sleep(300);
            process.stdin().close();
            assertThat(exitOf(process)).isZero();
        } finally {
            scanner.stop();
        }
        assertThat(scanner.leaks()).as("command lines holding the secret").isEmpty();
    }

    @Test
    void speaksStreamJsonWithTheRealCli() throws Exception {
        String cli = requireCli();
        CliProcess process = launch(spec(cli, streamJsonArguments(), cliEnvironment("sk-test"), Optional.of(temp.resolve("work").toString())));
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.stdout(), StandardCharsets.UTF_8));

        OutputStream stdin = process.stdin();
        stdin.write("{\"type\":\"control_request\",\"request_id\":\"req_1\",\"request\":{\"subtype\":\"initialize\"}}\n"
                .getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String response = null;
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            if (line.contains("\"control_response\"")) {
                response = line;
                break;
            }
        }
        stdin.close();

        assertThat(response).contains("\"request_id\":\"req_1\"").contains("\"subtype\":\"success\"").contains("\"commands\"");
        assertThat(exitOf(process)).isZero();
    }

    @Test
    void argumentsArriveExactlyAsGiven() throws Exception {
        List<String> arguments = List.of("plain", "two words", "it's", "\"double\"", "$HOME", "`id`", "$(id)", "back\\slash",
                "new\nline", "tab\there", "*", "~", "", "-n", "ünïcödé ✓", "; rm -rf /", "'\"'\"'");
        List<String> command = new ArrayList<>(List.of("-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done", "sh"));
        command.addAll(arguments);

        CliProcess process = launch(spec("/bin/sh", command, Map.of("WITH_ENV", "so the script goes by file"), Optional.empty()));
        String output = readAll(process.stdout());

        assertThat(exitOf(process)).isZero();
        assertThat(Arrays.asList(output.split("\0", -1)).subList(0, arguments.size())).containsExactlyElementsOf(arguments);
        assertThat(output).endsWith("\0");
    }

    @Test
    void argumentsArriveExactlyAsGivenWithoutAnEnvironmentToo() throws Exception {
        List<String> arguments = List.of("it's", "$HOME", "back\\slash", "new\nline", "");
        List<String> command = new ArrayList<>(List.of("-c", "for a in \"$@\"; do printf '%s\\0' \"$a\"; done", "sh"));
        command.addAll(arguments);

        CliProcess process = launch(spec("/bin/sh", command, Map.of(), Optional.empty()));
        String output = readAll(process.stdout());

        assertThat(exitOf(process)).isZero();
        assertThat(output).isEqualTo(String.join("\0", arguments) + "\0");
    }

    @Test
    void environmentValuesArriveExactlyAsGiven() throws Exception {
        String value = "it's \"quoted\" $HOME `id` back\\slash\nsecond line";
        CliProcess process = launch(spec("/bin/sh", List.of("-c", "printf '%s' \"$ODD_VALUE\""), Map.of("ODD_VALUE", value), Optional.empty()));

        assertThat(readAll(process.stdout())).isEqualTo(value);
        assertThat(exitOf(process)).isZero();
    }

    @Test
    void theWorkingDirectoryIsCreated() throws Exception {
        Path cwd = temp.resolve("a dir").resolve("with 'quotes'").resolve("deep");

        CliProcess process = launch(spec("/bin/pwd", List.of(), Map.of(), Optional.of(cwd.toString())));

        assertThat(readAll(process.stdout()).strip()).isEqualTo(cwd.toString());
        assertThat(exitOf(process)).isZero();
        assertThat(cwd).isDirectory();
    }

    @Test
    void aMissingExecutableFailsTheLaunchWithTheHostsAnswer() {
        assertThatThrownBy(() -> launch(spec("/no/such/claude", List.of(), Map.of("A", "b"), Optional.empty())))
                .isInstanceOfSatisfying(CliProcessException.class, e -> {
                    assertThat(e.exitStatus()).hasValue(127);
                    assertThat(e.stderrTail()).contains("/no/such/claude is not found or not executable");
                });
    }

    @Test
    void terminateEndsTheWholeProcessGroup() throws Exception {
        CliProcess process = launch(spec("/bin/sh", List.of("-c", "sleep 300 & sleep 300 & wait"), Map.of(), Optional.empty()));
        long pgid = process.pid().orElseThrow();
        assertThat(ProcFs.await(Duration.ofSeconds(10), () -> ProcFs.liveProcessesInGroup(pgid).size() == 3)).isTrue();

        process.terminate(Duration.ofSeconds(5));

        assertThat(exitOf(process)).isEqualTo(143);
        assertThat(ProcFs.await(Duration.ofSeconds(5), () -> ProcFs.liveProcessesInGroup(pgid).isEmpty()))
                .as("processes left in group %d: %s", pgid, ProcFs.liveProcessesInGroup(pgid)).isTrue();
    }

    @Test
    void terminateKillsAGroupThatIgnoresTerm() throws Exception {
        CliProcess process = launch(spec("/bin/sh", List.of("-c", "trap '' TERM; sleep 300 & wait; wait"), Map.of(), Optional.empty()));
        long pgid = process.pid().orElseThrow();
        assertThat(ProcFs.await(Duration.ofSeconds(10), () -> ProcFs.liveProcessesInGroup(pgid).size() == 2)).isTrue();

        process.terminate(Duration.ofMillis(300));

        assertThat(exitOf(process)).isEqualTo(137);
        assertThat(ProcFs.await(Duration.ofSeconds(5), () -> ProcFs.liveProcessesInGroup(pgid).isEmpty())).isTrue();
    }

    @Test
    void terminateEndsTheRealCli() throws Exception {
        String cli = requireCli();
        CliProcess process = launch(spec(cli, streamJsonArguments(), cliEnvironment("sk-test"), Optional.of(temp.resolve("work").toString())));
        long pgid = process.pid().orElseThrow();
        assertThat(ProcessHandle.of(pgid)).isPresent();

        process.terminate(Duration.ofSeconds(5));

        assertThat(exitOf(process)).isEqualTo(143);
        assertThat(ProcFs.await(Duration.ofSeconds(5), () -> ProcFs.liveProcessesInGroup(pgid).isEmpty())).isTrue();
    }

    @Test
    void whatTheLeaderLeavesBehindIsEndedWhenItExits() throws Exception {
        Path marker = temp.resolve("child.pid");
        CliProcess process = launch(spec("/bin/sh", List.of("-c", "sleep 300 & echo $! > '" + marker + "'"), Map.of(), Optional.empty()));

        assertThat(exitOf(process)).isZero();
        long child = Long.parseLong(Files.readString(marker).strip());
        assertThat(ProcFs.await(Duration.ofSeconds(10), () -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true)))
                .as("the background child %d is gone", child).isTrue();
    }

    @Test
    void aDroppedConnectionLeavesNoProcessOnTheHost() throws Exception {
        String cli = requireCli();
        CliProcess stubborn = launch(spec("/bin/sh", List.of("-c", "trap '' HUP TERM PIPE; sleep 300 & wait; wait"), Map.of(), Optional.empty()));
        CliProcess claude = launch(spec(cli, streamJsonArguments(), cliEnvironment("sk-test"), Optional.of(temp.resolve("work").toString())));
        long stubbornGroup = stubborn.pid().orElseThrow();
        long claudeGroup = claude.pid().orElseThrow();
        assertThat(ProcFs.await(Duration.ofSeconds(10), () -> ProcFs.liveProcessesInGroup(stubbornGroup).size() == 2)).isTrue();

        server.sshd().dropConnections();

        assertThat(exitOf(stubborn)).isEqualTo(255);
        assertThat(exitOf(claude)).isEqualTo(255);
        assertThat(ProcFs.await(Duration.ofSeconds(15), () -> ProcFs.liveProcessesInGroup(stubbornGroup).isEmpty()))
                .as("left in group %d: %s", stubbornGroup, ProcFs.liveProcessesInGroup(stubbornGroup)).isTrue();
        assertThat(ProcFs.await(Duration.ofSeconds(15), () -> ProcFs.liveProcessesInGroup(claudeGroup).isEmpty()))
                .as("left in group %d: %s", claudeGroup, ProcFs.liveProcessesInGroup(claudeGroup)).isTrue();
    }

    @Test
    void reconnectsAfterTheConnectionDropped() throws Exception {
        CliProcess first = launch(spec("/bin/sleep", List.of("300"), Map.of(), Optional.empty()));
        server.sshd().dropConnections();
        assertThat(exitOf(first)).isEqualTo(255);

        CliProcess second = launch(spec("/bin/echo", List.of("again"), Map.of(), Optional.empty()));

        assertThat(readAll(second.stdout())).isEqualTo("again\n");
        assertThat(exitOf(second)).isZero();
    }

    @Test
    void closingTheTransportEndsItsProcesses() throws Exception {
        CliProcess process = launch(spec("/bin/sh", List.of("-c", "trap '' HUP PIPE; sleep 300 & wait; wait"), Map.of(), Optional.empty()));
        long pgid = process.pid().orElseThrow();

        transport.close();

        // 255 when the connection closed before the host reported the exit; 143 (TERM) when the
        // watchdog's TERM to the group was reported first: both end the process, which is the point
        assertThat(exitOf(process)).isIn(255, 143);
        assertThat(ProcFs.await(Duration.ofSeconds(15), () -> ProcFs.liveProcessesInGroup(pgid).isEmpty())).isTrue();
    }

    private CliProcess launch(LaunchSpec spec) {
        CliProcess process = transport.launch(spec);
        started.add(process);
        return process;
    }

    static List<String> streamJsonArguments() {
        return List.of("--output-format", "stream-json", "--verbose", "--input-format", "stream-json");
    }

    Map<String, String> cliEnvironment(String apiKey) throws IOException {
        return Map.of(
                "ANTHROPIC_API_KEY", apiKey,
                // nothing listens there: these tests never reach the model
                "ANTHROPIC_BASE_URL", "http://127.0.0.1:9",
                "CLAUDE_CONFIG_DIR", Files.createDirectories(temp.resolve("config")).toString());
    }

    static LaunchSpec spec(String executable, List<String> arguments, Map<String, String> environment, Optional<String> cwd) {
        return new LaunchSpec(executable, arguments, environment, name -> false, cwd);
    }

    /** @return the CLI under test: the "remote" host is this machine, so the local install serves it */
    static String requireCli() {
        return dev.claudecode.testkit.TestCli.path().toString();
    }

    static String readAll(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static int exitOf(CliProcess process) throws Exception {
        return process.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
