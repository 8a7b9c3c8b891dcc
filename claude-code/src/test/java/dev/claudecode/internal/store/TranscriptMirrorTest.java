package dev.claudecode.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.MirrorErrorMessage;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.StoredSession;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.SessionStoreFlush;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class TranscriptMirrorTest {

    private static final String S1 = "00000000-0000-4000-8000-0000000000a1";
    private static final String S2 = "00000000-0000-4000-8000-0000000000a2";

    @TempDir
    Path config;

    private final List<MirrorErrorMessage> errors = new CopyOnWriteArrayList<>();

    /** A store that records every append and can be made to fail or hang. */
    private static final class ScriptedStore implements SessionStore {
        final InMemorySessionStore inner = new InMemorySessionStore();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<Long> times = Collections.synchronizedList(new ArrayList<>());
        volatile int failures;
        volatile CountDownLatch hang;

        @Override
        public void append(SessionKey key, List<SessionStoreEntry> entries) {
            calls.add(key + ":" + entries.size());
            times.add(System.nanoTime());
            if (hang != null) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failures > 0) {
                failures--;
                throw new SessionStoreException("down");
            }
            inner.append(key, entries);
        }

        @Override
        public Optional<List<SessionStoreEntry>> load(SessionKey key) {
            return inner.load(key);
        }

        @Override
        public List<StoredSession> listSessions(String projectKey) {
            return inner.listSessions(projectKey);
        }

        @Override
        public void delete(SessionKey key) {
            inner.delete(key);
        }

        @Override
        public List<String> listSubkeys(String projectKey, String sessionId) {
            return inner.listSubkeys(projectKey, sessionId);
        }
    }

    private ObjectNode frame(String session, String... uuids) {
        ObjectNode frame = Json.object();
        frame.put("type", "transcript_mirror");
        frame.put("filePath", config.resolve("projects").resolve("p").resolve(session + ".jsonl").toString());
        ArrayNode entries = frame.putArray("entries");
        for (String uuid : uuids) {
            entries.addObject().put("type", "user").put("uuid", uuid);
        }
        return frame;
    }

    private TranscriptMirror mirror(ScriptedStore store, SessionStoreFlush mode, Duration timeout) {
        return new TranscriptMirror(store, mode, new MirrorKeys(config), errors::add, timeout,
                List.of(Duration.ofMillis(50), Duration.ofMillis(150)));
    }

    private static List<String> uuids(SessionStore store, String session) {
        return store.load(SessionKey.of("p", session)).orElseThrow().stream().map(e -> e.uuid().orElseThrow()).toList();
    }

    @Test
    void batchedFramesWaitForAFlushAndMakeOneAppendPerTranscript() {
        ScriptedStore store = new ScriptedStore();
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.BATCHED, Duration.ofSeconds(5));
        mirror.accept(frame(S1, "a", "b"), 100);
        mirror.accept(frame(S2, "x"), 100);
        mirror.accept(frame(S1, "c"), 100);
        assertThat(store.calls).isEmpty();
        assertThat(mirror.flushAndWait(Duration.ofSeconds(5))).isTrue();
        assertThat(store.calls).containsExactly("p/" + S1 + ":3", "p/" + S2 + ":1");
        assertThat(uuids(store, S1)).containsExactly("a", "b", "c");
    }

    @Test
    void eagerFramesAreAppendedOneByOne() {
        ScriptedStore store = new ScriptedStore();
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.EAGER, Duration.ofSeconds(5));
        mirror.accept(frame(S1, "a"), 10);
        mirror.accept(frame(S1, "b", "c"), 10);
        assertThat(mirror.flushAndWait(Duration.ofSeconds(5))).isTrue();
        assertThat(store.calls).containsExactly("p/" + S1 + ":1", "p/" + S1 + ":2");
    }

    @Test
    void manyWaitingLinesOrCharactersFlushOnTheirOwn() throws Exception {
        ScriptedStore store = new ScriptedStore();
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.BATCHED, Duration.ofSeconds(5));
        String[] many = new String[TranscriptMirror.MAX_PENDING_ENTRIES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = "u" + i;
        }
        mirror.accept(frame(S1, many), 1000);
        mirror.accept(frame(S2, "big"), TranscriptMirror.MAX_PENDING_CHARS + 1);
        awaitCalls(store, 2);
        assertThat(store.calls).containsExactly("p/" + S1 + ":" + many.length, "p/" + S2 + ":1");
    }

    @Test
    void aFailedAppendIsRetriedAfterTheBackoff() {
        ScriptedStore store = new ScriptedStore();
        store.failures = 2;
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.BATCHED, Duration.ofSeconds(5));
        mirror.accept(frame(S1, "a"), 10);
        assertThat(mirror.flushAndWait(Duration.ofSeconds(5))).isTrue();
        assertThat(store.calls).hasSize(3);
        assertThat(uuids(store, S1)).containsExactly("a");
        assertThat(errors).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(store.times.get(1) - store.times.get(0))).isGreaterThanOrEqualTo(50);
        assertThat(TimeUnit.NANOSECONDS.toMillis(store.times.get(2) - store.times.get(1))).isGreaterThanOrEqualTo(150);
    }

    @Test
    void aBatchFailingThreeTimesIsReportedAndTheNextOneStillGoes() {
        ScriptedStore store = new ScriptedStore();
        store.failures = 3;
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.BATCHED, Duration.ofSeconds(5));
        mirror.accept(frame(S1, "lost"), 10);
        mirror.flushAndWait(Duration.ofSeconds(5));
        mirror.accept(frame(S1, "kept"), 10);
        mirror.flushAndWait(Duration.ofSeconds(5));
        assertThat(store.calls).hasSize(4);
        assertThat(uuids(store, S1)).containsExactly("kept");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.key()).isEqualTo(SessionKey.of("p", S1));
            assertThat(error.error()).isEqualTo("down");
            assertThat(error.raw()).containsEntry("subtype", "mirror_error").containsEntry("session_id", S1);
        });
    }

    @Test
    void anAppendThatTimesOutIsNotRetried() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.hang = new CountDownLatch(1);
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.BATCHED, Duration.ofMillis(200));
        mirror.accept(frame(S1, "slow"), 10);
        assertThat(mirror.flushAndWait(Duration.ofSeconds(5))).isTrue();
        assertThat(store.calls).hasSize(1);
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.error()).contains("did not finish within 200 ms"));
        store.hang.countDown(); // the late append still lands
        awaitLoaded(store, S1);
    }

    @Test
    void framesOutsideTheConfigDirectoryAreNotMirrored() {
        ScriptedStore store = new ScriptedStore();
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.BATCHED, Duration.ofSeconds(5));
        ObjectNode stray = frame(S1, "a");
        stray.put("filePath", "/elsewhere/projects/p/" + S1 + ".jsonl");
        mirror.accept(stray, 10);
        mirror.accept(Json.object().put("type", "transcript_mirror"), 10);
        assertThat(mirror.flushAndWait(Duration.ofSeconds(5))).isTrue();
        assertThat(store.calls).isEmpty();
    }

    @Test
    void aBacklogBeyondTheBoundIsDroppedAndReported() {
        ScriptedStore store = new ScriptedStore();
        store.hang = new CountDownLatch(1);
        TranscriptMirror mirror = mirror(store, SessionStoreFlush.EAGER, Duration.ofSeconds(30));
        int chunk = (int) (TranscriptMirror.MAX_BACKLOG_CHARS / 4);
        for (int i = 0; i < 5; i++) {
            mirror.accept(frame(S1, "e" + i), chunk);
        }
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.error()).contains("dropped"));
        store.hang.countDown();
        assertThat(mirror.flushAndWait(Duration.ofSeconds(10))).isTrue();
        assertThat(uuids(store, S1)).containsExactly("e0", "e1", "e2", "e3");
    }

    private static void awaitCalls(ScriptedStore store, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.calls.size() < calls && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void awaitLoaded(SessionStore store, String session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.load(SessionKey.of("p", session)).isEmpty()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
