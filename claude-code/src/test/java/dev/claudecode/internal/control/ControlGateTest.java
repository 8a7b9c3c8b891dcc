package dev.claudecode.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.CliProcessException;
import dev.claudecode.errors.ControlTimeoutException;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ControlChannel;
import dev.claudecode.internal.protocol.StdinWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlGateTest {

    private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    private final ControlChannel channel = new ControlChannel(new StdinWriter(stdin), (subtype, request) -> Json.object());

    private synchronized List<JsonNode> written() {
        return stdin.toString(StandardCharsets.UTF_8).lines().map(Json::parse).toList();
    }

    private List<String> writtenSubtypes() {
        return written().stream().map(line -> line.path("request").path("subtype").asString()).toList();
    }

    private void answer(JsonNode line, String payload) {
        channel.onResponse(Json.parse("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\""
                + line.path("request_id").asString() + "\",\"response\":" + payload + "}}"));
    }

    private void awaitWritten(int lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (written().size() < lines && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(written()).hasSizeGreaterThanOrEqualTo(lines);
    }

    @Test
    void requestsWaitForTheHandshakeThenGoOutInTheOrderTheyWereAskedFor() throws Exception {
        CompletableFuture<JsonNode> initialize = channel.request(ControlRequests.generic("initialize", java.util.Map.of()), Duration.ofSeconds(5));
        ControlGate gate = new ControlGate(channel, initialize);
        CompletableFuture<JsonNode> status = gate.request(ControlRequests.mcpStatus(), Duration.ofSeconds(5));
        CompletableFuture<JsonNode> model = gate.request(ControlRequests.setModel(java.util.Optional.of("a")), Duration.ofSeconds(5));
        CompletableFuture<JsonNode> model2 = gate.request(ControlRequests.setModel(java.util.Optional.of("b")), Duration.ofSeconds(5));

        assertThat(writtenSubtypes()).containsExactly("initialize");
        assertThat(gate.isOpen()).isFalse();
        answer(written().getFirst(), "{}");
        awaitWritten(4);

        assertThat(writtenSubtypes()).containsExactly("initialize", "mcp_status", "set_model", "set_model");
        assertThat(written().get(2).path("request").path("model").asString()).isEqualTo("a");
        answer(written().get(1), "{\"mcpServers\":[]}");
        answer(written().get(2), "{}");
        answer(written().get(3), "{}");
        assertThat(status.get(5, TimeUnit.SECONDS).has("mcpServers")).isTrue();
        assertThat(model.get(5, TimeUnit.SECONDS).isEmpty()).isTrue();
        assertThat(model2.get(5, TimeUnit.SECONDS).isEmpty()).isTrue();
        assertThat(gate.isOpen()).isTrue();

        CompletableFuture<JsonNode> later = gate.request(ControlRequests.getContextUsage(), Duration.ofSeconds(5));
        assertThat(writtenSubtypes()).last().isEqualTo("get_context_usage");
        answer(written().getLast(), "{\"totalTokens\":1}");
        assertThat(later.get(5, TimeUnit.SECONDS).path("totalTokens").asInt()).isEqualTo(1);
    }

    @Test
    void aFailedHandshakeFailsWaitingAndLaterRequestsWithItsCause() {
        CompletableFuture<JsonNode> initialize = new CompletableFuture<>();
        ControlGate gate = new ControlGate(channel, initialize);
        CompletableFuture<JsonNode> waiting = gate.request(ControlRequests.mcpStatus(), Duration.ofSeconds(30));
        CliProcessException exited = new CliProcessException("the Claude Code CLI exited unexpectedly", 1,
                "No conversation found with session ID: 00000000-0000-4000-8000-000000000000");

        initialize.completeExceptionally(exited);

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isSameAs(exited);
        assertThatThrownBy(() -> gate.request(ControlRequests.mcpStatus(), Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS))
                .cause().isSameAs(exited);
        assertThat(written()).isEmpty();
    }

    @Test
    void theTimeoutCountsTheWaitAndATimedOutRequestIsNeverSent() throws Exception {
        CompletableFuture<JsonNode> initialize = new CompletableFuture<>();
        ControlGate gate = new ControlGate(channel, initialize);
        CompletableFuture<JsonNode> impatient = gate.request(ControlRequests.getBinaryVersion(), Duration.ofMillis(50));

        assertThatThrownBy(() -> impatient.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ControlTimeoutException.class).hasMessageContaining("get_binary_version");
        initialize.complete(Json.object());
        CompletableFuture<JsonNode> next = gate.request(ControlRequests.mcpStatus(), Duration.ofSeconds(5));
        awaitWritten(1);

        assertThat(writtenSubtypes()).containsExactly("mcp_status");
        answer(written().getFirst(), "{}");
        assertThat(next.get(5, TimeUnit.SECONDS).isEmpty()).isTrue();
    }
}
