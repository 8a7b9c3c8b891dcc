package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which request gets which answer: the script, the default reply, the side-request rule, other paths. */
@ExtendWith(FakeClaudeApiExtension.class)
class FakeClaudeApiRoutingTest {

    @Test
    void sideRequestsDoNotConsumeTheScript(FakeClaudeApi api) {
        api.enqueue(Reply.text("main answer"));
        ApiClient client = new ApiClient(api);

        String title = text(client.postMessages(ApiClient.titleBody("run echo hi")));
        Map<String, Object> otherSide = ApiClient.mainBody("summarise", false);
        otherSide.put("tools", List.of());
        String side = text(client.postMessages(otherSide));
        String main = text(client.postMessages(ApiClient.mainBody("hello", false)));

        assertThat(TestkitJson.toMap(TestkitJson.parse(title))).isEqualTo(Map.of("title", FakeClaudeApi.DEFAULT_TITLE));
        assertThat(side).isEqualTo(FakeClaudeApi.DEFAULT_TEXT);
        assertThat(main).isEqualTo("main answer");
        assertThat(api.requests()).extracting(RecordedRequest::kind)
                .containsExactly(RequestKind.TITLE, RequestKind.SIDE, RequestKind.MAIN);
    }

    @Test
    void anEmptyScriptGivesTheDefaultReply(FakeClaudeApi api) {
        assertThat(text(new ApiClient(api).postMessages(ApiClient.mainBody("hello", false)))).isEqualTo("OK");
    }

    @Test
    void theRulesCanBeReplaced() {
        try (FakeClaudeApi api = FakeClaudeApi.builder()
                .consumesScript(request -> true)
                .defaultReply(Reply.text("nothing left"))
                .start()) {
            api.enqueue(Reply.text("scripted"));
            ApiClient client = new ApiClient(api);

            assertThat(text(client.postMessages(ApiClient.titleBody("x")))).isEqualTo("scripted");
            assertThat(text(client.postMessages(ApiClient.mainBody("y", true)))).isEqualTo("nothing left");
        }
        try (FakeClaudeApi api = FakeClaudeApi.builder()
                .sideReply(request -> Reply.text("side for " + request.kind()))
                .start()) {
            assertThat(text(new ApiClient(api).postMessages(ApiClient.titleBody("x")))).isEqualTo("side for TITLE");
        }
        try (FakeClaudeApi api = FakeClaudeApi.builder().sessionTitle("My title").start()) {
            assertThat(text(new ApiClient(api).postMessages(ApiClient.titleBody("x"))))
                    .isEqualTo("{\"title\":\"My title\"}");
        }
    }

    @Test
    void aDynamicReplyAnswersFromTheRequest(FakeClaudeApi api) {
        api.enqueue(Reply.from(request -> Reply.from(inner -> Reply.text("you said " + inner.lastUserText().orElseThrow()))));

        assertThat(text(new ApiClient(api).postMessages(ApiClient.mainBody("ping", true)))).isEqualTo("you said ping");
    }

    @Test
    void countTokensAnswersWithAnEstimate(FakeClaudeApi api) {
        HttpResponse<String> response = new ApiClient(api).post("/v1/messages/count_tokens?beta=true",
                TestkitJson.write(ApiClient.mainBody("count me", false)));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = TestkitJson.toMap(TestkitJson.parse(response.body()));
        assertThat(body).containsOnlyKeys("input_tokens");
        assertThat(((Number) body.get("input_tokens")).intValue()).isPositive();
        assertThat(api.requests().getFirst().kind()).isEqualTo(RequestKind.COUNT_TOKENS);
    }

    @Test
    void otherPathsAndMethodsGetAnEmptyObject(FakeClaudeApi api) {
        ApiClient client = new ApiClient(api);

        HttpResponse<String> head = client.request("HEAD", "/");
        HttpResponse<String> get = client.request("GET", "/v1/models");
        HttpResponse<String> post = client.post("/api/event_logging/batch", "{\"events\":[]}");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{}");
        assertThat(post.body()).isEqualTo("{}");
        assertThat(api.requests()).extracting(RecordedRequest::kind).containsOnly(RequestKind.OTHER);
        assertThat(api.pendingReplies()).isZero();
    }

    @Test
    void aMessagesBodyThatIsNotJsonGetsA400(FakeClaudeApi api) {
        api.enqueue(Reply.text("kept"));

        HttpResponse<String> response = new ApiClient(api).post("/v1/messages", "this is not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_request_error");
        assertThat(api.requests().getFirst().rawBody()).isEqualTo("this is not json");
        assertThat(api.pendingReplies()).isEqualTo(1);
    }

    @Test
    void listensOnLoopbackOnly(FakeClaudeApi api) {
        assertThat(api.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(api.port()).isPositive();
        assertThat(api.baseUrl().getPort()).isEqualTo(api.port());
    }

    /** The text of a message response, streamed or not. */
    static String text(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        if (!body.startsWith("event:")) {
            return TestkitJson.parse(body).get("content").get(0).get("text").stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (ApiClient.Event event : ApiClient.events(body)) {
            if (event.name().equals("content_block_delta") && event.data().get("delta").has("text")) {
                text.append(event.data().get("delta").get("text").stringValue());
            }
        }
        return text.toString();
    }
}
