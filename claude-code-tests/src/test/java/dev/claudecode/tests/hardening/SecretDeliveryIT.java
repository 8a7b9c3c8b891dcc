package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.mcp.McpConnectionStatus;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpToolInfo;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.Settings;
import dev.claudecode.testkit.ArgvScanner;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.ProcessTable;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret of the options is ever on a command line: MCP server {@code env} and {@code headers}
 * and settings values go in the {@code initialize} request of a CLI that reads them there (2.1.326
 * and newer) or in private files (older ones), and every process's {@code /proc/<pid>/cmdline} is
 * scanned while the real CLI runs. The servers and settings still work; in-process servers are
 * connected when the session starts; and what a CLI prints of the secrets it was given is masked.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class SecretDeliveryIT {

    private static final String AREA = "security";

    @TempDir
    Path dir;

    private final String marker = UUID.randomUUID().toString();

    private static boolean readsInitialize() {
        return CliVersionRange.compare(TestCli.version(), "2.1.326") >= 0;
    }

    /** The vault MCP server, a single-file Java program run with this JVM's java. */
    private static McpServerConfig vault(Map<String, String> env) {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path source = Path.of(SecretDeliveryIT.class.getResource("/mcp/VaultMcpServer.java").toURI());
            return new McpServerConfig.Stdio(java, List.of(source.toString()), env);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noSecretOfMcpServersOrSettingsIsInAnyProcessArgumentsAndBothStillWork(FakeClaudeApi api) throws Exception {
        String mcpSecret = "mcp-env-secret-" + UUID.randomUUID();
        String headerSecret = "Bearer header-secret-" + UUID.randomUUID();
        String settingsSecret = "settings-secret-" + UUID.randomUUID();
        List<String> secrets = List.of(mcpSecret, headerSecret, settingsSecret);
        api.enqueue(Reply.toolUse("mcp__vault__fingerprint", Map.of()), Reply.text("fingerprinted"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(dir).env(api.environment())
                .env("HARDENING_MARKER", marker)
                .mcpServer("vault", vault(Map.of("VAULT_TOKEN", mcpSecret)))
                // a server that is never reached: its header must still stay off every command line
                .mcpServer("remote", new McpServerConfig.Http("http://127.0.0.1:9/mcp", Map.of("Authorization", headerSecret)))
                .settings(Settings.of(Map.of("env", Map.of("SETTINGS_SECRET", settingsSecret))).withSecret("env", "SETTINGS_SECRET"))
                .allowedTools("mcp__vault__fingerprint")
                .build();

        ArgvScanner scanner = ArgvScanner.start(secrets);
        List<String> argv;
        String toolAnswer;
        EffectiveSettings settings;
        Path launchDirectory = null;
        try (Session session = ClaudeCode.start(options)) {
            argv = ProcessTable.arguments(Procs.cli(marker));
            if (readsInitialize()) {
                assertThat(argv).contains("--await-initialize", "--initialize-fields=settings")
                        .noneMatch(argument -> argument.startsWith("--mcp-config") || argument.startsWith("--settings"));
            } else {
                Path servers = file(argv, "--mcp-config=");
                Path settingsFile = file(argv, "--settings=");
                launchDirectory = servers.getParent();
                assertThat(settingsFile.getParent()).isEqualTo(launchDirectory);
                assertThat(launchDirectory.getFileName().toString()).startsWith("claude-launch-");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(launchDirectory))).isEqualTo("rwx------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settingsFile))).isEqualTo("rw-------");
                // read at start: gone once the CLI has answered initialize; the settings stay while it runs
                assertThat(Procs.await(10_000, () -> !Files.exists(servers))).as("the servers' file is removed").isTrue();
                assertThat(settingsFile).exists();
            }
            // a single-file Java server takes a moment to start; the CLI does not wait for it at a turn
            assertThat(Procs.await(30_000, () -> session.control().mcpStatus().stream()
                    .anyMatch(s -> s.name().equals("vault") && s.isConnected()))).as("the vault server connects").isTrue();
            toolAnswer = session.query("Fingerprint the vault").result().orElse("");
            settings = session.control().effectiveSettings();
        } finally {
            scanner.stop();
        }
        if (launchDirectory != null) {
            Path removed = launchDirectory;
            assertThat(Procs.await(10_000, () -> !Files.exists(removed))).as("the launch directory is removed at exit").isTrue();
        }

        assertThat(toolAnswer).contains("fingerprinted");
        String fingerprint = api.log().main().get(1).toolResults().getLast().text();
        assertThat(fingerprint).isEqualTo("vault=" + sha256(mcpSecret) + " settings=" + sha256(settingsSecret));
        assertThat(settings.sources()).anySatisfy(source -> assertThat(source.settings())
                .containsEntry("env", Map.of("SETTINGS_SECRET", settingsSecret)));
        assertThat(scanner.leaks()).as("secrets in process arguments").isEmpty();
        assertThat(scanner.scans()).isGreaterThan(3);
        Figures.record(AREA, "MCP env/headers and settings in no argv (real CLI " + TestCli.version() + ")", String.format(
                "%d scans of every process's /proc/<pid>/cmdline while the session ran (%d processes seen with arguments): "
                        + "0 held the MCP env value, the HTTP header or the secret setting; delivered %s; the MCP server "
                        + "read its env and the CLI's settings env (tool result = SHA-256 of both), get_settings showed the setting",
                scanner.scans(), scanner.processes(), readsInitialize()
                        ? "in the initialize request (--await-initialize, --initialize-fields=settings)"
                        : "in private files (dir 0700, files 0600; the MCP file removed after initialize, the settings file at exit)"));
    }

    @Test
    void anInProcessServerIsConnectedRightAfterStartAndNoToolRunsOnceItIsSwitchedOff(FakeClaudeApi api) {
        AtomicInteger calls = new AtomicInteger();
        SdkMcpServer calc = SdkMcpServer.builder("calc")
                .tool("add", "Adds two numbers", Map.of("type", "object"), args -> ToolResult.text("sum " + calls.incrementAndGet()))
                .build();
        api.enqueue(Reply.toolUse("mcp__calc__add", Map.of()), Reply.text("added"),
                Reply.toolUse("mcp__calc__add", Map.of()), Reply.text("refused"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(dir).env(api.environment())
                .mcpServer("calc", McpServerConfig.sdk(calc)).allowedTools("mcp__calc__add").build();

        List<McpServerStatus> atStart;
        McpServerStatus off;
        try (Session session = ClaudeCode.start(options)) {
            atStart = session.control().mcpStatus();
            assertThat(session.query("add").result()).contains("added");
            session.control().mcpToggle("calc", false);
            off = session.control().mcpStatus().stream().filter(s -> s.name().equals("calc")).findFirst().orElseThrow();
            assertThat(session.query("add again").result()).contains("refused");
        }

        assertThat(atStart).singleElement().satisfies(server -> {
            assertThat(server.name()).isEqualTo("calc");
            assertThat(server.status()).isEqualTo(McpConnectionStatus.CONNECTED);
            assertThat(server.tools()).extracting(McpToolInfo::name).containsExactly("add");
        });
        assertThat(calls).as("the tool ran once, before it was switched off").hasValue(1);
        assertThat(api.log().main().get(1).toolResults().getLast().text()).isEqualTo("sum 1");
        dev.claudecode.testkit.ToolResult refused = api.log().main().get(3).toolResults().getLast();
        assertThat(refused.isError()).isTrue();
        if (readsInitialize()) {
            // the CLI switches it off itself and no longer offers the tool
            assertThat(off.status()).isEqualTo(McpConnectionStatus.DISABLED);
        } else {
            // CLI 2.1.197 keeps an in-process server connected and still calls it: the session refuses
            assertThat(off.status()).isEqualTo(McpConnectionStatus.CONNECTED);
            assertThat(refused.text()).contains("switched off");
        }
        Figures.record(AREA, "in-process MCP server at start (real CLI " + TestCli.version() + ")",
                "mcpStatus() right after ClaudeCode.start listed it connected with its tool; after mcpToggle(false) "
                        + "a scripted call of its tool ran no Java code and came back as an error"
                        + (readsInitialize() ? " (the CLI disabled the server)"
                                : " (the CLI kept the server connected and called it; the session refused the call)"));
    }

    /**
     * A CLI that prints everything it was handed (its arguments, the files they name, its input)
     * has every secret the session gave it masked, on both routes: in the stderr lines, in the
     * failure's stderr tail, and in the log.
     */
    @Test
    void whatACliPrintsOfTheSecretsItWasGivenIsMasked() throws Exception {
        String apiKey = "sk-ant-api03-" + UUID.randomUUID();
        String mcpSecret = "mcp-env-secret-" + UUID.randomUUID();
        String headerSecret = "header-secret-" + UUID.randomUUID();
        String settingsSecret = "marked-setting-" + UUID.randomUUID();
        String tokenSetting = "settings-token-" + UUID.randomUUID();
        String lateSecret = "added-later-secret-" + UUID.randomUUID();
        List<String> secrets = List.of(apiKey, mcpSecret, headerSecret, settingsSecret, tokenSetting, lateSecret);
        List<String> routes = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            for (String version : new String[] {"2.1.332", ""}) {
                Path cli = StandIns.install(Files.createDirectories(dir.resolve("v" + version)), "tell-all.sh");
                List<String> stderr = new CopyOnWriteArrayList<>();
                ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(dir).apiKey(apiKey)
                        .env("STAND_IN_VERSION", version)
                        .mcpServer("vault", new McpServerConfig.Stdio("vault", List.of(), Map.of("VAULT_TOKEN", mcpSecret)))
                        .mcpServer("remote", new McpServerConfig.Sse("http://127.0.0.1:9/sse", Map.of("X-Api-Key", headerSecret)))
                        .settings(Settings.of(Map.of("permissions", Map.of("additionalDirectories", List.of(settingsSecret)),
                                "env", Map.of("GITHUB_TOKEN", tokenSetting))).withSecret("permissions", "additionalDirectories"))
                        .stderr(stderr::add)
                        .build();
                CliProcessException failure;
                try (Session session = ClaudeCode.start(options)) {
                    // a server added while the session runs: its env goes to the CLI too
                    session.control().setMcpServers(Map.of("late",
                            new McpServerConfig.Stdio("late", List.of(), Map.of("LATE", lateSecret))));
                    failure = (CliProcessException) org.assertj.core.api.Assertions.catchThrowable(() -> session.query("hello"));
                }
                assertThat(failure).as("the stand-in fails at the first message").isNotNull();
                String told = String.join("\n", stderr);
                assertThat(told).as("the stand-in told its input").contains(version.isEmpty() ? "file " : "\"mcpServers\"");
                assertThat(told).contains("***");
                for (String secret : secrets) {
                    assertThat(told).as("stderr lines, route %s", version).doesNotContain(secret);
                    assertThat(failure.getMessage()).doesNotContain(secret);
                    assertThat(failure.stderrTail()).doesNotContain(secret);
                }
                assertThat(failure.stderrTail()).contains("***");
                routes.add(version.isEmpty() ? "private files" : "initialize request");
            }
            List<String> leaking = log.lines().stream().filter(line -> secrets.stream().anyMatch(line::contains)).toList();
            assertThat(leaking).as("log lines with a secret").isEmpty();
        }
        Figures.record(AREA, "secrets a CLI prints are masked (stand-in)", String.format(
                "a stand-in printing its arguments, the files they name and its input: API key, MCP env value, header value, "
                        + "a setting marked secret, a *_TOKEN settings env value and the env of a server added by setMcpServers "
                        + "masked as *** in the stderr lines, the exception's stderr tail and the log, on both routes (%s)", String.join(", ", routes)));
    }

    private static Path file(List<String> argv, String prefix) {
        List<String> named = argv.stream().filter(argument -> argument.startsWith(prefix)).toList();
        assertThat(named).as(prefix + " in " + argv).hasSize(1);
        return Path.of(named.getFirst().substring(prefix.length()));
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
