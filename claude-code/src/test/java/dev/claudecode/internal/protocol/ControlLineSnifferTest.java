package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.errors.ProtocolException;
import dev.claudecode.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ControlLineSnifferTest {

    private static final int DEEP = 100_000;

    private static byte[] bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void findsTheIdOfARequestNestedFarDeeperThanTheParserAllows() {
        byte[] line = bytes("{\"type\":\"control_request\",\"request_id\":\"cli-\\\"7\",\"request\":{\"subtype\":\"can_use_tool\","
                + "\"input\":" + nested(DEEP) + "}}");
        assertThat(ControlLineSniffer.sniff(line, 0, line.length))
                .contains(new ControlLineSniffer.Control(true, "cli-\\\"7"));
    }

    @Test
    void findsTheIdAnAnswerNamesInsideItsResponse() {
        byte[] line = bytes("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"req_3\","
                + "\"response\":{\"x\":" + nested(DEEP) + ",\"request_id\":\"inner\"}}}");
        assertThat(ControlLineSniffer.sniff(line, 0, line.length)).contains(new ControlLineSniffer.Control(false, "req_3"));
    }

    @Test
    void findsNothingInOtherLinesOrInIdsBelowTheTopLevel() {
        byte[] assistant = bytes("{\"type\":\"assistant\",\"message\":" + nested(DEEP) + "}");
        byte[] nestedOnly = bytes("{\"request\":{\"type\":\"control_request\",\"request_id\":\"x\"}}");
        byte[] garbage = bytes("not json at all \"");
        assertThat(ControlLineSniffer.sniff(assistant, 0, assistant.length)).isEmpty();
        assertThat(ControlLineSniffer.sniff(nestedOnly, 0, nestedOnly.length)).isEmpty();
        assertThat(ControlLineSniffer.sniff(garbage, 0, garbage.length)).isEmpty();
    }

    @Test
    void aRequestNested100kDeepIsAnsweredWithAnErrorAndTheStreamGoesOn() {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        ControlChannel control = new ControlChannel(new StdinWriter(stdin), (subtype, request) -> Json.object());
        List<ProtocolException> errors = new java.util.ArrayList<>();
        List<String> messages = new java.util.ArrayList<>();
        StdoutRouter router = new StdoutRouter(control, message -> messages.add(message.type()), errors::add);
        byte[] line = bytes("{\"type\":\"control_request\",\"request_id\":\"cli-1\",\"request\":{\"subtype\":\"hook_callback\","
                + "\"input\":" + nested(DEEP) + "}}");
        router.line(line, 0, line.length);
        byte[] next = bytes("{\"type\":\"keep_alive\"}");
        router.line(next, 0, next.length);

        List<JsonNode> written = stdin.toString(StandardCharsets.UTF_8).lines().map(Json::parse).toList();
        assertThat(written).hasSize(1);
        JsonNode response = written.get(0).path("response");
        assertThat(written.get(0).path("type").asString()).isEqualTo("control_response");
        assertThat(response.path("subtype").asString()).isEqualTo("error");
        assertThat(response.path("request_id").asString()).isEqualTo("cli-1");
        assertThat(response.path("error").asString()).contains("could not be read").containsIgnoringCase("nesting depth");
        assertThat(errors).hasSize(1);
    }

    @Test
    void anAnswerNested100kDeepFailsTheRequestItAnswers() {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        ControlChannel control = new ControlChannel(new StdinWriter(stdin), (subtype, request) -> Json.object());
        ObjectNode request = Json.object();
        request.put("subtype", "mcp_status");
        CompletableFuture<JsonNode> answer = control.request(request, Duration.ofSeconds(30));
        String id = Json.parse(stdin.toString(StandardCharsets.UTF_8).strip()).path("request_id").asString();
        StdoutRouter router = new StdoutRouter(control, message -> { }, error -> { });
        byte[] line = bytes("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"" + id
                + "\",\"response\":" + nested(DEEP) + "}}");
        router.line(line, 0, line.length);
        assertThat(answer).isCompletedExceptionally();
        assertThat(answer.exceptionNow()).isInstanceOf(ProtocolException.class).hasMessageContaining("could not be read");
    }
}
