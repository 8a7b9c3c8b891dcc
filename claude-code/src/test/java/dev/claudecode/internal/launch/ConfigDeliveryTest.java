package dev.claudecode.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpToolPolicy;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.node.LocalNode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.McpServersDelivery;
import dev.claudecode.options.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Where MCP servers, settings and managed settings go for each CLI: never a secret in an argument,
 * the {@code initialize} request on CLIs from 2.1.326, private files below, and the CLI's version
 * asked only when it decides something.
 */
class ConfigDeliveryTest {

    private static final String NEW = "2.1.332";
    private static final String OLD = "2.1.197";
    private static final String TOKEN = "stdio-env-token-0123456789";
    private static final String BEARER = "Bearer header-token-0123456789";
    private static final String SETTING = "settings-env-token-0123456789";

    private final SdkMcpServer calc = SdkMcpServer.builder("calc")
            .tool("add", "Add", Map.of("type", "object"), args -> ToolResult.text("0")).build();

    private ClaudeCodeOptions.Builder servers() {
        return ClaudeCodeOptions.builder()
                .mcpServer("files", new McpServerConfig.Stdio("npx", List.of("-y", "server"), Map.of("TOKEN", TOKEN)))
                .mcpServer("events", new McpServerConfig.Sse("https://e.example/sse", Map.of("Authorization", BEARER)))
                .mcpServer("web", McpServerConfig.http("https://w.example/mcp"))
                .mcpServer("calc", McpServerConfig.sdk(calc));
    }

    private static ConfigDelivery.Plan plan(ClaudeCodeOptions options, String version, LaunchFiles files) {
        return ConfigDelivery.plan(options, () -> Optional.ofNullable(version), files);
    }

    private static LaunchFiles files() {
        return new LaunchFiles(LocalNode::instance);
    }

    @Test
    void aNewCliReadsTheServersFromTheInitializeRequest() {
        LaunchFiles files = files();
        ConfigDelivery.Plan plan = plan(servers().build(), NEW, files);

        assertThat(plan.arguments()).containsExactly("--await-initialize");
        assertThat(files.isEmpty()).isTrue();
        assertThat(Json.write(plan.initialize())).isEqualTo("{\"mcpServers\":{"
                + "\"files\":{\"type\":\"stdio\",\"command\":\"npx\",\"args\":[\"-y\",\"server\"],\"env\":{\"TOKEN\":\"" + TOKEN + "\"}},"
                + "\"events\":{\"type\":\"sse\",\"url\":\"https://e.example/sse\",\"headers\":{\"Authorization\":\"" + BEARER + "\"}},"
                + "\"web\":{\"type\":\"http\",\"url\":\"https://w.example/mcp\"}}}");
        // in-process servers are announced by the callback registry (sdkMcpServers), and connected at start
        assertThat(plan.sdkServersAtStart()).containsExactly("calc");
    }

    @Test
    void timeoutsLoadingAndToolPoliciesTravelWithTheirServer() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .mcpServer("files", McpServerConfig.stdio("mcp-files").withTimeout(Duration.ofSeconds(90)).withAlwaysLoad(true))
                .mcpServer("web", McpServerConfig.http("https://w.example/mcp").withAlwaysLoad(false)
                        .withToolPolicies(List.of(McpToolPolicy.of("delete", McpToolPolicy.Permission.ALWAYS_ASK),
                                new McpToolPolicy("admin", Optional.empty(), Optional.of(McpToolPolicy.OrgMaxPermission.BLOCKED)))))
                .mcpServer("events", McpServerConfig.sse("https://e.example/sse").withTimeout(Duration.ofMillis(1500)))
                .build();
        String servers = "{\"mcpServers\":{"
                + "\"files\":{\"type\":\"stdio\",\"command\":\"mcp-files\",\"args\":[],\"timeout\":90000,\"alwaysLoad\":true},"
                + "\"web\":{\"type\":\"http\",\"url\":\"https://w.example/mcp\",\"tools\":["
                + "{\"name\":\"delete\",\"permission_policy\":\"always_ask\"},{\"name\":\"admin\",\"org_max_permission\":\"blocked\"}],"
                + "\"alwaysLoad\":false},"
                + "\"events\":{\"type\":\"sse\",\"url\":\"https://e.example/sse\",\"timeout\":1500}}}";

        assertThat(Json.write(plan(options, NEW, files()).initialize())).isEqualTo(servers);
        LaunchFiles files = files();
        plan(options, OLD, files);
        assertThat(Json.parse(files.files().get(only(files.files().keySet()))).toString()).isEqualTo(servers);
    }

    @Test
    void anOldCliReadsTheServersFromAPrivateFileThatAlsoListsTheInProcessOnes() {
        LaunchFiles files = files();
        ConfigDelivery.Plan plan = plan(servers().mcpConfig("first.json").build(), OLD, files);

        String path = only(files.files().keySet());
        assertThat(plan.arguments()).containsExactly("--mcp-config=first.json", "--mcp-config=" + path);
        assertThat(path).contains("/" + LaunchFiles.PREFIX).endsWith("/mcp-servers.json");
        assertThat(Json.parse(files.files().get(path)).path("mcpServers").path("calc").toString())
                .isEqualTo("{\"type\":\"sdk\",\"name\":\"calc\"}");
        assertThat(files.files().get(path)).contains(TOKEN, BEARER);
        assertThat(plan.initialize()).isEmpty();
        assertThat(plan.sdkServersAtStart()).containsExactly("calc");
    }

    @Test
    void theChoiceOfTheCallerWinsAndSparesTheVersionQuestion() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Optional<String>> version = () -> {
            asked.incrementAndGet();
            return Optional.of(OLD);
        };
        LaunchFiles files = files();
        ConfigDelivery.Plan initialize = ConfigDelivery.plan(servers().mcpServersDelivery(McpServersDelivery.INITIALIZE).build(),
                version, files);
        ConfigDelivery.Plan commandLine = ConfigDelivery.plan(servers().mcpServersDelivery(McpServersDelivery.COMMAND_LINE).build(),
                version, files());

        assertThat(initialize.initialize()).containsKey("mcpServers");
        assertThat(files.isEmpty()).isTrue();
        assertThat(commandLine.arguments()).singleElement().asString().startsWith("--mcp-config=/");
        assertThat(asked).hasValue(0);
    }

    @Test
    void theVersionIsAskedOnlyWhenSomethingDependsOnIt() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Optional<String>> version = () -> {
            asked.incrementAndGet();
            return Optional.of(NEW);
        };
        ConfigDelivery.plan(ClaudeCodeOptions.builder().model("m").mcpConfig("servers.json").build(), version, files());
        assertThat(asked).hasValue(0);

        ConfigDelivery.plan(ClaudeCodeOptions.builder().settings(Map.of("model", "haiku")).build(), version, files());
        assertThat(asked).hasValue(1);
    }

    @Test
    void aCliOfUnknownVersionGetsTheFilesWhichEveryVersionReads() {
        LaunchFiles files = files();
        ConfigDelivery.Plan plan = plan(servers().settings(Map.of("model", "haiku")).build(), null, files);

        assertThat(plan.initialize()).isEmpty();
        assertThat(plan.arguments()).noneMatch(argument -> argument.equals("--await-initialize"));
        assertThat(files.files().keySet()).extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("mcp-servers.json", "settings.json");
    }

    @Test
    void inlineMcpJsonAlwaysGoesToAFileOfItsOwnAndPathsStayAsGiven() {
        String inline = "{\"mcpServers\":{\"x\":{\"command\":\"x\",\"env\":{\"K\":\"" + TOKEN + "\"}}}}";
        for (String version : new String[] {NEW, OLD}) {
            LaunchFiles files = files();
            ConfigDelivery.Plan plan = plan(ClaudeCodeOptions.builder().mcpConfig("a.json", inline).build(), version, files);

            String path = only(files.files().keySet());
            assertThat(plan.arguments()).containsExactly("--mcp-config=a.json", "--mcp-config=" + path);
            assertThat(files.files().get(path)).isEqualTo(inline);
        }
    }

    @Test
    void settingsGoInTheInitializeRequestOrInAFileKeptWhileTheCliRuns() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("model", "haiku");
        values.put("sandbox", Map.of("enabled", false));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().settings(values)
                .sandbox(Map.of("excludedCommands", List.of("docker"))).build();
        String merged = "{\"model\":\"haiku\",\"sandbox\":{\"excludedCommands\":[\"docker\"]}}";

        ConfigDelivery.Plan newer = plan(options, NEW, files());
        assertThat(newer.arguments()).containsExactly("--initialize-fields=settings", "--await-initialize");
        assertThat(Json.write(newer.initialize().get("settings"))).isEqualTo(merged);

        LaunchFiles files = files();
        ConfigDelivery.Plan older = plan(options, OLD, files);
        String path = only(files.files().keySet());
        assertThat(older.arguments()).containsExactly("--settings=" + path);
        assertThat(files.files().get(path)).isEqualTo(merged);

        ConfigDelivery.Plan file = plan(ClaudeCodeOptions.builder().settings(Path.of("s.json")).build(), NEW, files());
        assertThat(file.arguments()).containsExactly("--settings=s.json");
    }

    @Test
    void anEnabledSandboxMustBeAvailableUnlessTheCallerSaysOtherwise() {
        Map<String, Object> lenient = new LinkedHashMap<>();
        lenient.put("enabled", true);
        lenient.put("failIfUnavailable", false);

        assertThat(Json.write(plan(ClaudeCodeOptions.builder().sandbox(Map.of("enabled", true)).build(), NEW, files())
                .initialize().get("settings"))).isEqualTo("{\"sandbox\":{\"enabled\":true,\"failIfUnavailable\":true}}");
        assertThat(Json.write(plan(ClaudeCodeOptions.builder().sandbox(lenient).build(), NEW, files())
                .initialize().get("settings"))).isEqualTo("{\"sandbox\":{\"enabled\":true,\"failIfUnavailable\":false}}");
    }

    @Test
    void managedSettingsGoInTheInitializeRequestOfANewCli() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().managedSettings(Map.of("x", 1)).build();

        ConfigDelivery.Plan newer = plan(options, NEW, files());
        assertThat(newer.arguments()).containsExactly("--managed-settings-in-initialize", "--await-initialize");
        assertThat(newer.initialize()).containsEntry("managedSettings", Map.of("x", 1));
        // an older CLI takes them only as JSON text
        assertThat(plan(options, OLD, files()).arguments()).containsExactly("--managed-settings={\"x\":1}");
    }

    @Test
    void noSecretOfTheOptionsIsInAnyArgumentOnEitherRoute(@org.junit.jupiter.api.io.TempDir Path dir) {
        ClaudeCodeOptions options = servers()
                .mcpConfig("{\"mcpServers\":{\"x\":{\"command\":\"x\",\"env\":{\"K\":\"" + TOKEN + "\"}}}}")
                .settings(Settings.of(Map.of("env", Map.of("GITHUB_TOKEN", SETTING))))
                .apiKey(OptionsFixtures.API_KEY)
                .build();
        for (String version : new String[] {NEW, OLD, null}) {
            LaunchFiles files = files();
            List<String> arguments = CliArguments.of(options, plan(options, version, files).arguments());
            assertThat(arguments).as(version).noneMatch(argument -> argument.contains(TOKEN) || argument.contains(BEARER)
                    || argument.contains(SETTING) || argument.contains(OptionsFixtures.API_KEY));
        }
        assertThat(LaunchSecrets.of(options)).contains(TOKEN, BEARER, SETTING, OptionsFixtures.API_KEY);
    }

    @Test
    void versionsFromTheFirstThatReadsTheInitializeRequestOn() {
        assertThat(ConfigDelivery.readsInitialize("2.1.326")).isTrue();
        assertThat(ConfigDelivery.readsInitialize("2.1.332")).isTrue();
        assertThat(ConfigDelivery.readsInitialize("2.2.0")).isTrue();
        assertThat(ConfigDelivery.readsInitialize("2.1.325")).isFalse();
        assertThat(ConfigDelivery.readsInitialize("2.1.197")).isFalse();
        assertThat(ConfigDelivery.readsInitialize("not a version")).isFalse();
        assertThat(CliVersionProbe.parse("2.1.332 (Claude Code)\n")).contains("2.1.332");
        assertThat(CliVersionProbe.parse("claude 2.1.332")).isEmpty();
        assertThat(CliVersionProbe.parse("2.1.3320x")).isEmpty();
        assertThat(CliVersionProbe.parse("")).isEmpty();
    }

    private static String only(java.util.Collection<String> values) {
        assertThat(values).hasSize(1);
        return values.iterator().next();
    }
}
