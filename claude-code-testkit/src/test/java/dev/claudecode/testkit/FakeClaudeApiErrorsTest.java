package dev.claudecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HTTP error replies in the API's error shape, and failures of reply functions. */
@ExtendWith(FakeClaudeApiExtension.class)
class FakeClaudeApiErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error",
        "401, authentication_error",
        "429, rate_limit_error",
        "500, api_error",
        "529, overloaded_error",
    })
    void answersAnErrorStatusWithTheApisErrorBody(int status, String type, FakeClaudeApi api) {
        api.enqueue(Reply.error(status));

        HttpResponse<String> response = new ApiClient(api).postMessages(ApiClient.mainBody("x", true));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        Map<String, Object> body = TestkitJson.toMap(TestkitJson.parse(response.body()));
        assertThat(body).containsEntry("type", "error");
        assertThat(body.get("error")).isInstanceOfSatisfying(Map.class, error -> {
            assertThat(error.get("type")).isEqualTo(type);
            assertThat(error.get("message")).isInstanceOf(String.class);
        });
        assertThat(body.get("request_id")).isEqualTo(response.headers().firstValue("request-id").orElseThrow());
    }

    @Test
    void sendsExtraHeadersAndACustomMessage(FakeClaudeApi api) {
        api.enqueue(Reply.error(429).withRetryAfter(Duration.ofMillis(1500)).withMessage("slow down"),
                Reply.error(500, "api_error", "boom").withHeader("x-should-retry", "false"));
        ApiClient client = new ApiClient(api);

        HttpResponse<String> limited = client.postMessages(ApiClient.mainBody("x", true));
        HttpResponse<String> failed = client.postMessages(ApiClient.mainBody("x", true));

        assertThat(limited.headers().firstValue("retry-after")).contains("2");
        assertThat(limited.body()).contains("\"message\":\"slow down\"");
        assertThat(failed.headers().firstValue("x-should-retry")).contains("false");
        assertThat(failed.body()).contains("\"message\":\"boom\"");
    }

    @Test
    void aThrowingReplyFunctionGivesA500AndIsKeptAsAFailure(FakeClaudeApi api) {
        api.enqueue(Reply.from(request -> {
            throw new IllegalArgumentException("no answer for " + request.lastUserText().orElse(""));
        }));

        HttpResponse<String> response = new ApiClient(api).postMessages(ApiClient.mainBody("question", true));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("no answer for question");
        assertThat(api.failures()).singleElement().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsStatusesThatAreNotErrors() {
        assertThatThrownBy(() -> Reply.error(200)).isInstanceOf(IllegalArgumentException.class);
    }
}
