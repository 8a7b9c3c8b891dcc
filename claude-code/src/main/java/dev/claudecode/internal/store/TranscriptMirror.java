package dev.claudecode.internal.store;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.observe.Observers;
import dev.claudecode.internal.session.SerialExecutor;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.MirrorErrorMessage;
import dev.claudecode.observe.Observation;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.SessionStoreFlush;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Appends the transcript lines a CLI reports in {@code transcript_mirror} frames to a session
 * store, in the order they came, on a thread of its own.
 *
 * <p>The reader thread only {@linkplain #accept hands a frame over}. Frames wait until a
 * {@linkplain #flush flush} (at the end of each turn, at close, and when more than
 * {@value #MAX_PENDING_ENTRIES} lines or {@value #MAX_PENDING_CHARS} characters wait) or, with
 * {@link SessionStoreFlush#EAGER}, are sent one by one at once. A flush groups the frames by file
 * and makes one append per transcript. A failed append is retried after 200 ms and 800 ms; one that
 * does not finish within {@link #APPEND_TIMEOUT} is not (it may still land). A batch given up is
 * reported as a {@link MirrorErrorMessage}. Frames beyond {@value #MAX_BACKLOG_CHARS} characters
 * not yet appended (a store far slower than the CLI) are dropped and reported the same way, so
 * memory stays bounded.
 */
final class TranscriptMirror {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptMirror.class);

    static final int MAX_PENDING_ENTRIES = 500;
    static final int MAX_PENDING_CHARS = 1 << 20;
    static final long MAX_BACKLOG_CHARS = 64L << 20;
    static final Duration APPEND_TIMEOUT = Duration.ofSeconds(60);
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(200), Duration.ofMillis(800));

    /** One frame: a file and the lines appended to it. */
    private record Frame(String filePath, JsonNode entries, int chars) {
    }

    private final SessionStore store;
    private final Observers observers;
    private final SessionStoreFlush mode;
    private final MirrorKeys keys;
    private final Consumer<MirrorErrorMessage> errors;
    private final Duration appendTimeout;
    private final List<Duration> backoff;
    private final SerialExecutor worker = new SerialExecutor("claude-code-store-mirror");
    private final ReentrantLock lock = new ReentrantLock();
    private List<Frame> pending = new ArrayList<>();
    private int pendingEntries;
    private long pendingChars;
    private long backlogChars;

    TranscriptMirror(SessionStore store, SessionStoreFlush mode, MirrorKeys keys, Consumer<MirrorErrorMessage> errors) {
        this(store, mode, keys, errors, Observers.NONE);
    }

    TranscriptMirror(SessionStore store, SessionStoreFlush mode, MirrorKeys keys, Consumer<MirrorErrorMessage> errors,
            Observers observers) {
        this(store, mode, keys, errors, APPEND_TIMEOUT, BACKOFF, observers);
    }

    TranscriptMirror(SessionStore store, SessionStoreFlush mode, MirrorKeys keys, Consumer<MirrorErrorMessage> errors,
            Duration appendTimeout, List<Duration> backoff) {
        this(store, mode, keys, errors, appendTimeout, backoff, Observers.NONE);
    }

    TranscriptMirror(SessionStore store, SessionStoreFlush mode, MirrorKeys keys, Consumer<MirrorErrorMessage> errors,
            Duration appendTimeout, List<Duration> backoff, Observers observers) {
        this.observers = observers;
        this.store = store;
        this.mode = mode;
        this.keys = keys;
        this.errors = errors;
        this.appendTimeout = appendTimeout;
        this.backoff = List.copyOf(backoff);
    }

    /**
     * Takes a frame; on the reader thread, so it does no more than queue it.
     *
     * @param frame the {@code transcript_mirror} object
     * @param chars the length of its line, to bound what waits
     */
    void accept(JsonNode frame, int chars) {
        String filePath = Json.text(frame, "filePath", null);
        JsonNode entries = frame.get("entries");
        if (filePath == null || entries == null || !entries.isArray() || entries.isEmpty()) {
            return;
        }
        boolean flushNow;
        lock.lock();
        try {
            if (backlogChars + chars > MAX_BACKLOG_CHARS) {
                dropped(filePath, entries.size());
                return;
            }
            pending.add(new Frame(filePath, entries, chars));
            pendingEntries += entries.size();
            pendingChars += chars;
            backlogChars += chars;
            flushNow = mode == SessionStoreFlush.EAGER || pendingEntries > MAX_PENDING_ENTRIES || pendingChars > MAX_PENDING_CHARS;
        } finally {
            lock.unlock();
        }
        if (flushNow) {
            flush();
        }
    }

    /**
     * Sends what waits, after what is being sent.
     *
     * @return completes when everything taken so far has been appended or given up
     */
    CompletableFuture<Void> flush() {
        List<Frame> batch;
        CompletableFuture<Void> done = new CompletableFuture<>();
        lock.lock();
        try {
            batch = pending;
            pending = new ArrayList<>();
            pendingEntries = 0;
            pendingChars = 0;
        } finally {
            lock.unlock();
        }
        worker.execute(() -> {
            try {
                send(batch);
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * Sends what waits and waits for everything to be appended.
     *
     * @param timeout how long to wait at most
     * @return whether everything was appended or given up in time
     */
    boolean flushAndWait(Duration timeout) {
        try {
            flush().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true; // send() does not throw; a failure was reported
        }
    }

    private void send(List<Frame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        Map<String, List<JsonNode>> byFile = new LinkedHashMap<>();
        long chars = 0;
        for (Frame frame : frames) {
            List<JsonNode> lines = byFile.computeIfAbsent(frame.filePath(), file -> new ArrayList<>());
            frame.entries().forEach(lines::add);
            chars += frame.chars();
        }
        try {
            byFile.forEach(this::send);
        } finally {
            lock.lock();
            try {
                backlogChars -= chars;
            } finally {
                lock.unlock();
            }
        }
    }

    private void send(String filePath, List<JsonNode> lines) {
        Optional<SessionKey> key = keys.keyOf(filePath);
        if (key.isEmpty()) {
            LOG.warn("transcript lines of {} not mirrored: the file is not a transcript under the CLI's config directory", filePath);
            return;
        }
        List<SessionStoreEntry> entries = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            if (line.isObject()) {
                entries.add(SessionStoreEntry.parse(Json.write(line)));
            }
        }
        if (!entries.isEmpty()) {
            appendWithRetry(key.get(), entries);
        }
    }

    private void appendWithRetry(SessionKey key, List<SessionStoreEntry> entries) {
        RuntimeException failure = null;
        int attempts = backoff.size() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Observation<Void> observation = observers.storeAppend(key, entries.size());
            try {
                StoreCalls.call("SessionStore.append(" + key + ")", appendTimeout, () -> {
                    store.append(key, entries);
                    return null;
                });
                observation.end(null);
                return;
            } catch (StoreCalls.TimedOut e) {
                observation.fail(e);
                failure = e; // the append may still land: a retry could save the batch twice
                break;
            } catch (RuntimeException e) {
                observation.fail(e);
                failure = e;
                if (attempt < attempts && !pause(backoff.get(attempt - 1))) {
                    break;
                }
            }
        }
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        LOG.warn("{} transcript line(s) of {} were not appended to the session store: {}", entries.size(), key, reason);
        report(key, reason);
    }

    private void dropped(String filePath, int lines) {
        String reason = lines + " transcript line(s) dropped: more than " + (MAX_BACKLOG_CHARS >> 20)
                + " MiB were waiting for the session store";
        LOG.warn("{}: {}", filePath, reason);
        keys.keyOf(filePath).ifPresent(key -> report(key, reason));
    }

    private void report(SessionKey key, String reason) {
        String uuid = UUID.randomUUID().toString();
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("type", "system");
        raw.put("subtype", MirrorErrorMessage.SUBTYPE);
        raw.put("error", reason);
        Map<String, Object> keyFields = new LinkedHashMap<>();
        keyFields.put("projectKey", key.projectKey());
        keyFields.put("sessionId", key.sessionId());
        key.subpath().ifPresent(subpath -> keyFields.put("subpath", subpath));
        raw.put("key", keyFields);
        raw.put("uuid", uuid);
        raw.put("session_id", key.sessionId());
        try {
            errors.accept(new MirrorErrorMessage(reason, key, Envelope.of(raw)));
        } catch (RuntimeException e) {
            LOG.warn("reporting a session store failure failed", e);
        }
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
