package dev.claudecode.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.SessionSummary;
import dev.claudecode.store.StoredSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance suite for {@link SessionStore}s: extend it, give it a store, and JUnit 5 checks
 * every rule of the {@link SessionStore} contract against it.
 *
 * <pre>{@code
 * class MyStoreConformanceTest extends SessionStoreConformance {
 *     @Override
 *     protected SessionStore store() {
 *         return new MyStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Each test works under project keys of its own (a random suffix), so {@link #store()} may
 * return the same instance every time, backed by the same database. The contracts are those the
 * official SDKs' suites check (1 to 14: order, never-written, independent keys, listing, delete,
 * subkeys, summaries), and more that a store used by many JVMs needs: idempotency on entry uuids,
 * deep equality without byte equality, values that databases treat specially, large entries and
 * batches, concurrent writers to one transcript and to many, summaries that lose no concurrent
 * update, and save times that never go back.
 *
 * <p>A write-once store whose {@code delete} does nothing overrides {@link #deletes()} to return
 * false; the delete contracts are then skipped, not failed. Needs {@code junit-jupiter-api} on the
 * class path (an optional dependency of this module).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class SessionStoreConformance {

    private String run;

    /** For subclasses. */
    protected SessionStoreConformance() {
    }

    /**
     * The store under test. Called at least once per test; it may return a new store or the same one.
     *
     * @return the store
     */
    protected abstract SessionStore store();

    /**
     * Whether {@link SessionStore#delete} deletes. A write-once store answers false.
     *
     * @return true unless overridden
     */
    protected boolean deletes() {
        return true;
    }

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A project key unique to the running test.
     *
     * @param name a readable part
     * @return {@code name} with the test's suffix
     */
    protected final String project(String name) {
        return name + "-" + run;
    }

    private SessionKey key() {
        return SessionKey.of(project("proj"), "sess");
    }

    /**
     * An entry of type {@code x} with these members.
     *
     * @param members name, value, name, value...
     * @return the entry
     */
    protected static SessionStoreEntry entry(Object... members) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "x");
        for (int i = 0; i < members.length; i += 2) {
            value.put((String) members[i], members[i + 1]);
        }
        return SessionStoreEntry.of(value);
    }

    private static List<SessionStoreEntry> loaded(SessionStore store, SessionKey key) {
        return store.load(key).orElseThrow(() -> new AssertionError("load(" + key + ") is empty"));
    }

    // ------------------------------------------------------------ required: append and load

    @Test
    @DisplayName("1. load returns the appended entries, in order, deeply equal")
    void appendThenLoadReturnsTheEntriesInOrder() {
        SessionStore store = store();
        store.append(key(), List.of(entry("uuid", "b", "n", 1), entry("uuid", "a", "n", 2)));
        assertEquals(List.of(entry("uuid", "b", "n", 1), entry("uuid", "a", "n", 2)), loaded(store, key()));
    }

    @Test
    @DisplayName("2. load of a key never written is empty")
    void loadOfAKeyNeverWrittenIsEmpty() {
        SessionStore store = store();
        assertEquals(Optional.empty(), store.load(SessionKey.of(project("proj"), "nope")));
        store.append(key(), List.of(entry("uuid", "x", "n", 1)));
        assertEquals(Optional.empty(), store.load(key().withSubpath("nope")));
        assertEquals(Optional.empty(), store.load(SessionKey.of(project("elsewhere"), "sess")));
    }

    @Test
    @DisplayName("3. appends keep their call order")
    void appendsKeepTheirCallOrder() {
        SessionStore store = store();
        store.append(key(), List.of(entry("uuid", "z", "n", 1)));
        store.append(key(), List.of(entry("uuid", "a", "n", 2), entry("uuid", "m", "n", 3)));
        store.append(key(), List.of(entry("uuid", "b", "n", 4)));
        assertEquals(List.of(entry("uuid", "z", "n", 1), entry("uuid", "a", "n", 2), entry("uuid", "m", "n", 3),
                entry("uuid", "b", "n", 4)), loaded(store, key()));
    }

    @Test
    @DisplayName("4. append of no entries changes nothing, and does not create the key")
    void appendOfNothingChangesNothing() {
        SessionStore store = store();
        store.append(key(), List.of(entry("uuid", "a", "n", 1)));
        store.append(key(), List.of());
        assertEquals(List.of(entry("uuid", "a", "n", 1)), loaded(store, key()));
        SessionKey untouched = SessionKey.of(project("proj"), "empty");
        store.append(untouched, List.of());
        assertEquals(Optional.empty(), store.load(untouched));
        assertFalse(ids(store.listSessions(project("proj"))).contains("empty"), "an empty append listed a session");
    }

    @Test
    @DisplayName("5. subagent transcripts are stored apart from the main one")
    void subpathsAreIndependentOfTheMainTranscript() {
        SessionStore store = store();
        SessionKey sub = key().withSubpath("subagents/agent-1");
        store.append(key(), List.of(entry("uuid", "m", "n", 1)));
        store.append(sub, List.of(entry("uuid", "s", "n", 1)));
        assertEquals(List.of(entry("uuid", "m", "n", 1)), loaded(store, key()));
        assertEquals(List.of(entry("uuid", "s", "n", 1)), loaded(store, sub));
    }

    @Test
    @DisplayName("6. project keys are isolated")
    void projectKeysAreIsolated() {
        SessionStore store = store();
        store.append(SessionKey.of(project("A"), "s1"), List.of(entry("from", "A")));
        store.append(SessionKey.of(project("B"), "s1"), List.of(entry("from", "B")));
        assertEquals(List.of(entry("from", "A")), loaded(store, SessionKey.of(project("A"), "s1")));
        assertEquals(List.of(entry("from", "B")), loaded(store, SessionKey.of(project("B"), "s1")));
        assertEquals(1, store.listSessions(project("A")).size());
        assertEquals(1, store.listSessions(project("B")).size());
    }

    // ------------------------------------------------------------ listing

    @Test
    @DisplayName("7. listSessions names the project's sessions with epoch-millisecond times")
    void listSessionsNamesTheProjectsSessions() {
        SessionStore store = store();
        long before = System.currentTimeMillis();
        store.append(SessionKey.of(project("proj"), "a"), List.of(entry("n", 1)));
        store.append(SessionKey.of(project("proj"), "b"), List.of(entry("n", 1)));
        store.append(SessionKey.of(project("other"), "c"), List.of(entry("n", 1)));
        List<StoredSession> sessions = store.listSessions(project("proj"));
        assertEquals(List.of("a", "b"), sorted(ids(sessions)));
        for (StoredSession session : sessions) {
            // epoch milliseconds, not seconds; a store's clock may be another machine's, so allow a day of skew
            assertTrue(session.mtime() > 1_000_000_000_000L, "mtime is not in epoch milliseconds: " + session.mtime());
            assertTrue(Math.abs(session.mtime() - before) < 86_400_000L, "mtime is far from now: " + session.mtime());
        }
        assertEquals(List.of(), store.listSessions(project("never-appended")));
    }

    @Test
    @DisplayName("8. listSessions leaves out subagent transcripts")
    void listSessionsLeavesOutSubagentTranscripts() {
        SessionStore store = store();
        store.append(SessionKey.of(project("proj"), "main"), List.of(entry("n", 1)));
        store.append(SessionKey.of(project("proj"), "main", "subagents/agent-1"), List.of(entry("n", 1)));
        store.append(SessionKey.of(project("proj"), "only-sub", "subagents/agent-2"), List.of(entry("n", 1)));
        assertEquals(List.of("main"), ids(store.listSessions(project("proj"))));
    }

    // ------------------------------------------------------------ delete

    @Test
    @DisplayName("9. a deleted transcript loads empty; deleting what does not exist does nothing")
    void deleteThenLoadIsEmpty() {
        Assumptions.assumeTrue(deletes(), "the store does not delete");
        SessionStore store = store();
        store.delete(SessionKey.of(project("proj"), "never-written"));
        store.append(key(), List.of(entry("n", 1)));
        store.delete(key());
        assertEquals(Optional.empty(), store.load(key()));
        store.append(key(), List.of(entry("uuid", "again")));
        assertEquals(List.of(entry("uuid", "again")), loaded(store, key()), "a deleted key could not be written again");
    }

    @Test
    @DisplayName("10. deleting a main transcript deletes its subagent transcripts, nothing else")
    void deleteCascadesToSubkeys() {
        Assumptions.assumeTrue(deletes(), "the store does not delete");
        SessionStore store = store();
        SessionKey sub1 = key().withSubpath("subagents/agent-1");
        SessionKey sub2 = key().withSubpath("subagents/agent-2");
        SessionKey other = SessionKey.of(project("proj"), "sess2");
        SessionKey otherProject = SessionKey.of(project("other-proj"), "sess");
        for (SessionKey key : List.of(key(), sub1, sub2, other, otherProject)) {
            store.append(key, List.of(entry("n", 1)));
        }
        store.delete(key());
        assertEquals(Optional.empty(), store.load(key()));
        assertEquals(Optional.empty(), store.load(sub1));
        assertEquals(Optional.empty(), store.load(sub2));
        assertEquals(1, loaded(store, other).size());
        assertEquals(1, loaded(store, otherProject).size());
        assertEquals(List.of(), store.listSubkeys(project("proj"), "sess"));
        assertFalse(ids(store.listSessions(project("proj"))).contains("sess"));
    }

    @Test
    @DisplayName("11. deleting a subagent transcript deletes only that one")
    void deleteOfASubpathDeletesOnlyIt() {
        Assumptions.assumeTrue(deletes(), "the store does not delete");
        SessionStore store = store();
        SessionKey sub1 = key().withSubpath("subagents/agent-1");
        SessionKey sub2 = key().withSubpath("subagents/agent-2");
        for (SessionKey key : List.of(key(), sub1, sub2)) {
            store.append(key, List.of(entry("n", 1)));
        }
        store.delete(sub1);
        assertEquals(Optional.empty(), store.load(sub1));
        assertEquals(1, loaded(store, sub2).size());
        assertEquals(1, loaded(store, key()).size());
        assertEquals(List.of("subagents/agent-2"), store.listSubkeys(project("proj"), "sess"));
        assertEquals(List.of("sess"), ids(store.listSessions(project("proj"))));
    }

    // ------------------------------------------------------------ subkeys

    @Test
    @DisplayName("12. listSubkeys names the session's subagent transcripts")
    void listSubkeysNamesTheSessionsSubpaths() {
        SessionStore store = store();
        store.append(key(), List.of(entry("n", 1)));
        store.append(key().withSubpath("subagents/agent-1"), List.of(entry("n", 1)));
        store.append(key().withSubpath("subagents/agent-2"), List.of(entry("n", 1)));
        store.append(key().withSubpath("subagents/workflows/run-1/agent-3"), List.of(entry("n", 1)));
        store.append(SessionKey.of(project("proj"), "other-sess", "subagents/agent-x"), List.of(entry("n", 1)));
        assertEquals(List.of("subagents/agent-1", "subagents/agent-2", "subagents/workflows/run-1/agent-3"),
                sorted(store.listSubkeys(project("proj"), "sess")));
    }

    @Test
    @DisplayName("13. listSubkeys leaves out the main transcript")
    void listSubkeysLeavesOutTheMainTranscript() {
        SessionStore store = store();
        store.append(key(), List.of(entry("n", 1)));
        assertEquals(List.of(), store.listSubkeys(project("proj"), "sess"));
        assertEquals(List.of(), store.listSubkeys(project("proj"), "never-appended"));
    }

    // ------------------------------------------------------------ summaries

    @Test
    @DisplayName("14. summaries are the fold of the appends, saved as they are, on the listing's clock")
    void summariesAreTheFoldOfTheAppends() {
        SessionStore store = store();
        SessionKey key = SessionKey.of(project("proj"), "summ-sess");
        store.append(key, List.of(entry("timestamp", "2024-01-01T00:00:00.000Z", "customTitle", "first"),
                entry("timestamp", "2024-01-01T00:00:01.000Z")));
        store.append(key, List.of(entry("timestamp", "2024-01-01T00:00:02.000Z", "customTitle", "second")));
        store.append(SessionKey.of(project("other"), "elsewhere"), List.of(entry("timestamp", "2024-01-01T00:00:00.000Z")));

        Map<String, SessionSummary> byId = byId(store.listSessionSummaries(project("proj")));
        assertEquals(Set.of("summ-sess"), byId.keySet());
        SessionSummary summary = byId.get("summ-sess");
        assertTrue(summary.mtime() > 1_000_000_000_000L, "mtime is not in epoch milliseconds: " + summary.mtime());
        long listed = store.listSessions(project("proj")).getFirst().mtime();
        assertTrue(summary.mtime() >= listed, "the summary's mtime " + summary.mtime() + " is older than the listing's " + listed);
        assertEquals("second", summary.data().get("customTitle"));
        assertEquals(1_704_067_200_000L, ((Number) summary.data().get("createdAt")).longValue());
        SessionSummary refolded = summary.fold(List.of(entry("timestamp", "2024-01-01T00:00:03.000Z")));
        assertEquals("summ-sess", refolded.sessionId());
        assertEquals(summary.mtime(), refolded.mtime());

        store.append(key.withSubpath("subagents/agent-1"),
                List.of(entry("timestamp", "2024-01-01T00:00:09.000Z", "customTitle", "subagent")));
        assertSameData(summary.data(), byId(store.listSessionSummaries(project("proj"))).get("summ-sess").data(),
                "a subagent's append changed the session's summary");
        assertEquals(List.of(), store.listSessionSummaries(project("never-appended")));
        if (deletes()) {
            store.delete(key);
            assertEquals(List.of(), store.listSessionSummaries(project("proj")));
        }
    }

    // ------------------------------------------------------------ beyond the official contracts

    @Test
    @DisplayName("15. appends are idempotent on entry uuids; entries without one are always added")
    void appendsAreIdempotentOnUuids() {
        SessionStore store = store();
        store.append(key(), List.of(entry("uuid", "a", "n", 1), entry("uuid", "b", "n", 2)));
        store.append(key(), List.of(entry("uuid", "b", "n", 2), entry("uuid", "c", "n", 3)));
        store.append(key(), List.of(entry("uuid", "d", "n", 4), entry("uuid", "d", "n", 4)));
        store.append(key(), List.of(entry("note", "no uuid"), entry("note", "no uuid")));
        store.append(key(), List.of(entry("uuid", "a", "n", 1), entry("uuid", "b", "n", 2), entry("uuid", "c", "n", 3)));
        assertEquals(List.of(entry("uuid", "a", "n", 1), entry("uuid", "b", "n", 2), entry("uuid", "c", "n", 3),
                entry("uuid", "d", "n", 4), entry("note", "no uuid"), entry("note", "no uuid")), loaded(store, key()));
        SessionKey sub = key().withSubpath("subagents/agent-1");
        store.append(sub, List.of(entry("uuid", "a", "n", 1)));
        assertEquals(List.of(entry("uuid", "a", "n", 1)), loaded(store, sub), "a uuid of the main transcript blocked a subagent's");
    }

    @Test
    @DisplayName("16. entries come back deeply equal, whatever the store does to member order and numbers")
    void entriesComeBackDeeplyEqual() {
        SessionStore store = store();
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", List.of(1, 2.5, -3, 0, "x", true, false));
        nested.put("empty", Map.of());
        nested.put("none", null);
        nested.put("big", 9_007_199_254_740_993L);
        nested.put("fraction", 0.00014000000000000001);
        List<SessionStoreEntry> entries = List.of(
                entry("uuid", "u1", "message", Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "hi")))),
                entry("uuid", "u2", "nested", nested, "list", List.of(List.of(), List.of(Map.of("k", "v")))),
                entry("uuid", "u3", "text", "line one\nline two\ttabbed \"quoted\" back\\slash </script> é 日本 🎉"),
                entry("uuid", "u4", "nul", "before\u0000after", "control", "\u0001\u001f", "cut", "half an emoji \ud83d"),
                SessionStoreEntry.parse("{\"type\":\"x\",\"uuid\":\"u5\",\n  \"spaced\" : [ 1 , 2 ]\n}"));
        store.append(key(), entries);
        List<SessionStoreEntry> back = loaded(store, key());
        assertEquals(entries, back);
        for (SessionStoreEntry entry : back) {
            assertFalse(entry.json().contains("\n") || entry.json().contains("\r"), "an entry came back on more than one line");
            assertEquals(entry, SessionStoreEntry.parse(entry.json()));
        }
        assertEquals("before\u0000after", back.get(3).value().get("nul"));
        assertEquals("half an emoji \ud83d", back.get(3).value().get("cut"));
    }

    @Test
    @DisplayName("17. large entries and large batches")
    void largeEntriesAndBatches() {
        SessionStore store = store();
        String big = "x".repeat(3 << 20);
        store.append(key(), List.of(entry("uuid", "big", "text", big)));
        List<SessionStoreEntry> batch = IntStream.range(0, 2_000).mapToObj(i -> entry("uuid", "e" + i, "i", i)).toList();
        store.append(key(), batch);
        List<SessionStoreEntry> back = loaded(store, key());
        assertEquals(2_001, back.size());
        assertEquals(big, back.getFirst().value().get("text"));
        assertEquals(batch, back.subList(1, back.size()));
    }

    @Test
    @DisplayName("18. concurrent writers to one transcript: every entry once, each writer's in its order")
    void concurrentWritersToOneTranscript() throws Exception {
        SessionStore store = store();
        int writers = 8;
        int appends = 25;
        runConcurrently(writers, writer -> {
            for (int i = 0; i < appends; i++) {
                store.append(key(), List.of(entry("uuid", writer + "-" + i + "-a", "w", writer, "i", i),
                        entry("uuid", writer + "-" + i + "-b", "w", writer, "i", i)));
            }
        });
        List<SessionStoreEntry> back = loaded(store, key());
        assertEquals(writers * appends * 2, back.size());
        assertEquals(back.size(), new HashSet<>(uuids(back)).size(), "an entry was stored twice");
        Map<Integer, List<String>> perWriter = new HashMap<>();
        for (SessionStoreEntry entry : back) {
            int writer = ((Number) entry.value().get("w")).intValue();
            perWriter.computeIfAbsent(writer, w -> new ArrayList<>()).add(entry.uuid().orElseThrow());
        }
        for (int writer = 0; writer < writers; writer++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < appends; i++) {
                expected.add(writer + "-" + i + "-a");
                expected.add(writer + "-" + i + "-b");
            }
            assertEquals(expected, perWriter.get(writer), "writer " + writer + "'s entries are out of order");
        }
        // two appends that never interleave: a batch is saved whole, in one place
        for (int i = 0; i < back.size(); i += 2) {
            String first = back.get(i).uuid().orElseThrow();
            assertEquals(first.substring(0, first.length() - 1) + "b", back.get(i + 1).uuid().orElseThrow(), "a batch was split");
        }
    }

    @Test
    @DisplayName("19. concurrent writers keep the summary equal to the fold of what was stored")
    void concurrentWritersLoseNoSummaryUpdate() throws Exception {
        SessionStore store = store();
        int writers = 8;
        runConcurrently(writers, writer -> {
            for (int i = 0; i < 10; i++) {
                store.append(key(), List.of(entry("uuid", writer + "-" + i, "timestamp", "2024-01-01T00:00:0" + (i % 10) + ".000Z",
                        "lastPrompt", "writer " + writer + " step " + i, "gitBranch", "b" + writer)));
            }
        });
        SessionSummary summary = byId(store.listSessionSummaries(project("proj"))).get("sess");
        SessionSummary expected = SessionSummary.fold(Optional.empty(), key(), loaded(store, key()), summary.mtime());
        assertSameData(expected.data(), summary.data(), "the summary is not the fold of the stored entries: an update was lost");
    }

    @Test
    @DisplayName("20. concurrent writers to many sessions")
    void concurrentWritersToManySessions() throws Exception {
        SessionStore store = store();
        int sessions = 16;
        runConcurrently(sessions, session -> {
            SessionKey key = SessionKey.of(project("many"), "s" + session);
            for (int i = 0; i < 10; i++) {
                store.append(key, List.of(entry("uuid", "e" + i, "i", i)));
            }
            store.append(key.withSubpath("subagents/agent-" + session), List.of(entry("uuid", "sub", "i", 0)));
        });
        assertEquals(sessions, store.listSessions(project("many")).size());
        assertEquals(sessions, store.listSessionSummaries(project("many")).size());
        for (int session = 0; session < sessions; session++) {
            SessionKey key = SessionKey.of(project("many"), "s" + session);
            assertEquals(IntStream.range(0, 10).mapToObj(i -> entry("uuid", "e" + i, "i", i)).toList(), loaded(store, key));
            assertEquals(List.of("subagents/agent-" + session), store.listSubkeys(project("many"), "s" + session));
        }
    }

    @Test
    @DisplayName("21. save times never go back")
    void saveTimesNeverGoBack() {
        SessionStore store = store();
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            store.append(key(), List.of(entry("uuid", "t" + i)));
            long mtime = store.listSessions(project("proj")).getFirst().mtime();
            assertTrue(mtime >= previous, "mtime went back from " + previous + " to " + mtime);
            previous = mtime;
        }
    }

    // ------------------------------------------------------------ helpers

    /** Work for one of several concurrent writers. */
    private interface Writer {
        void write(int writer) throws Exception;
    }

    private static void runConcurrently(int writers, Writer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                done.add(pool.submit(() -> {
                    start.await();
                    work.write(id);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                fail("writers did not stop");
            }
        }
    }

    private static List<String> ids(List<StoredSession> sessions) {
        return sessions.stream().map(StoredSession::sessionId).toList();
    }

    private static List<String> uuids(List<SessionStoreEntry> entries) {
        return entries.stream().map(entry -> entry.uuid().orElse("")).toList();
    }

    private static Map<String, SessionSummary> byId(List<SessionSummary> summaries) {
        Map<String, SessionSummary> byId = new HashMap<>();
        for (SessionSummary summary : summaries) {
            if (byId.put(summary.sessionId(), summary) != null) {
                fail("two summaries of session " + summary.sessionId());
            }
        }
        return byId;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    /** Compares summary data as JSON values (a database may give numbers back as another type). */
    private static void assertSameData(Map<String, Object> expected, Map<String, Object> actual, String message) {
        assertEquals(new SessionSummary("s", 0, expected), new SessionSummary("s", 0, actual), message);
    }
}
