package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The SSE stream and the non-streaming message, as the CLI reads them. */
@ExtendWith(FakeClaudeApiExtension.class)
class FakeClaudeApiStreamingTest {

    @Test
    void streamsATextReplyWithTheApisEventSequence(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"));

        HttpResponse<String> response = new ApiClient(api).postMessages(ApiClient.mainBody("What is 5 + 3?", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("request-id")).hasValueSatisfying(
                id -> assertThat(id).startsWith("req_fake_"));
        List<ApiClient.Event> events = ApiClient.events(response.body());
        assertThat(events).extracting(ApiClient.Event::name).containsExactly("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");

        JsonNode message = events.get(0).data().get("message");
        assertThat(message.get("id").stringValue()).startsWith("msg_fake_");
        assertThat(message.get("model").stringValue()).isEqualTo("claude-test-model");
        assertThat(message.get("role").stringValue()).isEqualTo("assistant");
        assertThat(message.get("content").isEmpty()).isTrue();
        assertThat(message.get("usage").get("input_tokens").asLong()).isEqualTo(10);
        assertThat(message.get("usage").get("output_tokens").asLong()).isEqualTo(1);
        assertThat(events.get(2).data().get("content_block").get("type").stringValue()).isEqualTo("text");
        assertThat(events.get(3).data().get("delta").get("type").stringValue()).isEqualTo("text_delta");
        assertThat(events.get(3).data().get("delta").get("text").stringValue()).isEqualTo("8");
        JsonNode messageDelta = events.get(5).data();
        assertThat(messageDelta.get("delta").get("stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(messageDelta.get("usage").get("output_tokens").asLong()).isEqualTo(5);
    }

    @Test
    void streamsThinkingTextAndChunkedToolUseInOneReply(FakeClaudeApi api) {
        Map<String, Object> input = Map.of("command", "echo hello-world", "description", "Print it");
        api.enqueue(Reply.builder()
                .thinking("Let me think.", "c2ln")
                .text("Running it.")
                .toolUse("Bash", input)
                .textChunkSize(4)
                .jsonChunkSize(7)
                .usage(Usage.of(123, 45))
                .build());

        List<ApiClient.Event> events = ApiClient.events(
                new ApiClient(api).postMessages(ApiClient.mainBody("go", true)).body());

        assertThat(deltas(events, 0, "thinking_delta", "thinking")).containsExactly("Let ", "me t", "hink", ".");
        assertThat(deltas(events, 0, "signature_delta", "signature")).containsExactly("c2ln");
        assertThat(String.join("", deltas(events, 1, "text_delta", "text"))).isEqualTo("Running it.");
        List<String> json = deltas(events, 2, "input_json_delta", "partial_json");
        assertThat(json).hasSizeGreaterThan(1).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(7));
        assertThat(TestkitJson.toMap(TestkitJson.parse(String.join("", json)))).isEqualTo(input);
        JsonNode toolStart = events.stream()
                .filter(event -> event.name().equals("content_block_start") && event.data().get("index").asInt() == 2)
                .findFirst().orElseThrow().data().get("content_block");
        assertThat(toolStart.get("type").stringValue()).isEqualTo("tool_use");
        assertThat(toolStart.get("id").stringValue()).isEqualTo("toolu_fake_1");
        assertThat(toolStart.get("name").stringValue()).isEqualTo("Bash");
        assertThat(toolStart.get("input").isEmpty()).isTrue();
        JsonNode messageDelta = events.get(events.size() - 2).data();
        assertThat(messageDelta.get("delta").get("stop_reason").stringValue()).isEqualTo("tool_use");
        assertThat(messageDelta.get("usage").get("output_tokens").asLong()).isEqualTo(45);
        assertThat(events.getFirst().data().get("message").get("usage").get("input_tokens").asLong()).isEqualTo(123);
    }

    @Test
    void numbersToolUseIdsAcrossRepliesAndKeepsExplicitIds(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("Read", Map.of("file_path", "/a")),
                Reply.builder().toolUse("toolu_mine", "Read", Map.of("file_path", "/b"))
                        .toolUse("Read", Map.of("file_path", "/c")).build());
        ApiClient client = new ApiClient(api);

        JsonNode first = TestkitJson.parse(client.postMessages(ApiClient.mainBody("a", false)).body());
        JsonNode second = TestkitJson.parse(client.postMessages(ApiClient.mainBody("b", false)).body());

        assertThat(first.get("content").get(0).get("id").stringValue()).isEqualTo("toolu_fake_1");
        assertThat(second.get("content").get(0).get("id").stringValue()).isEqualTo("toolu_mine");
        assertThat(second.get("content").get(1).get("id").stringValue()).isEqualTo("toolu_fake_2");
    }

    @Test
    void answersANonStreamingRequestWithOneJsonMessage(FakeClaudeApi api) {
        api.enqueue(Reply.builder().text("Hello").redactedThinking("UkVE").stopReason("max_tokens")
                .model("claude-other").header("x-extra", "yes").build());

        HttpResponse<String> response = new ApiClient(api).postMessages(ApiClient.mainBody("hi", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("x-extra")).contains("yes");
        Map<String, Object> message = TestkitJson.toMap(TestkitJson.parse(response.body()));
        assertThat(message).containsEntry("type", "message").containsEntry("role", "assistant")
                .containsEntry("model", "claude-other").containsEntry("stop_reason", "max_tokens")
                .containsEntry("stop_sequence", null);
        assertThat(message.get("content")).isEqualTo(List.of(Map.of("type", "text", "text", "Hello"),
                Map.of("type", "redacted_thinking", "data", "UkVE")));
        assertThat(message.get("usage")).isEqualTo(Map.of("input_tokens", 10, "output_tokens", 5,
                "cache_creation_input_tokens", 0, "cache_read_input_tokens", 0));
    }

    @Test
    void endsTheStreamWithAnErrorEventAfterNEventsButAnswersNonStreamingInFull(FakeClaudeApi api) {
        MessageReply reply = Reply.builder().text("partial answer").errorAfter(3).build();
        api.enqueue(reply, reply);
        ApiClient client = new ApiClient(api);

        List<ApiClient.Event> events = ApiClient.events(client.postMessages(ApiClient.mainBody("x", true)).body());
        JsonNode fallback = TestkitJson.parse(client.postMessages(ApiClient.mainBody("x", false)).body());

        assertThat(events).extracting(ApiClient.Event::name)
                .containsExactly("message_start", "ping", "content_block_start", "error");
        assertThat(events.getLast().data().get("error").get("type").stringValue()).isEqualTo("overloaded_error");
        assertThat(events.getLast().data().get("error").get("message").stringValue()).isEqualTo("Overloaded");
        assertThat(fallback.get("content").get(0).get("text").stringValue()).isEqualTo("partial answer");
    }

    @Test
    void closeEndsAStreamThatIsPausedBetweenEvents() {
        FakeClaudeApi api = FakeClaudeApi.start();
        try {
            api.enqueue(Reply.builder().text("slow").eventDelay(Duration.ofMinutes(5)).build());
            HttpRequest request = HttpRequest.newBuilder(api.baseUrl().resolve("/v1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(TestkitJson.write(ApiClient.mainBody("x", true)))).build();
            HttpResponse<InputStream> response = new ApiClient(api).send(request, HttpResponse.BodyHandlers.ofInputStream());

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    assertThat(reader.readLine()).isEqualTo("event: message_start");
                    api.close();
                    assertThat(drain(reader)).doesNotContain("message_stop");
                }
            });
        } finally {
            api.close();
        }
    }

    private static String drain(BufferedReader reader) {
        StringBuilder rest = new StringBuilder();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rest.append(line).append('\n');
            }
        } catch (IOException e) {
            // a reset connection ends the stream as well
        }
        return rest.toString();
    }

    private static List<String> deltas(List<ApiClient.Event> events, int index, String type, String field) {
        return events.stream()
                .filter(event -> event.name().equals("content_block_delta") && event.data().get("index").asInt() == index)
                .map(event -> event.data().get("delta"))
                .filter(delta -> delta.get("type").stringValue().equals(type))
                .map(delta -> delta.get(field).stringValue())
                .collect(Collectors.toList());
    }
}
