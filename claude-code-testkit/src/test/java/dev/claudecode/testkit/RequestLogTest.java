package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request log and the parsed view of each request. */
@ExtendWith(FakeClaudeApiExtension.class)
class RequestLogTest {

    @Test
    void recordsTheParsedBodyOfAMainRequest(FakeClaudeApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "claude-opus-4-8");
        body.put("max_tokens", 64000);
        body.put("stream", true);
        body.put("system", List.of(Map.of("type", "text", "text", "billing"), Map.of("type", "text", "text", "Be brief.")));
        body.put("thinking", Map.of("type", "adaptive"));
        body.put("tools", List.of(Map.of("name", "Bash"), Map.of("name", "Read")));
        body.put("messages", List.of(
                Map.of("role", "user", "content", List.of(
                        Map.of("type", "text", "text", "<system-reminder>\ncontext\n</system-reminder>\n\n"),
                        Map.of("type", "text", "text", "run echo hi"))),
                Map.of("role", "system", "content", "Available agent types"),
                Map.of("role", "assistant", "content", List.of(
                        Map.of("type", "text", "text", "Running it."),
                        Map.of("type", "tool_use", "id", "toolu_1", "name", "Bash", "input", Map.of("command", "echo hi")))),
                Map.of("role", "user", "content", List.of(
                        Map.of("type", "tool_result", "tool_use_id", "toolu_1", "content", "hi", "is_error", false)))));

        new ApiClient(api).postMessages(body);

        RecordedRequest request = api.lastMainRequest().orElseThrow();
        assertThat(request.index()).isZero();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.query()).isEqualTo("beta=true");
        assertThat(request.header("X-API-KEY")).contains("sk-test");
        assertThat(request.sessionId()).contains("session-1");
        assertThat(request.isMain()).isTrue();
        assertThat(request.isSide()).isFalse();
        assertThat(request.model()).contains("claude-opus-4-8");
        assertThat(request.maxTokens()).contains(64000L);
        assertThat(request.stream()).isTrue();
        assertThat(request.systemText()).isEqualTo("billing\nBe brief.");
        assertThat(request.thinking()).isEqualTo(Map.of("type", "adaptive"));
        assertThat(request.toolNames()).containsExactly("Bash", "Read");
        assertThat(request.messages()).extracting(ApiMessage::role).containsExactly("user", "system", "assistant", "user");
        assertThat(request.messages().get(1).content())
                .containsExactly(Map.of("type", "text", "text", "Available agent types"));
        assertThat(request.messages().get(2).text()).isEqualTo("Running it.");
        assertThat(request.userTexts()).containsExactly("run echo hi");
        assertThat(request.lastUserText()).contains("run echo hi");
        assertThat(request.allUserText()).isEqualTo("run echo hi");
        assertThat(request.toolUses()).singleElement().satisfies(use -> assertThat(use).containsEntry("name", "Bash"));
        assertThat(request.toolResults()).containsExactly(
                new ToolResult("toolu_1", Optional.of("Bash"), "hi", false, "hi"));
        assertThat(request.body()).containsKeys("model", "messages");
        assertThat(request.rawBody()).contains("\"run echo hi\"");
    }

    @Test
    void readsToolResultsWithBlockContentAndErrors(FakeClaudeApi api) {
        Map<String, Object> body = ApiClient.mainBody("unused", false);
        body.put("messages", List.of(Map.of("role", "user", "content", List.of(
                Map.of("type", "tool_result", "tool_use_id", "toolu_9", "is_error", true,
                        "content", List.of(Map.of("type", "text", "text", "line 1"), Map.of("type", "text", "text", "line 2")))))));

        new ApiClient(api).postMessages(body);

        ToolResult result = api.lastMainRequest().orElseThrow().toolResults().getFirst();
        assertThat(result.toolName()).isEmpty();
        assertThat(result.isError()).isTrue();
        assertThat(result.text()).isEqualTo("line 1\nline 2");
        assertThat(result.content()).isInstanceOf(List.class);
    }

    @Test
    void separatesMainAndSideRequests(FakeClaudeApi api) {
        ApiClient client = new ApiClient(api);
        client.postMessages(ApiClient.titleBody("x"));
        client.postMessages(ApiClient.mainBody("first", true));
        client.postMessages(ApiClient.mainBody("second", true));

        RequestLog log = api.log();
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.side()).singleElement().satisfies(request -> assertThat(request.isSide()).isTrue());
        assertThat(log.main()).extracting(request -> request.lastUserText().orElseThrow()).containsExactly("first", "second");
        assertThat(log.last().orElseThrow().lastUserText()).contains("second");
        assertThat(log.matching(request -> request.kind() == RequestKind.TITLE)).hasSize(1);
        assertThat(log.toString()).contains("TITLE").contains("\"second\"");

        log.clear();
        assertThat(log.all()).isEmpty();
        assertThat(log.lastMain()).isEmpty();
        client.postMessages(ApiClient.mainBody("third", true));
        assertThat(log.all().getFirst().index()).isEqualTo(3);
    }

    @Test
    void awaitReturnsOnceRequestsArriveFromAnotherThread(FakeClaudeApi api) throws InterruptedException {
        Thread sender = Thread.ofVirtual().start(() -> {
            ApiClient client = new ApiClient(api);
            client.postMessages(ApiClient.titleBody("x"));
            client.postMessages(ApiClient.mainBody("late", true));
        });

        List<RecordedRequest> main = api.awaitMainRequests(1, Duration.ofSeconds(30));
        List<RecordedRequest> all = api.awaitRequests(2, Duration.ofSeconds(30));
        sender.join();

        assertThat(main).singleElement().satisfies(request -> assertThat(request.lastUserText()).contains("late"));
        assertThat(all).hasSize(2);
    }

    @Test
    void awaitFailsWithWhatArrivedWhenTooFewCome(FakeClaudeApi api) {
        new ApiClient(api).postMessages(ApiClient.titleBody("only a title"));

        assertThatThrownBy(() -> api.awaitMainRequests(1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 1 matching requests")
                .hasMessageContaining("TITLE");
    }
}
