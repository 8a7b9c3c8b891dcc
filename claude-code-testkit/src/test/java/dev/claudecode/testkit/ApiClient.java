package dev.claudecode.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for the fake API, shaped like the CLI's requests. */
final class ApiClient {

    /** One parsed SSE event. */
    record Event(String name, JsonNode data) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeClaudeApi api;

    ApiClient(FakeClaudeApi api) {
        this.api = api;
    }

    /** A main-loop body: one tool, the prompt as the only user message. */
    static Map<String, Object> mainBody(String prompt, boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "claude-test-model");
        body.put("max_tokens", 1000);
        body.put("stream", stream);
        body.put("system", "You are a test.");
        body.put("tools", List.of(Map.of("name", "Bash", "input_schema", Map.of("type", "object"))));
        body.put("messages", List.of(Map.of("role", "user", "content", prompt)));
        return body;
    }

    /** The session-title side request as the CLI sends it. */
    static Map<String, Object> titleBody(String prompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "claude-test-model");
        body.put("stream", true);
        body.put("tools", List.of());
        body.put("thinking", Map.of("type", "disabled"));
        body.put("output_config", Map.of("format", Map.of("type", "json_schema", "schema",
                Map.of("type", "object", "properties", Map.of("title", Map.of("type", "string"))))));
        body.put("messages", List.of(Map.of("role", "user", "content", "<session>\n" + prompt + "\n</session>")));
        return body;
    }

    HttpResponse<String> postMessages(Map<String, Object> body) {
        return post("/v1/messages?beta=true", TestkitJson.write(body));
    }

    HttpResponse<String> post(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("content-type", "application/json")
                .header("x-api-key", "sk-test")
                .header("X-Claude-Code-Session-Id", "session-1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> request(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return api.baseUrl().resolve(pathAndQuery);
    }

    /** Parses an SSE body, checking the framing: {@code event:} line, {@code data:} line, blank line. */
    static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        String[] frames = body.split("\n\n", -1);
        if (!frames[frames.length - 1].isEmpty()) {
            throw new AssertionError("the stream does not end with a blank line: " + body);
        }
        for (int i = 0; i < frames.length - 1; i++) {
            String[] lines = frames[i].split("\n");
            if (lines.length != 2 || !lines[0].startsWith("event: ") || !lines[1].startsWith("data: ")) {
                throw new AssertionError("bad SSE frame: " + frames[i]);
            }
            String name = lines[0].substring("event: ".length());
            JsonNode data = TestkitJson.parse(lines[1].substring("data: ".length()));
            if (!name.equals(data.path("type").asString(""))) {
                throw new AssertionError("event name and data type differ: " + frames[i]);
            }
            events.add(new Event(name, data));
        }
        return events;
    }
}
