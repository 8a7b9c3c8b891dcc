package dev.claudecode.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SessionStore} in this JVM's memory: for tests, development, and sessions that need to
 * outlive a CLI process but not the JVM. It keeps everything until {@link #delete} or
 * {@link #clear()}, with no bound; a service that runs for long needs a real store.
 *
 * <p>Thread-safe: appends to one transcript are serialized; appends to different transcripts run
 * in parallel.
 */
public final class InMemorySessionStore implements SessionStore {

    /** One transcript; guarded by its own monitor. */
    private static final class Transcript {
        final List<SessionStoreEntry> entries = new ArrayList<>();
        final Set<String> uuids = new HashSet<>();
        long mtime;
        SessionSummary summary;
        boolean deleted;
    }

    private final Map<SessionKey, Transcript> transcripts = new ConcurrentHashMap<>();
    private final Object clockLock = new Object();
    private long lastMtime;

    /** Creates an empty store. */
    public InMemorySessionStore() {
    }

    @Override
    public void append(SessionKey key, List<SessionStoreEntry> entries) {
        Objects.requireNonNull(key, "key");
        List<SessionStoreEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return;
        }
        while (true) {
            Transcript transcript = transcripts.computeIfAbsent(key, k -> new Transcript());
            synchronized (transcript) {
                if (transcript.deleted) {
                    continue; // deleted between the lookup and the lock: append to its successor
                }
                List<SessionStoreEntry> added = new ArrayList<>(batch.size());
                for (SessionStoreEntry entry : batch) {
                    if (entry.uuid().map(transcript.uuids::add).orElse(true)) {
                        added.add(entry);
                    }
                }
                transcript.entries.addAll(added);
                transcript.mtime = tick();
                if (key.isMain()) {
                    transcript.summary = SessionSummary.fold(Optional.ofNullable(transcript.summary), key, added, transcript.mtime);
                }
                return;
            }
        }
    }

    @Override
    public Optional<List<SessionStoreEntry>> load(SessionKey key) {
        Transcript transcript = transcripts.get(Objects.requireNonNull(key, "key"));
        if (transcript == null) {
            return Optional.empty();
        }
        synchronized (transcript) {
            return transcript.deleted || transcript.entries.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(transcript.entries));
        }
    }

    @Override
    public List<StoredSession> listSessions(String projectKey) {
        Objects.requireNonNull(projectKey, "projectKey");
        List<StoredSession> sessions = new ArrayList<>();
        forEachMain(projectKey, (key, transcript) -> sessions.add(new StoredSession(key.sessionId(), transcript.mtime)));
        return sessions;
    }

    @Override
    public List<SessionSummary> listSessionSummaries(String projectKey) {
        Objects.requireNonNull(projectKey, "projectKey");
        List<SessionSummary> summaries = new ArrayList<>();
        forEachMain(projectKey, (key, transcript) -> {
            if (transcript.summary != null) {
                summaries.add(transcript.summary);
            }
        });
        return summaries;
    }

    private void forEachMain(String projectKey, java.util.function.BiConsumer<SessionKey, Transcript> action) {
        transcripts.forEach((key, transcript) -> {
            if (key.isMain() && key.projectKey().equals(projectKey)) {
                synchronized (transcript) {
                    if (!transcript.deleted) {
                        action.accept(key, transcript);
                    }
                }
            }
        });
    }

    @Override
    public void delete(SessionKey key) {
        Objects.requireNonNull(key, "key");
        for (SessionKey stored : List.copyOf(transcripts.keySet())) {
            boolean hit = key.isMain()
                    ? stored.projectKey().equals(key.projectKey()) && stored.sessionId().equals(key.sessionId())
                    : stored.equals(key);
            if (hit) {
                Transcript removed = transcripts.remove(stored);
                if (removed != null) {
                    synchronized (removed) {
                        removed.deleted = true;
                    }
                }
            }
        }
    }

    @Override
    public List<String> listSubkeys(String projectKey, String sessionId) {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(sessionId, "sessionId");
        List<String> subkeys = new ArrayList<>();
        for (SessionKey key : transcripts.keySet()) {
            if (key.projectKey().equals(projectKey) && key.sessionId().equals(sessionId)) {
                key.subpath().ifPresent(subkeys::add);
            }
        }
        return subkeys;
    }

    /** {@return how many sessions (main transcripts) the store holds} */
    public int size() {
        return (int) transcripts.keySet().stream().filter(SessionKey::isMain).count();
    }

    /** Forgets everything. */
    public void clear() {
        for (SessionKey key : List.copyOf(transcripts.keySet())) {
            delete(key);
        }
    }

    /** The next save time: the wall clock, but always later than the last one. */
    private long tick() {
        synchronized (clockLock) {
            lastMtime = Math.max(System.currentTimeMillis(), lastMtime + 1);
            return lastMtime;
        }
    }

    @Override
    public String toString() {
        return "InMemorySessionStore[" + size() + " sessions]";
    }
}
