package dev.claudecode.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.ControlException;
import dev.claudecode.errors.ControlTimeoutException;
import dev.claudecode.internal.callback.UntilInterrupted;
import dev.claudecode.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ControlChannelTest {

    private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();

    private List<JsonNode> written() {
        return stdin.toString(StandardCharsets.UTF_8).lines().map(Json::parse).toList();
    }

    private static ObjectNode request(String subtype) {
        ObjectNode request = Json.object();
        request.put("subtype", subtype);
        return request;
    }

    @Test
    void correlatesResponsesByIdAndTreatsAMissingPayloadAsEmpty() throws Exception {
        ControlChannel channel = new ControlChannel(new StdinWriter(stdin), (s, r) -> Json.object());
        CompletableFuture<JsonNode> first = channel.request(request("set_model"), Duration.ofSeconds(5));
        CompletableFuture<JsonNode> second = channel.request(request("mcp_status"), Duration.ofSeconds(5));
        List<JsonNode> lines = written();
        String firstId = lines.get(0).path("request_id").asString();
        String secondId = lines.get(1).path("request_id").asString();
        assertThat(firstId).isNotEqualTo(secondId);
        assertThat(lines.get(1).path("request").path("subtype").asString()).isEqualTo("mcp_status");

        channel.onResponse(Json.parse("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\""
                + secondId + "\",\"response\":{\"mcpServers\":[]}}}"));
        channel.onResponse(Json.parse("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\""
                + firstId + "\"}}"));
        assertThat(second.get(1, TimeUnit.SECONDS).path("mcpServers").isArray()).isTrue();
        assertThat(first.get(1, TimeUnit.SECONDS).isEmpty()).isTrue();
        assertThat(channel.pendingCount()).isZero();
    }

    @Test
    void aRequestSaysItsAnswerIsDueOnceItIsWritten() {
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger due = new java.util.concurrent.atomic.AtomicInteger();
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                written.incrementAndGet();
            }
        };
        ControlChannel channel = new ControlChannel(new StdinWriter(counting, () -> {
            assertThat(written.get()).as("the hint follows the whole line").isPositive();
            due.incrementAndGet();
        }), (s, r) -> Json.object());
        channel.request(request("mcp_status"), Duration.ofSeconds(5));
        assertThat(due).hasValue(1);
    }

    @Test
    void errorAnswersBecomeControlExceptionsWithTheCliMessage() {
        ControlChannel channel = new ControlChannel(new StdinWriter(stdin), (s, r) -> Json.object());
        CompletableFuture<JsonNode> future = channel.request(request("frobnicate"), Duration.ofSeconds(5));
        String id = written().get(0).path("request_id").asString();
        channel.onResponse(Json.parse("{\"type\":\"control_response\",\"response\":{\"subtype\":\"error\",\"request_id\":\""
                + id + "\",\"error\":\"Unsupported control request subtype: frobnicate\"}}"));
        assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ControlException.class)
                .hasMessageContaining("Unsupported control request subtype: frobnicate");
    }

    @Test
    void unansweredRequestsTimeOut() {
        ControlChannel channel = new ControlChannel(new StdinWriter(stdin), (s, r) -> Json.object());
        CompletableFuture<JsonNode> future = channel.request(request("mcp_status"), Duration.ofMillis(50));
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ControlTimeoutException.class)
                .hasMessageContaining("mcp_status");
        assertThat(channel.pendingCount()).isZero();
    }

    @Test
    void answersCliRequestsOffTheCallingThreadAndTurnsFailuresIntoErrors() throws Exception {
        Thread caller = Thread.currentThread();
        CountDownLatch answered = new CountDownLatch(2);
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                stdin.write(b);
                if (b == '\n') {
                    answered.countDown();
                }
            }
        };
        ControlChannel channel = new ControlChannel(new StdinWriter(counting), (subtype, request) -> {
            assertThat(Thread.currentThread()).isNotSameAs(caller);
            if (subtype.equals("hook_callback")) {
                throw new IllegalStateException("hook exploded");
            }
            ObjectNode ok = Json.object();
            ok.put("behavior", "allow");
            return ok;
        });
        channel.onRequest(Json.parse("{\"type\":\"control_request\",\"request_id\":\"a\",\"request\":{\"subtype\":\"can_use_tool\"}}"));
        channel.onRequest(Json.parse("{\"type\":\"control_request\",\"request_id\":\"b\",\"request\":{\"subtype\":\"hook_callback\"}}"));
        assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
        List<JsonNode> lines = written();
        JsonNode a = lines.stream().filter(l -> l.path("response").path("request_id").asString().equals("a")).findFirst().orElseThrow();
        JsonNode b = lines.stream().filter(l -> l.path("response").path("request_id").asString().equals("b")).findFirst().orElseThrow();
        assertThat(a.path("response").path("response").path("behavior").asString()).isEqualTo("allow");
        assertThat(b.path("response").path("subtype").asString()).isEqualTo("error");
        assertThat(b.path("response").path("error").asString()).isEqualTo("hook exploded");
    }

    @Test
    void aCancelledCliRequestIsInterruptedAndNotAnswered() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        ControlChannel channel = new ControlChannel(new StdinWriter(stdin), (subtype, request) -> {
            call.hang();
            return Json.object();
        });
        channel.onRequest(Json.parse("{\"type\":\"control_request\",\"request_id\":\"slow\",\"request\":{\"subtype\":\"can_use_tool\"}}"));
        assertThat(call.started()).isTrue();
        channel.onCancel(Json.parse("{\"type\":\"control_cancel_request\",\"request_id\":\"slow\"}"));
        assertThat(call.interrupted()).isTrue();
        Thread.sleep(100);
        assertThat(written()).isEmpty();
    }

    @Test
    void failingTheChannelFailsEveryWaitingRequest() {
        ControlChannel channel = new ControlChannel(new StdinWriter(stdin), (s, r) -> Json.object());
        CompletableFuture<JsonNode> future = channel.request(request("mcp_status"), Duration.ofSeconds(30));
        channel.fail(new dev.claudecode.errors.CliProcessException("gone", 137, "killed"));
        assertThatThrownBy(future::get).cause().isInstanceOf(dev.claudecode.errors.CliProcessException.class);
        assertThat(channel.request(request("mcp_status"), Duration.ofSeconds(1))).isCompletedExceptionally();
    }
}
