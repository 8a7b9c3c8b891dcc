package dev.claudecode.store;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.json.JsonEquality;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One line of a session transcript: a JSON object, as the CLI wrote it to its {@code .jsonl} file.
 *
 * <p>The shape of the lines belongs to the CLI and changes between versions, so a store treats an
 * entry as an opaque blob: it keeps {@link #json()} and gives it back, as text or as any JSON type
 * its database has. Only three fields are read out for the store's convenience: {@link #type()},
 * and when present {@link #uuid()} (the key that makes appends idempotent) and {@link #timestamp()}.
 *
 * <p>Two entries are {@linkplain #equals equal} when their JSON values are deeply equal: member order
 * and number notation do not count, because a database's JSON type may change both (PostgreSQL's
 * {@code jsonb} does). The text is always one line, so entries can be written back to a transcript
 * file as they are.
 *
 * <p>Instances are immutable. {@link #toString()} shows the type, uuid and size only, never the
 * content, which may hold anything a session saw.
 */
public final class SessionStoreEntry {

    private final String json;
    private final String type;
    private final String uuid;
    private final String timestamp;

    private SessionStoreEntry(String json, JsonNode tree) {
        this.json = json;
        this.type = Json.text(tree, "type", "");
        this.uuid = Json.text(tree, "uuid").filter(u -> !u.isEmpty()).orElse(null);
        this.timestamp = Json.text(tree, "timestamp").orElse(null);
    }

    /**
     * Reads an entry from its JSON text, as a store gives it back.
     *
     * @param json the text of one JSON object (line breaks between tokens are removed)
     * @return the entry
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static SessionStoreEntry parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = Json.parse(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a session store entry must be a JSON object: " + e.getOriginalMessage(), e);
        }
        return of(tree, json);
    }

    /**
     * Makes an entry from a JSON object given as plain Java values.
     *
     * @param value the object ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} and null inside)
     * @return the entry
     * @throws IllegalArgumentException when the value cannot be written as JSON
     */
    public static SessionStoreEntry of(Map<String, ?> value) {
        Objects.requireNonNull(value, "value");
        JsonNode tree;
        try {
            tree = Json.toNode(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
        return of(tree, null);
    }

    private static SessionStoreEntry of(JsonNode tree, String text) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a session store entry must be a JSON object, not "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        String oneLine = text == null || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? Json.write(tree) : text;
        return new SessionStoreEntry(encodable(oneLine), tree);
    }

    /**
     * Escapes unpaired surrogate characters (which no UTF-8 encoder can send) as {@code \\uXXXX}.
     * They can only occur inside JSON strings, where the escape means the same character, so the
     * JSON value does not change.
     *
     * @param json JSON text
     * @return the same text, or a copy with the escapes
     */
    private static String encodable(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 >= json.length() || !Character.isLowSurrogate(json.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(json.charAt(i - 1)));
            if (unpaired && out == null) {
                out = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (out != null) {
                if (unpaired) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? json : out.toString();
    }

    /**
     * {@return the entry's JSON text, on one line, with no unpaired surrogate (it encodes as UTF-8
     * without loss)}
     */
    public String json() {
        return json;
    }

    /**
     * Parses the entry into plain Java values. Each call parses the text anew.
     *
     * @return an unmodifiable, insertion-ordered map
     */
    public Map<String, Object> value() {
        return Json.toMap(Json.parse(json));
    }

    /**
     * {@return the {@code type} field, such as {@code user}, {@code assistant} or
     * {@code last-prompt}; empty when absent}
     */
    public String type() {
        return type;
    }

    /** {@return the {@code uuid} field, when present and not empty: the entry's idempotency key} */
    public Optional<String> uuid() {
        return Optional.ofNullable(uuid);
    }

    /** {@return the {@code timestamp} field (ISO-8601), when present} */
    public Optional<String> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** {@return the length of {@link #json()} in characters} */
    public int length() {
        return json.length();
    }

    /**
     * Compares the JSON values deeply: member order and number notation do not count.
     *
     * @param other another object
     * @return whether it is an entry with the same JSON value
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SessionStoreEntry entry)) {
            return false;
        }
        return json.equals(entry.json) || (type.equals(entry.type) && Objects.equals(uuid, entry.uuid)
                && JsonEquality.equal(value(), entry.value()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, uuid);
    }

    @Override
    public String toString() {
        return "SessionStoreEntry[type=" + type + (uuid == null ? "" : ", uuid=" + uuid) + ", " + json.length() + " chars]";
    }
}
