package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.McpServersDelivery;
import dev.claudecode.options.Settings;
import dev.claudecode.testkit.ArgvScanner;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.ProcessTable;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over SSH too, no secret is on a command line of the host: the MCP servers' {@code env} and
 * {@code headers} and the settings reach the remote CLI in its {@code initialize} request, or in
 * private files that its launch script writes in a new owner-only directory there and that are
 * removed once the CLI has read them. The "remote" host is this machine, so every process's
 * {@code /proc/<pid>/cmdline} can be scanned while the session runs.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class RemoteSecretsIT {

    @RegisterExtension
    static final SshFixture server = new SshFixture();

    @TempDir
    Path temp;

    @Test
    void theSecretsOfMcpServersAndSettingsAreOnNoCommandLineOfTheHost(FakeClaudeApi api) throws Exception {
        boolean readsInitialize = CliVersionRange.compare(TestCli.version(), "2.1.326") >= 0;
        for (Optional<McpServersDelivery> delivery : List.of(Optional.<McpServersDelivery>empty(), Optional.of(McpServersDelivery.COMMAND_LINE))) {
            String marker = UUID.randomUUID().toString();
            String mcpSecret = "remote-mcp-secret-" + UUID.randomUUID();
            String headerSecret = "Bearer remote-header-" + UUID.randomUUID();
            String settingsSecret = "remote-setting-" + UUID.randomUUID();
            List<String> secrets = List.of(mcpSecret, headerSecret, settingsSecret);
            ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path())
                    .cwd(Files.createDirectories(temp.resolve("remote-" + marker))).env(api.environment())
                    .env("HARDENING_MARKER", marker)
                    // a stdio server that never answers: what matters is the environment it gets
                    .mcpServer("vault", new McpServerConfig.Stdio("/bin/sh", List.of("-c", "exec cat >/dev/null"),
                            Map.of("VAULT_TOKEN", mcpSecret)))
                    .mcpServer("remote", new McpServerConfig.Http("http://127.0.0.1:9/mcp", Map.of("Authorization", headerSecret)))
                    .settings(Settings.of(Map.of("env", Map.of("SETTINGS_SECRET", settingsSecret))).withSecret("env", "SETTINGS_SECRET"))
                    .mcpServersDelivery(delivery.orElse(null))
                    .build();
            boolean serversInFile = delivery.isPresent() || !readsInitialize;
            ArgvScanner scanner = ArgvScanner.start(secrets);
            Path launchDirectory = null;
            EffectiveSettings settings;
            try (SshTransport transport = server.transport().build(); Session session = ClaudeCode.start(options, transport)) {
                List<String> argv = cliArguments(marker);
                if (serversInFile) {
                    Path servers = file(argv, "--mcp-config=");
                    launchDirectory = servers.getParent();
                    assertThat(launchDirectory.getFileName().toString()).startsWith("claude-launch-");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(launchDirectory))).isEqualTo("rwx------");
                    assertThat(ProcFs.await(Duration.ofSeconds(10), () -> !Files.exists(servers)))
                            .as("the servers' file is removed once the CLI has read it").isTrue();
                } else {
                    assertThat(argv).noneMatch(argument -> argument.startsWith("--mcp-config"));
                }
                if (readsInitialize) {
                    assertThat(argv).contains("--await-initialize", "--initialize-fields=settings");
                } else {
                    Path settingsFile = file(argv, "--settings=");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settingsFile))).isEqualTo("rw-------");
                }
                // the server was started with its variable: the environment got there, the command line did not
                assertThat(ProcFs.await(Duration.ofSeconds(30), () -> !ProcFs.processesWithEnvironment("VAULT_TOKEN=" + mcpSecret).isEmpty()))
                        .as("the stdio server runs with its env").isTrue();
                settings = session.control().effectiveSettings();
            } finally {
                scanner.stop();
            }
            if (launchDirectory != null) {
                Path removed = launchDirectory;
                assertThat(ProcFs.await(Duration.ofSeconds(10), () -> !Files.exists(removed))).as("removed at exit").isTrue();
            }
            assertThat(settings.sources()).anySatisfy(source -> assertThat(source.settings())
                    .containsEntry("env", Map.of("SETTINGS_SECRET", settingsSecret)));
            assertThat(scanner.leaks()).as("secrets on a command line of the host (%s)", delivery).isEmpty();
            assertThat(scanner.scans()).isGreaterThan(3);
        }
    }

    private static List<String> cliArguments(String marker) throws InterruptedException {
        List<String> found = new ArrayList<>();
        assertThat(ProcFs.await(Duration.ofSeconds(30), () -> {
            for (long pid : ProcFs.processesWithEnvironment("HARDENING_MARKER=" + marker)) {
                List<String> argv = ProcessTable.arguments(pid);
                if (!argv.isEmpty() && argv.getFirst().endsWith("claude") && argv.contains("stream-json")) {
                    found.addAll(argv);
                    return true;
                }
            }
            return false;
        })).as("the remote CLI runs").isTrue();
        return found;
    }

    private static Path file(List<String> argv, String prefix) {
        List<String> named = argv.stream().filter(argument -> argument.startsWith(prefix)).toList();
        assertThat(named).as(prefix + " in " + argv).hasSize(1);
        return Path.of(named.getFirst().substring(prefix.length()));
    }
}
