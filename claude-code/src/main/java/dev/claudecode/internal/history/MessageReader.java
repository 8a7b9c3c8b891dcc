package dev.claudecode.internal.history;

import dev.claudecode.history.SessionMessage;
import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The second pass over a transcript: reads in full only the records of the requested messages,
 * jumping to their byte offsets (a skip, which seekable file systems turn into a seek), and builds
 * the {@link SessionMessage}s.
 */
public final class MessageReader {

    private MessageReader() {
    }

    /**
     * Reads and assembles messages.
     *
     * @param source the transcript the groups were scanned from
     * @param sessionId the session id to use for records that lack one
     * @param groups the messages to build, each a run of records
     * @return the messages, in the order of {@code groups}; a record that no longer parses (the file
     *     changed in between) drops out, and so does a message left with no record
     * @throws IOException when the file cannot be read
     */
    public static List<SessionMessage> read(TranscriptSource source, String sessionId, List<List<TranscriptEntry>> groups)
            throws IOException {
        TreeSet<Long> offsets = new TreeSet<>();
        groups.forEach(group -> group.forEach(entry -> offsets.add(entry.offset())));
        Map<Long, JsonNode> records = new HashMap<>();
        if (!offsets.isEmpty()) {
            try (LineReader reader = new LineReader(source.open())) {
                for (long offset : offsets) {
                    reader.seek(offset);
                    if (!reader.next()) {
                        break;
                    }
                    try {
                        records.put(offset, Json.MAPPER.readTree(reader.line()));
                    } catch (JacksonException e) {
                        // the line changed since the first pass; the message drops out below
                    }
                }
            }
        }
        List<SessionMessage> messages = new ArrayList<>(groups.size());
        for (List<TranscriptEntry> group : groups) {
            List<JsonNode> nodes = new ArrayList<>(group.size());
            for (TranscriptEntry entry : group) {
                JsonNode node = records.get(entry.offset());
                if (node != null && entry.uuid().equals(Json.text(node, "uuid", null))) {
                    nodes.add(node);
                }
            }
            if (!nodes.isEmpty()) {
                messages.add(assemble(nodes, sessionId));
            }
        }
        return List.copyOf(messages);
    }

    private static SessionMessage assemble(List<JsonNode> records, String fallbackSessionId) {
        JsonNode first = records.getFirst();
        JsonNode last = records.getLast();
        return SessionMessage.builder()
                .type(Json.text(first, "type", ""))
                .uuid(Json.text(last, "uuid", ""))
                .parentUuid(Json.text(first, "parentUuid", null))
                .sessionId(Json.text(first, "sessionId", fallbackSessionId))
                .timestamp(Timestamps.parse(Json.text(first, "timestamp", null)))
                .isSidechain(Json.bool(first, "isSidechain", false))
                .isMeta(Json.bool(first, "isMeta", false))
                .isCompactSummary(Json.bool(first, "isCompactSummary", false))
                .message(records.size() == 1 ? Json.toMap(first.get("message")) : merged(records))
                .build();
    }

    /** The last record's message (it carries the final stop_reason and usage) with every record's content blocks. */
    private static Map<String, Object> merged(List<JsonNode> records) {
        Map<String, Object> message = new LinkedHashMap<>(Json.toMap(records.getLast().get("message")));
        List<Object> content = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode blocks = record.path("message").path("content");
            if (blocks.isArray()) {
                content.addAll(Json.toList(blocks));
            } else if (blocks.isString()) {
                content.add(Map.of("type", "text", "text", blocks.stringValue()));
            }
        }
        message.put("content", Collections.unmodifiableList(content));
        return message;
    }
}
