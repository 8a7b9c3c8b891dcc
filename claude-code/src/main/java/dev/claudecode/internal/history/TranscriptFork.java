package dev.claudecode.internal.history;

import dev.claudecode.internal.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies a transcript into a new session: every record gets a fresh {@code uuid} (links between
 * records follow), the new session id, and the copy ends at a chosen message. Undo snapshots and
 * the old session's titles and tag are left behind; the copy gets a title of its own.
 */
public final class TranscriptFork {

    /** Records that belong to the old session only. */
    private static final Set<String> LEFT_OUT = Set.of("file-history-snapshot", "custom-title", "ai-title", "agent-name", "tag");
    /** Fields that hold the uuid of another record. */
    private static final List<String> LINKS = List.of("uuid", "parentUuid", "logicalParentUuid", "leafUuid");

    private TranscriptFork() {
    }

    /**
     * @param lines the old transcript's lines
     * @param oldId the old session id
     * @param newId the new session id
     * @param upTo the uuid of the last record to copy; empty to copy all
     * @param title the new session's title
     * @return the new transcript's lines
     * @throws IllegalArgumentException when {@code upTo} names no record of the transcript
     */
    public static List<String> fork(List<String> lines, String oldId, String newId, Optional<String> upTo, String title) {
        List<ObjectNode> records = new ArrayList<>();
        boolean reached = upTo.isEmpty();
        for (String line : lines) {
            Optional<ObjectNode> record = parse(line);
            if (record.isEmpty()) {
                continue;
            }
            records.add(record.get());
            if (upTo.isPresent() && upTo.get().equals(Json.text(record.get(), "uuid", null))) {
                reached = true;
                break;
            }
        }
        if (!reached) {
            throw new IllegalArgumentException("session " + oldId + " has no record with uuid " + upTo.get());
        }
        Map<String, String> renamed = new HashMap<>();
        for (ObjectNode record : records) {
            Json.text(record, "uuid").ifPresent(uuid -> renamed.putIfAbsent(uuid, UUID.randomUUID().toString()));
        }
        List<String> copy = new ArrayList<>(records.size() + 1);
        for (ObjectNode record : records) {
            if (LEFT_OUT.contains(Json.text(record, "type", ""))) {
                continue;
            }
            for (String link : LINKS) {
                Json.text(record, link).map(renamed::get).ifPresent(uuid -> record.put(link, uuid));
            }
            if (oldId.equals(Json.text(record, "sessionId", null))) {
                record.put("sessionId", newId);
            }
            copy.add(Json.write(record));
        }
        ObjectNode titled = Json.object();
        titled.put("type", "custom-title");
        titled.put("customTitle", title);
        titled.put("sessionId", newId);
        copy.add(Json.write(titled));
        return copy;
    }

    private static Optional<ObjectNode> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.parse(line);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
