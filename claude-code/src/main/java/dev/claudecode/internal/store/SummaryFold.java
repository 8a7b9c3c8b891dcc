package dev.claudecode.internal.store;

import dev.claudecode.internal.history.FirstPrompt;
import dev.claudecode.internal.history.Timestamps;
import dev.claudecode.internal.json.Json;
import dev.claudecode.store.SessionStoreEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Folds transcript entries into the running summary data of a session, so that a store can keep a
 * listing's facts up to date without reading a transcript again.
 *
 * <p>The data's members: set once, from the first entry that has them, {@code isSidechain},
 * {@code createdAt} (epoch milliseconds of the first timestamp), {@code cwd}, {@code entrypoint};
 * the first prompt, searched for until found ({@code firstPrompt}, {@code firstPromptLocked},
 * and {@code commandFallback}, the first slash command, for sessions that never had a typed prompt);
 * replaced by every entry that has them, {@code customTitle}, {@code aiTitle}, {@code lastPrompt},
 * {@code summaryHint} (from {@code summary}), {@code gitBranch}; {@code tag}, set by a {@code tag}
 * entry and removed by an empty one; and {@code cwd} again, replaced by a {@code relocated} entry.
 */
public final class SummaryFold {

    private static final String[][] LAST_WINS = {
        {"customTitle", "customTitle"},
        {"aiTitle", "aiTitle"},
        {"lastPrompt", "lastPrompt"},
        {"summary", "summaryHint"},
        {"gitBranch", "gitBranch"},
    };

    private SummaryFold() {
    }

    /**
     * Folds entries into summary data.
     *
     * @param previous the data so far (not changed)
     * @param entries the new entries, in transcript order
     * @return the new data, a fresh mutable map
     */
    public static Map<String, Object> fold(Map<String, Object> previous, List<SessionStoreEntry> entries) {
        Map<String, Object> data = new LinkedHashMap<>(previous);
        FirstPrompt firstPrompt = Boolean.TRUE.equals(data.get("firstPromptLocked")) ? null : new FirstPrompt();
        for (SessionStoreEntry entry : entries) {
            JsonNode record = Json.parse(entry.json());
            data.putIfAbsent("isSidechain", Json.bool(record, "isSidechain", false));
            if (!data.containsKey("createdAt")) {
                Instant created = Timestamps.parse(Json.text(record, "timestamp", null));
                if (created != null) {
                    data.put("createdAt", created.toEpochMilli());
                }
            }
            setOnce(data, record, "cwd");
            setOnce(data, record, "entrypoint");
            if (firstPrompt != null && firstPrompt.offer(record)) {
                data.put("firstPrompt", firstPrompt.prompt());
                data.put("firstPromptLocked", true);
                firstPrompt = null;
            }
            for (String[] field : LAST_WINS) {
                Json.text(record, field[0]).ifPresent(value -> data.put(field[1], value));
            }
            String type = entry.type();
            if (type.equals("tag")) {
                String tag = Json.text(record, "tag", "");
                if (tag.isEmpty()) {
                    data.remove("tag");
                } else {
                    data.put("tag", tag);
                }
            } else if (type.equals("relocated")) {
                Json.text(record, "relocatedCwd").filter(cwd -> !cwd.isEmpty()).ifPresent(cwd -> data.put("cwd", cwd));
            }
        }
        if (firstPrompt != null && firstPrompt.firstCommand() != null && !data.containsKey("commandFallback")) {
            data.put("commandFallback", firstPrompt.firstCommand());
        }
        return data;
    }

    private static void setOnce(Map<String, Object> data, JsonNode record, String field) {
        if (!data.containsKey(field)) {
            Json.text(record, field).filter(value -> !value.isEmpty()).ifPresent(value -> data.put(field, value));
        }
    }
}
