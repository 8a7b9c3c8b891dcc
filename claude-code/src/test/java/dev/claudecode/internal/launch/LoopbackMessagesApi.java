package dev.claudecode.internal.launch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Anthropic Messages API on 127.0.0.1 for the tests that run the real CLI: it answers
 * every model request with a scripted reply (or the text {@code 8}) as SSE, and records each
 * request so a test can see what the CLI made of its flags.
 */
public final class LoopbackMessagesApi implements AutoCloseable {

    /** One recorded request: its path, its lower-cased headers and its JSON body. */
    record Request(String path, Map<String, String> headers, Map<String, Object> body) {

        /** @return whether this is a main-loop request (the side requests carry no tools) */
        boolean main() {
            return body.get("tools") instanceof List<?> tools && !tools.isEmpty();
        }

        /** @return the system prompt blocks as one JSON text, for containment checks */
        String system() {
            return Json.write(body.get("system"));
        }
    }

    private final HttpServer server;
    private final Deque<Map<String, Object>> replies = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * Starts the server on a free loopback port.
     *
     * @throws IOException when it cannot listen
     */
    public LoopbackMessagesApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** @return the base URL for {@code ANTHROPIC_BASE_URL} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets recorded requests and queued replies. */
    void reset() {
        replies.clear();
        requests.clear();
    }

    /**
     * Queues a reply for the next main-loop request.
     *
     * @param blocks content blocks: {@link #text(String)}, {@link #thinking(String, String)} or
     *     {@link #toolUse(String, Map)}
     */
    public void enqueue(List<Map<String, Object>> blocks) {
        replies.add(Map.of("blocks", blocks));
    }

    /** @return the requests so far */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return the first main-loop request */
    Request firstMain() {
        return requests.stream().filter(Request::main).findFirst()
                .orElseThrow(() -> new AssertionError("the CLI sent no main-loop request; requests: " + requests));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, Object> body = raw.length == 0 ? Map.of() : Json.toMap(Json.parse(new String(raw, StandardCharsets.UTF_8)));
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith("/v1/messages")) {
                send(exchange, "application/json", "{}");
                return;
            }
            if (path.endsWith("/count_tokens")) {
                send(exchange, "application/json", "{\"input_tokens\":42}");
                return;
            }
            Request request = new Request(path, headers, body);
            requests.add(request);
            List<Map<String, Object>> blocks = blocksFor(request);
            if (Boolean.TRUE.equals(body.get("stream"))) {
                send(exchange, "text/event-stream", sse(request, blocks));
            } else {
                send(exchange, "application/json", Json.write(message(request, blocks, stopReason(blocks))));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> blocksFor(Request request) {
        if (request.main()) {
            Map<String, Object> reply = replies.poll();
            if (reply != null) {
                return (List<Map<String, Object>>) reply.get("blocks");
            }
            return List.of(text("8"));
        }
        // The CLI asks for a session title on the side and expects JSON for it.
        return List.of(text(request.system().contains("title") ? "{\"title\":\"Probe\"}" : "ok"));
    }

    /** @return a text block */
    public static Map<String, Object> text(String text) {
        return Map.of("type", "text", "text", text);
    }

    /** @return a thinking block with its signature */
    public static Map<String, Object> thinking(String thinking, String signature) {
        return Map.of("type", "thinking", "thinking", thinking, "signature", signature);
    }

    /** @return a tool use block; its id is made up when it is sent */
    public static Map<String, Object> toolUse(String name, Map<String, Object> input) {
        return Map.of("type", "tool_use", "name", name, "input", input);
    }

    private String sse(Request request, List<Map<String, Object>> blocks) {
        List<Map<String, Object>> content = withIds(blocks);
        StringBuilder out = new StringBuilder();
        Map<String, Object> start = message(request, List.of(), null);
        event(out, "message_start", Map.of("type", "message_start", "message", start));
        for (int index = 0; index < content.size(); index++) {
            Map<String, Object> block = content.get(index);
            if ("tool_use".equals(block.get("type"))) {
                event(out, "content_block_start", Map.of("type", "content_block_start", "index", index, "content_block",
                        Map.of("type", "tool_use", "id", block.get("id"), "name", block.get("name"), "input", Map.of())));
                event(out, "content_block_delta", Map.of("type", "content_block_delta", "index", index, "delta",
                        Map.of("type", "input_json_delta", "partial_json", Json.write(block.get("input")))));
            } else if ("thinking".equals(block.get("type"))) {
                event(out, "content_block_start", Map.of("type", "content_block_start", "index", index, "content_block",
                        Map.of("type", "thinking", "thinking", "", "signature", "")));
                event(out, "content_block_delta", Map.of("type", "content_block_delta", "index", index, "delta",
                        Map.of("type", "thinking_delta", "thinking", block.get("thinking"))));
                event(out, "content_block_delta", Map.of("type", "content_block_delta", "index", index, "delta",
                        Map.of("type", "signature_delta", "signature", block.get("signature"))));
            } else {
                event(out, "content_block_start", Map.of("type", "content_block_start", "index", index, "content_block",
                        Map.of("type", "text", "text", "")));
                event(out, "content_block_delta", Map.of("type", "content_block_delta", "index", index, "delta",
                        Map.of("type", "text_delta", "text", block.get("text"))));
            }
            event(out, "content_block_stop", Map.of("type", "content_block_stop", "index", index));
        }
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("stop_reason", stopReason(blocks));
        delta.put("stop_sequence", null);
        event(out, "message_delta", Map.of("type", "message_delta", "delta", delta, "usage", Map.of("output_tokens", 5)));
        event(out, "message_stop", Map.of("type", "message_stop"));
        return out.toString();
    }

    private Map<String, Object> message(Request request, List<Map<String, Object>> blocks, String stopReason) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", "msg_loopback_" + ids.incrementAndGet());
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", request.body().getOrDefault("model", "claude-loopback"));
        message.put("content", withIds(blocks));
        message.put("stop_reason", stopReason);
        message.put("stop_sequence", null);
        message.put("usage", Map.of("input_tokens", 10, "output_tokens", 5,
                "cache_creation_input_tokens", 0, "cache_read_input_tokens", 0));
        return message;
    }

    private List<Map<String, Object>> withIds(List<Map<String, Object>> blocks) {
        List<Map<String, Object>> content = new ArrayList<>();
        for (Map<String, Object> block : blocks) {
            Map<String, Object> copy = new LinkedHashMap<>(block);
            if ("tool_use".equals(copy.get("type"))) {
                copy.putIfAbsent("id", "toolu_loopback_" + ids.incrementAndGet());
            }
            content.add(copy);
        }
        return content;
    }

    private static String stopReason(List<Map<String, Object>> blocks) {
        return blocks.stream().anyMatch(block -> "tool_use".equals(block.get("type"))) ? "tool_use" : "end_turn";
    }

    private static void event(StringBuilder out, String name, Map<String, Object> data) {
        out.append("event: ").append(name).append('\n').append("data: ").append(Json.write(data)).append("\n\n");
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("request-id", "req_loopback");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
