package dev.claudecode.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One request {@link FakeClaudeApi} received, with its JSON body as plain Java values and helpers
 * for assertions.
 *
 * @param index the 0-based position in the server's request log
 * @param receivedAt when it arrived
 * @param method the HTTP method
 * @param path the path without the query, e.g. {@code /v1/messages}
 * @param query the raw query without {@code ?}, e.g. {@code beta=true}; empty when absent
 * @param headers the request headers, names in lower case, first value of each
 * @param body the JSON body as plain Java values; empty when there is no body or it is not a JSON
 *     object
 * @param rawBody the body text as received
 * @param kind what the request is, which decides whether it consumes the script
 */
public record RecordedRequest(
        int index,
        Instant receivedAt,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        Map<String, Object> body,
        String rawBody,
        RequestKind kind) {

    private static final Pattern SYSTEM_REMINDER =
            Pattern.compile("<system-reminder>.*?</system-reminder>", Pattern.DOTALL);

    /** Copies the maps; the body map may hold null values, as JSON does. */
    public RecordedRequest {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(headers);
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(kind, "kind");
    }

    /** @return whether this is a main-loop {@code /v1/messages} request (it has tools) */
    public boolean isMain() {
        return kind == RequestKind.MAIN;
    }

    /** @return whether this is a {@code /v1/messages} side request (title or other, no tools) */
    public boolean isSide() {
        return kind == RequestKind.TITLE || kind == RequestKind.SIDE;
    }

    /**
     * A header value.
     *
     * @param name the header name, any case
     * @return the first value, when present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** @return the CLI session id from the {@code x-claude-code-session-id} header, when present */
    public Optional<String> sessionId() {
        return header("x-claude-code-session-id");
    }

    /** @return the requested model, when present */
    public Optional<String> model() {
        return body.get("model") instanceof String model ? Optional.of(model) : Optional.empty();
    }

    /** @return whether the client asked for an SSE stream ({@code "stream": true}) */
    public boolean stream() {
        return Boolean.TRUE.equals(body.get("stream"));
    }

    /** @return the {@code max_tokens} value, when present */
    public Optional<Long> maxTokens() {
        return body.get("max_tokens") instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /**
     * The system prompt as text: the string, or the text of all system blocks joined by newlines.
     *
     * @return the text, empty when there is no system prompt
     */
    public String systemText() {
        Object system = body.get("system");
        if (system instanceof String text) {
            return text;
        }
        return blocksOf(system).stream()
                .map(block -> block.get("text"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .collect(Collectors.joining("\n"));
    }

    /** @return the {@code messages} array, string contents turned into one text block */
    public List<ApiMessage> messages() {
        if (!(body.get("messages") instanceof List<?> list)) {
            return List.of();
        }
        List<ApiMessage> messages = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof Map<?, ?> message && message.get("role") instanceof String role) {
                messages.add(new ApiMessage(role, blocksOf(message.get("content"))));
            }
        }
        return List.copyOf(messages);
    }

    /** @return the names of the tools offered to the model, in order */
    public List<String> toolNames() {
        if (!(body.get("tools") instanceof List<?> tools)) {
            return List.of();
        }
        return tools.stream()
                .filter(tool -> tool instanceof Map<?, ?> map && map.get("name") instanceof String)
                .map(tool -> (String) ((Map<?, ?>) tool).get("name"))
                .toList();
    }

    /** @return the {@code thinking} object, e.g. {@code {type=adaptive}}; empty when absent */
    public Map<String, Object> thinking() {
        return objectField("thinking");
    }

    /** @return the {@code output_config} object; empty when absent */
    public Map<String, Object> outputConfig() {
        return objectField("output_config");
    }

    /**
     * What the user wrote in this request's conversation: the text blocks of {@code user} messages,
     * without the CLI's {@code <system-reminder>} sections, skipping blocks left empty.
     *
     * @return the texts, oldest first
     */
    public List<String> userTexts() {
        List<String> texts = new ArrayList<>();
        for (ApiMessage message : messages()) {
            if (message.role().equals("user")) {
                for (Map<String, Object> block : message.blocks("text")) {
                    if (block.get("text") instanceof String text) {
                        String stripped = SYSTEM_REMINDER.matcher(text).replaceAll("").strip();
                        if (!stripped.isEmpty()) {
                            texts.add(stripped);
                        }
                    }
                }
            }
        }
        return List.copyOf(texts);
    }

    /** @return {@link #userTexts()} joined by newlines */
    public String allUserText() {
        return String.join("\n", userTexts());
    }

    /** @return the newest of {@link #userTexts()}, usually the prompt of the current turn */
    public Optional<String> lastUserText() {
        List<String> texts = userTexts();
        return texts.isEmpty() ? Optional.empty() : Optional.of(texts.getLast());
    }

    /** @return the {@code tool_use} blocks of the assistant messages in this request, oldest first */
    public List<Map<String, Object>> toolUses() {
        return messages().stream()
                .filter(message -> message.role().equals("assistant"))
                .flatMap(message -> message.blocks("tool_use").stream())
                .toList();
    }

    /** @return the {@code tool_result} blocks of the user messages in this request, oldest first */
    public List<ToolResult> toolResults() {
        Map<String, String> toolNames = new HashMap<>();
        for (Map<String, Object> use : toolUses()) {
            if (use.get("id") instanceof String id && use.get("name") instanceof String name) {
                toolNames.put(id, name);
            }
        }
        List<ToolResult> results = new ArrayList<>();
        for (ApiMessage message : messages()) {
            if (!message.role().equals("user")) {
                continue;
            }
            for (Map<String, Object> block : message.blocks("tool_result")) {
                String id = block.get("tool_use_id") instanceof String s ? s : "";
                Object content = block.get("content") == null ? "" : block.get("content");
                results.add(new ToolResult(id, Optional.ofNullable(toolNames.get(id)), contentText(content),
                        Boolean.TRUE.equals(block.get("is_error")), content));
            }
        }
        return List.copyOf(results);
    }

    /** @return a one-line summary for failure messages: index, kind, method, path and prompt */
    @Override
    public String toString() {
        return "#" + index + " " + kind + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query)
                + lastUserText().map(text -> " \"" + abbreviate(text) + "\"").orElse("");
    }

    private Map<String, Object> objectField(String name) {
        if (body.get(name) instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        return Map.of();
    }

    private static List<Map<String, Object>> blocksOf(Object content) {
        if (content instanceof String text) {
            return List.of(Map.of("type", "text", "text", text));
        }
        if (!(content instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> blocks = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> block = (Map<String, Object>) map;
                blocks.add(block);
            }
        }
        return blocks;
    }

    private static String contentText(Object content) {
        if (content instanceof String text) {
            return text;
        }
        return new ApiMessage("user", blocksOf(content)).text();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
