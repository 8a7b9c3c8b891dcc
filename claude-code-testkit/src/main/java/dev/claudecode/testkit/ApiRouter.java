package dev.claudecode.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The one HTTP handler of {@link FakeClaudeApi}: records every request, then answers
 * {@code /v1/messages} from the script (or the side-request rule), {@code count_tokens} with an
 * estimate, and anything else with {@code 200 {}}.
 */
final class ApiRouter implements HttpHandler {

    private final ServerSettings settings;
    private final ScriptQueue script;
    private final RequestLog log;
    private final List<Throwable> failures;
    private final ResponseWriter responses = new ResponseWriter();
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong toolUseIds = new AtomicLong();

    ApiRouter(ServerSettings settings, ScriptQueue script, RequestLog log, List<Throwable> failures) {
        this.settings = settings;
        this.script = script;
        this.log = log;
        this.failures = failures;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException e) {
            // the client hung up (an interrupted turn closes its connection): nobody to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | AssertionError e) {
            // a reply function failed: keep it for the test, and fail the request visibly
            failures.add(e);
            answerFailure(exchange, e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String raw = readBody(exchange);
        Map<String, Object> body = parseObject(raw);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "/");
        String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
        RequestKind kind = RequestKind.classify(method, path, body);
        Map<String, String> headers = headers(exchange);
        RecordedRequest request = log.append(index ->
                new RecordedRequest(index, Instant.now(), method, path, query, headers, body, raw, kind));
        switch (kind) {
            case OTHER -> responses.json(exchange, 200, Map.of(), Map.of());
            // roughly four characters per token, like the API's own rule of thumb
            case COUNT_TOKENS -> responses.json(exchange, 200, Map.of("input_tokens", Math.max(1, raw.length() / 4)), Map.of());
            case MAIN, TITLE, SIDE -> {
                if (body.isEmpty()) {
                    responses.error(exchange, new ErrorReply(400, "invalid_request_error",
                            "the request body is not a JSON object", Map.of()));
                } else {
                    answer(exchange, request);
                }
            }
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest request) throws IOException, InterruptedException {
        Reply chosen = settings.consumesScript().test(request)
                ? script.poll().orElse(settings.defaultReply())
                : Objects.requireNonNull(settings.sideReply().apply(request), "the side reply function returned null");
        Reply reply = chosen instanceof DynamicReply dynamic ? dynamic.resolve(request) : chosen;
        switch (reply) {
            case ErrorReply error -> responses.error(exchange, error);
            case MessageReply message -> {
                RenderedMessage rendered = new RenderedMessage(message, "msg_fake_" + messageIds.incrementAndGet(),
                        request.model().orElse("claude-fake"), () -> "toolu_fake_" + toolUseIds.incrementAndGet());
                responses.message(exchange, message, rendered, request.stream());
            }
            case DynamicReply unresolved -> throw new IllegalStateException("unresolved dynamic reply");
        }
    }

    private void answerFailure(HttpExchange exchange, Throwable failure) {
        if (exchange.getResponseCode() != -1) {
            return; // the response has begun; the client sees a cut stream instead
        }
        try {
            responses.error(exchange, new ErrorReply(500, "api_error",
                    "FakeClaudeApi could not answer: " + failure, Map.of()));
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("content-encoding");
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> parseObject(String raw) {
        if (raw.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = TestkitJson.parse(raw);
            return TestkitJson.toMap(node);
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        return headers;
    }
}
