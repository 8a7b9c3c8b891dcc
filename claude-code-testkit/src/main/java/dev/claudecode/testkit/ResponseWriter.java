package dev.claudecode.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Writes the HTTP answers of {@link FakeClaudeApi}: JSON bodies, API errors and SSE streams. */
final class ResponseWriter {

    private final AtomicLong requestIds = new AtomicLong();

    /**
     * Sends a JSON body.
     *
     * @param exchange the exchange
     * @param status the HTTP status
     * @param body plain Java values
     * @param headers extra headers
     * @throws IOException when the client went away
     */
    void json(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        byte[] bytes = TestkitJson.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        addHeaders(exchange, headers);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends an API error in the API's shape.
     *
     * @param exchange the exchange
     * @param error the error
     * @throws IOException when the client went away
     */
    void error(HttpExchange exchange, ErrorReply error) throws IOException {
        String requestId = nextRequestId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("error", Map.of("type", error.type(), "message", error.message()));
        body.put("request_id", requestId);
        exchange.getResponseHeaders().set("request-id", requestId);
        json(exchange, error.status(), body, error.headers());
    }

    /**
     * Sends a message: as SSE events when the request asked for a stream, else as one JSON body.
     *
     * @param exchange the exchange
     * @param reply the scripted reply
     * @param message the reply made concrete for this request
     * @param stream whether to stream
     * @throws IOException when the client went away
     * @throws InterruptedException when the server is closing during an event delay
     */
    void message(HttpExchange exchange, MessageReply reply, RenderedMessage message, boolean stream)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("request-id", nextRequestId());
        if (!stream) {
            json(exchange, 200, message.toJson(), reply.headers());
            return;
        }
        exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        addHeaders(exchange, reply.headers());
        // length 0 selects chunked transfer, which lets each event reach the client as it is written
        exchange.sendResponseHeaders(200, 0);
        List<SseEvent> events = message.events();
        Duration delay = reply.eventDelay();
        try (OutputStream out = exchange.getResponseBody()) {
            SseWriter writer = new SseWriter(out);
            for (int i = 0; i < events.size(); i++) {
                if (i > 0 && delay.isPositive()) {
                    Thread.sleep(delay);
                }
                writer.write(events.get(i));
            }
        }
    }

    private String nextRequestId() {
        return "req_fake_" + requestIds.incrementAndGet();
    }

    private static void addHeaders(HttpExchange exchange, Map<String, String> headers) {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    }
}
