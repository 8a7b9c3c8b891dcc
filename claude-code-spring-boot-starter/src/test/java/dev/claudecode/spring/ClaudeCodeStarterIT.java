package dev.claudecode.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.Session;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.micrometer.ClaudeCodeMetrics;
import dev.claudecode.micrometer.MeterNames;
import dev.claudecode.opentelemetry.ClaudeCodeTracing;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The starter in a Spring Boot application with the real CLI against {@link FakeClaudeApi}: the
 * application starts, a turn runs through the injected {@link ClaudeCodeSessions} with the
 * callback and MCP tool beans, metrics and traces are recorded, and the health endpoint reports the CLI.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        // no database in this application: the JDBC store has a test of its own
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always",
        "claude-code.model=sonnet",
        "claude-code.max-turns=5",
        "claude-code.control-timeout=30s"})
class ClaudeCodeStarterIT {

    private static FakeClaudeApi api;
    private static Path cwd;

    @Autowired
    ClaudeCodeSessions sessions;
    @Autowired
    TestApplication.Weather weather;
    @Autowired
    List<String> permissionPrompts;
    @Autowired
    MeterRegistry meterRegistry;
    @Autowired
    InMemorySpanExporter spans;
    @Autowired
    ClaudeCodeMetrics metrics;
    @Autowired
    ClaudeCodeTracing tracing;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void claudeCode(DynamicPropertyRegistry registry) throws IOException {
        api = FakeClaudeApi.start();
        cwd = Files.createTempDirectory("claude-starter-");
        registry.add("claude-code.cli-path", () -> TestCli.path().toString());
        registry.add("claude-code.cwd", cwd::toString);
        api.environment().forEach((name, value) -> registry.add("claude-code.env[" + name + "]", () -> value));
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @Test
    void aTurnRunsThroughTheInjectedFactoryWithTheBeansCallbacks() throws Exception {
        assertThat(sessions.options().model()).contains("sonnet");
        assertThat(sessions.options().maxTurns()).hasValue(5);
        assertThat(sessions.options().observers()).contains(metrics, tracing);
        api.enqueue(Reply.toolUse("mcp__weather__temperature", Map.of("city", "Oslo")), Reply.text("It is 4.5 degrees."));

        try (Session session = sessions.start()) {
            ResultMessage result = session.query("How warm is it in Oslo?");
            assertThat(result.isError()).isFalse();
            assertThat(result.result()).contains("It is 4.5 degrees.");
        }
        assertThat(weather.cities).containsExactly("Oslo");
        assertThat(permissionPrompts).containsExactly("mcp__weather__temperature");
        assertThat(api.log().main().get(1).toolResults().getLast().text()).contains("4.5");

        awaitUntil(() -> meterRegistry.find(MeterNames.TURNS).timer() != null && !spans.getFinishedSpanItems().isEmpty()
                && spans.getFinishedSpanItems().stream().anyMatch(span -> span.getName().equals("claude_code.turn")));
        assertThat(meterRegistry.get(MeterNames.TURNS).timer().count()).isEqualTo(1);
        assertThat(meterRegistry.get(MeterNames.CALLBACKS).tag("kind", "mcp_tool").timer().count()).isEqualTo(1);
        assertThat(spans.getFinishedSpanItems()).extracting(span -> span.getName())
                .contains("claude_code.turn", "claude_code.tool_use", "claude_code.callback", "claude_code.cli.launch");
    }

    @Test
    void theHealthEndpointReportsTheCliAndItsVersion() throws Exception {
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/claudeCode"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = Json.parse(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("details").path("version").asString()).isEqualTo(TestCli.version());
        assertThat(health.path("details").path("supported").asBoolean()).isTrue();
        assertThat(health.path("details").path("path").asString()).isEqualTo(TestCli.path().toString());
    }

    @Test
    void thePropertiesComeWithMetadataForIdeCompletion() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            JsonNode metadata = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> names = metadata.path("properties").valueStream().map(p -> p.path("name").asString()).toList();
            assertThat(names).contains("claude-code.model", "claude-code.cli-path", "claude-code.permission-mode",
                    "claude-code.session-store.jdbc-enabled", "claude-code.mcp.server-name", "claude-code.tracing.propagate-to-cli");
            assertThat(metadata.path("properties").valueStream())
                    .allSatisfy(property -> assertThat(property.path("description").asString()).isNotBlank());
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
