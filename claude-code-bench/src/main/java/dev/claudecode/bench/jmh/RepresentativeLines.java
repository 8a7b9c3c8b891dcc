package dev.claudecode.bench.jmh;

import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Stdout lines of the real CLI, one of each common kind, taken from the golden transcripts (the
 * directory named by the system property {@code claudecode.protocol.dir}, else {@code protocol/2.1.197}).
 */
public enum RepresentativeLines {
    /** {@code system/init}, sent at the start of every turn: the longest common line. */
    SYSTEM_INIT("10_plain_turn", m -> type(m, "system") && m.path("subtype").asString("").equals("init")),
    /** An {@code assistant} message with one text block. */
    ASSISTANT_TEXT("10_plain_turn", m -> type(m, "assistant")),
    /** An {@code assistant} message with a {@code tool_use} block. */
    ASSISTANT_TOOL_USE("12_partial_messages_tool_use", m -> type(m, "assistant")
            && m.path("message").path("content").path(0).path("type").asString("").equals("tool_use")),
    /** A {@code user} message carrying a {@code tool_result}. */
    USER_TOOL_RESULT("12_partial_messages_tool_use", m -> type(m, "user")),
    /** A {@code stream_event} with a {@code content_block_delta}: the most frequent line with partial messages. */
    STREAM_EVENT_DELTA("11_partial_messages", m -> type(m, "stream_event")
            && m.path("event").path("type").asString("").equals("content_block_delta")),
    /** The {@code result} that ends a turn. */
    RESULT_SUCCESS("10_plain_turn", m -> type(m, "result"));

    private final String transcript;
    private final Predicate<JsonNode> matches;

    RepresentativeLines(String transcript, Predicate<JsonNode> matches) {
        this.transcript = transcript;
        this.matches = matches;
    }

    /** @return the line as the CLI wrote it (compact UTF-8 JSON, no newline) */
    public byte[] bytes() {
        Path file = protocolDir().resolve("transcripts").resolve(transcript + ".jsonl");
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode record = Json.parse(line);
                if ("out".equals(record.path("dir").asString("")) && matches.test(record.path("msg"))) {
                    return Json.MAPPER.writeValueAsBytes(record.get("msg"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + name() + " line in " + file);
    }

    private static boolean type(JsonNode message, String type) {
        return message.path("type").asString("").equals(type);
    }

    private static Path protocolDir() {
        String configured = System.getProperty("claudecode.protocol.dir");
        return Path.of(configured != null ? configured : "protocol/2.1.197");
    }
}
