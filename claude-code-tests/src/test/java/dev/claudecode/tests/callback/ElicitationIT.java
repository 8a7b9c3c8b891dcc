package dev.claudecode.tests.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.elicitation.ElicitationField;
import dev.claudecode.elicitation.ElicitationHandler;
import dev.claudecode.elicitation.ElicitationMode;
import dev.claudecode.elicitation.ElicitationRequest;
import dev.claudecode.elicitation.ElicitationResult;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.testkit.ElicitingMcpServer;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * MCP elicitation end to end: a real stdio MCP server ({@link ElicitingMcpServer}, a JVM of its
 * own) asks for input during a tool call the scripted model makes; the CLI relays the question
 * as an {@code elicitation} control request; the session's Java handler answers; and the tool
 * result the CLI sends back to the model carries that answer.
 *
 * <p>The {@code elicitation} control request is older than the oldest supported CLI (2.1.197
 * relays forms); URL steps need 2.1.281 or newer.
 */
@ExtendWith(FakeClaudeApiExtension.class)
@Timeout(180)
class ElicitationIT {

    static final String TOOL = "mcp__asker__" + ElicitingMcpServer.TOOL;
    /** The first CLI that declares URL elicitation to MCP servers ({@code {"form":{},"url":{}}}). */
    static final String URL_STEPS_SINCE = "2.1.281";
    static final Map<String, Object> SIGN_UP = Map.of("type", "object", "required", List.of("name"),
            "properties", Map.of(
                    "name", Map.of("type", "string", "title", "Your name"),
                    "age", Map.of("type", "integer", "minimum", 0),
                    "color", Map.of("type", "string", "enum", List.of("red", "green", "blue"))));

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                .mcpServer("asker", ElicitingMcpServer.config())
                .allowedTools(TOOL);
    }

    private static Session started(ClaudeCodeOptions options) throws InterruptedException {
        Session session = ClaudeCode.start(options);
        // the CLI does not wait for a stdio server before a turn, and a JVM needs a moment to start
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!connected(session) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(connected(session)).as("the eliciting MCP server connected").isTrue();
        return session;
    }

    private static boolean connected(Session session) {
        return session.control().mcpStatus().stream().anyMatch(server -> server.name().equals("asker") && server.isConnected());
    }

    /** @return the answer the MCP server got, as its tool result reached the model */
    private static JsonNode answerTheServerGot(FakeClaudeApi api) {
        ToolResult result = api.log().main().get(1).toolResults().getLast();
        assertThat(result.isError()).as(result.text()).isFalse();
        return Json.parse(result.text());
    }

    @Test
    void aFormAnsweredInJavaReachesTheServerAndTheModel(FakeClaudeApi api) throws Exception {
        List<ElicitationRequest> asked = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("Who are you?", SIGN_UP)), Reply.text("Welcome, Ada."));
        ElicitationHandler handler = request -> {
            asked.add(request);
            threads.add(Thread.currentThread().getName());
            return ElicitationResult.accept(request.parseForm(Map.of("name", "Ada", "age", "36", "color", "Green")));
        };
        try (Session session = started(options(api).onElicitation(handler).build())) {
            ResultMessage result = session.query("sign me up");
            assertThat(result.result()).contains("Welcome, Ada.");
        }
        ElicitationRequest request = asked.getFirst();
        assertThat(request.serverName()).isEqualTo("asker");
        assertThat(request.message()).isEqualTo("Who are you?");
        assertThat(request.mode()).isEqualTo(ElicitationMode.FORM);
        assertThat(request.fields()).extracting(ElicitationField::name).containsExactlyInAnyOrder("name", "age", "color");
        assertThat(request.fields()).filteredOn(ElicitationField::required).extracting(ElicitationField::name).containsExactly("name");
        assertThat(threads.getFirst()).startsWith("claude-code-elicitation-");
        assertThat(answerTheServerGot(api)).isEqualTo(Json.parse(
                "{\"action\":\"accept\",\"content\":{\"name\":\"Ada\",\"age\":36,\"color\":\"green\"}}"));
    }

    @Test
    void withoutAHandlerTheQuestionIsDeclined(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("Who are you?", SIGN_UP)), Reply.text("Declined."));
        try (Session session = started(options(api).build())) {
            session.query("sign me up");
        }
        assertThat(answerTheServerGot(api)).isEqualTo(Json.parse("{\"action\":\"decline\"}"));
    }

    @Test
    void aHandlerCancelsAQuestion(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("Who are you?", SIGN_UP)), Reply.text("Cancelled."));
        try (Session session = started(options(api).onElicitation(request -> ElicitationResult.cancel()).build())) {
            session.query("sign me up");
        }
        assertThat(answerTheServerGot(api)).isEqualTo(Json.parse("{\"action\":\"cancel\"}"));
    }

    @Test
    void aUrlStepReachesTheHandlerWithItsLink(FakeClaudeApi api) throws Exception {
        Assumptions.assumeTrue(CliVersionRange.compare(TestCli.version(), URL_STEPS_SINCE) >= 0, "CLI " + TestCli.version()
                + " declares only form elicitation to MCP servers (capabilities.elicitation = {}); URL steps came in " + URL_STEPS_SINCE);
        List<ElicitationRequest> asked = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.url("Sign in to Example", "https://example.test/oauth?state=1")),
                Reply.text("Signed in."));
        try (Session session = started(options(api).onElicitation(request -> {
            asked.add(request);
            return ElicitationResult.accept();
        }).build())) {
            session.query("connect my account");
        }
        ElicitationRequest request = asked.getFirst();
        assertThat(request.mode()).isEqualTo(ElicitationMode.URL);
        assertThat(request.url()).contains("https://example.test/oauth?state=1");
        assertThat(request.elicitationId()).isPresent();
        assertThat(answerTheServerGot(api)).isEqualTo(Json.parse("{\"action\":\"accept\"}"));
    }

    @Test
    void anInterruptedTurnWithdrawsTheQuestionAndInterruptsTheHandler(FakeClaudeApi api) throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        api.enqueue(Reply.toolUse(TOOL, ElicitingMcpServer.form("Who are you?", SIGN_UP)), Reply.text("Still here."));
        try (Session session = started(options(api).onElicitation(request -> {
            asked.countDown();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return ElicitationResult.decline();
        }).build())) {
            try (MessageStream turn = session.stream("sign me up")) {
                assertThat(asked.await(60, TimeUnit.SECONDS)).isTrue();
                session.interrupt();
                assertThat(turn.result().isError()).isTrue();
            }
            assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the CLI withdrew the question").isTrue();
            assertThat(session.query("are you there?").result()).contains("Still here.");
        }
    }
}
