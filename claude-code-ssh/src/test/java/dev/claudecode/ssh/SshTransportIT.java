package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.claudecode.CliProcessException;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshTransportIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;

    static OpenSshServer server;

    @TempDir
    Path temp;

    private final List<CliProcess> started = new ArrayList<>();
    private SshTransport transport;

    @BeforeAll
    static void startServer() throws Exception {
        server = OpenSshServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

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

        assertThat(readAll(process.stdout()).strip()).isEqualTo("2.1.197 (Claude Code)");
        assertThat(exitOf(process)).isZero();
    }

    private CliProcess launch(LaunchSpec spec) {
        CliProcess process = transport.launch(spec);
        started.add(process);
        return process;
    }

    static LaunchSpec spec(String executable, List<String> arguments, Map<String, String> environment, Optional<String> cwd) {
        return new LaunchSpec(executable, arguments, environment, name -> false, cwd);
    }

    static String requireCli() {
        String cli = System.getenv("CLAUDE_CODE_CLI_PATH");
        if (cli == null || cli.isBlank()) {
            String message = "CLAUDE_CODE_CLI_PATH is not set; the test runs the real Claude Code CLI";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return cli;
    }

    static String readAll(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static int exitOf(CliProcess process) throws Exception {
        return process.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
