package dev.claudecode.store;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.json.JsonEquality;
import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.internal.store.SummaryFold;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * What a store keeps about a session so that listing sessions needs no transcript: a summary
 * folded from the session's entries as they were appended.
 *
 * <p>A store that keeps summaries calls {@link #fold} inside {@link SessionStore#append} for a
 * main transcript and saves the result in the same transaction as the entries; it never looks into
 * {@link #data()}, which belongs to this library, but saves it as it is ({@link #dataJson()} and
 * {@link #parse} turn it into text and back).
 *
 * @param sessionId the session id
 * @param mtime when the store last saved the session, in epoch milliseconds of the store's own
 *     clock: the same clock and value as {@link StoredSession#mtime()}, never an entry's timestamp
 * @param data the folded facts: titles, prompts, working directory, branch, tag, creation time
 */
public record SessionSummary(String sessionId, long mtime, Map<String, Object> data) {

    /** Checks and copies the components. */
    public SessionSummary {
        if (!SessionKey.isValidName(sessionId)) {
            throw new IllegalArgumentException("not a session id: " + sessionId);
        }
        data = JsonValues.copyMap(Objects.requireNonNull(data, "data"));
    }

    /**
     * Folds a batch of entries into a session's summary.
     *
     * <p>Facts set once (creation time, working directory, first prompt, whether the transcript is
     * a subagent's) keep their first value; facts that change (titles, last prompt, branch, tag)
     * take the newest.
     *
     * @param previous the summary so far; empty for a session's first append
     * @param key the main transcript's key
     * @param entries the entries just saved, in order
     * @param mtime the time the store saved them, on its own clock
     * @return the new summary
     */
    public static SessionSummary fold(Optional<SessionSummary> previous, SessionKey key, List<SessionStoreEntry> entries, long mtime) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entries, "entries");
        Map<String, Object> data = previous.map(SessionSummary::data).orElse(Map.of());
        return new SessionSummary(key.sessionId(), mtime, SummaryFold.fold(data, entries));
    }

    /**
     * Folds entries into this summary and keeps its {@link #mtime()}: for reading a summary
     * together with entries that are not saved anew.
     *
     * @param entries the entries, in order
     * @return the new summary
     */
    public SessionSummary fold(List<SessionStoreEntry> entries) {
        return new SessionSummary(sessionId, mtime, SummaryFold.fold(data, Objects.requireNonNull(entries, "entries")));
    }

    /** {@return {@link #data()} as compact JSON text, for the store to save} */
    public String dataJson() {
        return Json.write(data);
    }

    /**
     * Reads back a summary a store saved.
     *
     * @param sessionId the session id
     * @param mtime the time the store saved it
     * @param dataJson the text {@link #dataJson()} gave
     * @return the summary
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static SessionSummary parse(String sessionId, long mtime, String dataJson) {
        Objects.requireNonNull(dataJson, "dataJson");
        try {
            var tree = Json.parse(dataJson);
            if (!tree.isObject()) {
                throw new IllegalArgumentException("summary data must be a JSON object");
            }
            return new SessionSummary(sessionId, mtime, Json.toMap(tree));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("summary data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Compares as JSON: {@link #data()} is deeply equal when its values are, whatever their
     * member order or number types (a summary read back from a database may differ in both).
     *
     * @param other another object
     * @return whether it is the same summary
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SessionSummary summary && sessionId.equals(summary.sessionId)
                && mtime == summary.mtime && JsonEquality.equal(data, summary.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, mtime, JsonEquality.hash(data));
    }

    /** {@return the session id, the time and which facts are known, never their values} */
    @Override
    public String toString() {
        return "SessionSummary[" + sessionId + ", mtime=" + mtime + ", " + data.keySet() + "]";
    }
}
