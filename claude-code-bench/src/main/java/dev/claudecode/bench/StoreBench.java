package dev.claudecode.bench;

import dev.claudecode.options.SessionStart;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.StoredSession;
import dev.claudecode.store.jdbc.JdbcSessionStore;
import dev.claudecode.store.jdbc.PostgresServer;
import dev.claudecode.store.redis.RedisServer;
import dev.claudecode.store.redis.RedisSessionStore;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.RedisClient;

/**
 * Session stores beside a local-disk session: what a store adds to a turn, how long resuming a
 * 10,000-entry session takes from PostgreSQL and from Redis, and how many entries one store takes
 * per second from 100 sessions at once. PostgreSQL runs with durable commits (fsync on) in a
 * throwaway cluster, Redis without persistence, both on loopback on this machine.
 */
final class StoreBench {

    static final int RESUME_ENTRIES = 10_000;
    static final int CONCURRENT_SESSIONS = 100;
    static final int BATCH = 10;
    static final int ENTRY_BYTES = 1_000;

    /** Per turn: the turn itself, the appends it caused, and the time until the store had it. */
    record TurnRow(String store, Summary turnMs, Summary appendMs, Summary storedMs) {
    }

    /** Resuming a long session: the store's load alone, and a new session's start plus one turn. */
    record ResumeRow(String store, Summary loadMs, Summary startAndTurnMs) {
    }

    /** One store under many writers. */
    record ThroughputRow(String store, double entriesPerSecond, Summary appendMs, double p99Ms) {
    }

    /** Everything measured. */
    record Result(List<TurnRow> turns, List<ResumeRow> resumes, List<ThroughputRow> throughput, int turnCount,
            Duration throughputWindow) {
    }

    private final BenchContext context;
    private final Path cli;

    StoreBench(BenchContext context, Path cli) {
        this.context = context;
        this.cli = cli;
    }

    Result run(int turns, Duration window) throws Exception {
        try (PostgresServer postgres = PostgresServer.start(true);
                HikariDataSource pool = pool(postgres);
                RedisServer redisServer = RedisServer.start();
                RedisClient redis = redisServer.client(CONCURRENT_SESSIONS)) {
            Map<String, SessionStore> stores = new LinkedHashMap<>();
            stores.put("PostgreSQL", JdbcSessionStore.builder(pool).build());
            stores.put("Redis", RedisSessionStore.builder(redis).build());
            Log.progress("store: %d turns per store beside a local-disk session", turns);
            List<TurnRow> turnRows = turns(stores, turns);
            Log.progress("store: resuming a %,d-entry session", RESUME_ENTRIES);
            List<ResumeRow> resumeRows = resumes(stores);
            Map<String, SessionStore> withMemory = new LinkedHashMap<>(stores);
            withMemory.put("in-memory (reference)", new InMemorySessionStore());
            List<ThroughputRow> throughputRows = new ArrayList<>();
            for (Map.Entry<String, SessionStore> store : withMemory.entrySet()) {
                Log.progress("store: %d sessions appending to %s for %s", CONCURRENT_SESSIONS, store.getKey(), window);
                throughputRows.add(throughput(store.getKey(), store.getValue(), window));
            }
            return new Result(turnRows, resumeRows, throughputRows, turns, window);
        }
    }

    private static HikariDataSource pool(PostgresServer server) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.dataSource());
        config.setMaximumPoolSize(32);
        config.setPoolName("bench-store");
        return new HikariDataSource(config);
    }

    // ---------------------------------------------------------------- per turn

    /** A store that times its appends. */
    private static final class TimedStore implements SessionStore {
        final SessionStore delegate;
        final List<Double> appendMs = Collections.synchronizedList(new ArrayList<>());

        TimedStore(SessionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(SessionKey key, List<SessionStoreEntry> entries) {
            long start = System.nanoTime();
            delegate.append(key, entries);
            appendMs.add((System.nanoTime() - start) / 1e6);
        }

        @Override
        public Optional<List<SessionStoreEntry>> load(SessionKey key) {
            return delegate.load(key);
        }

        @Override
        public List<StoredSession> listSessions(String projectKey) {
            return delegate.listSessions(projectKey);
        }

        @Override
        public void delete(SessionKey key) {
            delegate.delete(key);
        }

        @Override
        public List<String> listSubkeys(String projectKey, String sessionId) {
            return delegate.listSubkeys(projectKey, sessionId);
        }
    }

    private List<TurnRow> turns(Map<String, SessionStore> stores, int turns) throws IOException {
        Path cwd = Files.createDirectories(context.work().resolve("store-turns"));
        List<String> names = new ArrayList<>(List.of("local disk"));
        names.addAll(stores.keySet());
        Map<String, List<Double>> turnMs = new LinkedHashMap<>();
        Map<String, List<Double>> storedMs = new LinkedHashMap<>();
        Map<String, List<Double>> appendMs = new LinkedHashMap<>();
        Map<String, TimedStore> timed = new LinkedHashMap<>();
        Map<String, Session> sessions = new LinkedHashMap<>();
        try (FakeClaudeApi api = FakeClaudeApi.start()) {
            api.enqueue(Collections.nCopies((turns + 2) * names.size(), Reply.text("Noted.")));
            try {
                for (String name : names) {
                    ClaudeCodeOptions.Builder options = ClaudeCodeOptions.builder().cliPath(cli).cwd(cwd).env(api.environment());
                    if (stores.containsKey(name)) {
                        TimedStore store = new TimedStore(stores.get(name));
                        timed.put(name, store);
                        options.sessionStore(store);
                    }
                    Session session = ClaudeCode.start(options.build());
                    sessions.put(name, session);
                    query(name, session, "warm up");
                    session.flushSessionStore(Duration.ofSeconds(60));
                    turnMs.put(name, new ArrayList<>());
                    storedMs.put(name, new ArrayList<>());
                    appendMs.put(name, new ArrayList<>());
                }
                // round by round, so that a change in the machine's load hits every store alike
                for (int turn = 0; turn < turns; turn++) {
                    for (String name : names) {
                        Session session = sessions.get(name);
                        TimedStore store = timed.get(name);
                        int appendsBefore = store == null ? 0 : store.appendMs.size();
                        long start = System.nanoTime();
                        query(name, session, "Turn " + turn + ": remember the number " + turn);
                        long answered = System.nanoTime();
                        session.flushSessionStore(Duration.ofSeconds(60));
                        long stored = System.nanoTime();
                        turnMs.get(name).add((answered - start) / 1e6);
                        storedMs.get(name).add((stored - start) / 1e6);
                        if (store != null) {
                            synchronized (store.appendMs) {
                                appendMs.get(name).add(store.appendMs.subList(appendsBefore, store.appendMs.size()).stream()
                                        .mapToDouble(Double::doubleValue).sum());
                            }
                        }
                    }
                }
            } finally {
                sessions.values().forEach(Session::close);
            }
        }
        List<TurnRow> rows = new ArrayList<>();
        for (String name : names) {
            Summary append = timed.containsKey(name) ? Summary.of(appendMs.get(name)) : null;
            rows.add(new TurnRow(name, Summary.of(turnMs.get(name)), append, Summary.of(storedMs.get(name))));
        }
        return rows;
    }

    // ---------------------------------------------------------------- resume

    private List<ResumeRow> resumes(Map<String, SessionStore> stores) throws IOException {
        Path cwd = Files.createDirectories(context.work().resolve("store-resume"));
        String projectKey = ProjectDirectories.encode(cwd);
        Map<String, List<Double>> load = new LinkedHashMap<>();
        Map<String, List<Double>> startAndTurn = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("local disk"));
        names.addAll(stores.keySet());
        names.forEach(name -> {
            load.put(name, new ArrayList<>());
            startAndTurn.put(name, new ArrayList<>());
        });
        for (int run = 0; run < context.runs(); run++) {
            // a new session each run: a resumed session adds its own turn to the store
            String sessionId = UUID.randomUUID().toString();
            List<SessionStoreEntry> transcript = longTranscript(sessionId, cwd.toRealPath().toString(), RESUME_ENTRIES);
            SessionKey key = SessionKey.of(projectKey, sessionId);
            for (SessionStore store : stores.values()) {
                for (int from = 0; from < transcript.size(); from += 500) {
                    store.append(key, transcript.subList(from, Math.min(transcript.size(), from + 500)));
                }
            }
            for (String name : names) {
                try (FakeClaudeApi api = FakeClaudeApi.start()) {
                    api.enqueue(Reply.text("Resumed."));
                    ClaudeCodeOptions.Builder options = ClaudeCodeOptions.builder().cliPath(cli).cwd(cwd).env(api.environment())
                            .start(SessionStart.resume(sessionId));
                    if (stores.containsKey(name)) {
                        long start = System.nanoTime();
                        int loaded = stores.get(name).load(key).orElseThrow().size();
                        load.get(name).add((System.nanoTime() - start) / 1e6);
                        if (loaded != RESUME_ENTRIES) {
                            throw new IllegalStateException(name + " loaded " + loaded + " entries");
                        }
                        options.sessionStore(stores.get(name));
                    } else {
                        // the same transcript where the CLI keeps it: its own resume, nothing for the SDK to load
                        Path file = api.configDir().resolve("projects").resolve(projectKey).resolve(sessionId + ".jsonl");
                        Files.createDirectories(file.getParent());
                        StringBuilder text = new StringBuilder();
                        transcript.forEach(entry -> text.append(entry.json()).append('\n'));
                        Files.writeString(file, text, StandardCharsets.UTF_8);
                    }
                    long start = System.nanoTime();
                    try (Session session = ClaudeCode.start(options.build())) {
                        var result = query(name, session, "What did we talk about?");
                        if (result.isError()) {
                            throw new IllegalStateException(name + ": the resumed turn failed: " + result);
                        }
                    }
                    startAndTurn.get(name).add((System.nanoTime() - start) / 1e6);
                    int sent = api.lastMainRequest().orElseThrow().messages().size();
                    if (sent < RESUME_ENTRIES / 2) {
                        throw new IllegalStateException(name + ": the model saw only " + sent + " messages");
                    }
                }
            }
        }
        List<ResumeRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new ResumeRow(name, load.get(name).isEmpty() ? null : Summary.of(load.get(name)), Summary.of(startAndTurn.get(name))));
        }
        return rows;
    }

    /** A conversation of {@code entries} lines, question and answer in turn, as the CLI writes them. */
    static List<SessionStoreEntry> longTranscript(String sessionId, String cwd, int entries) {
        List<SessionStoreEntry> transcript = new ArrayList<>(entries);
        String parent = null;
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < entries; i++) {
            boolean user = i % 2 == 0;
            String uuid = UUID.randomUUID().toString();
            Map<String, Object> message = new LinkedHashMap<>();
            if (user) {
                message.put("role", "user");
                message.put("content", "Question " + (i / 2) + ": what is " + i + " plus one?");
            } else {
                message.put("id", "msg_" + i);
                message.put("type", "message");
                message.put("role", "assistant");
                message.put("model", "claude-opus-4-8");
                message.put("content", List.of(Map.of("type", "text", "text", "It is " + i + ".")));
                message.put("stop_reason", "end_turn");
                message.put("usage", Map.of("input_tokens", 10, "output_tokens", 5));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("parentUuid", parent);
            entry.put("isSidechain", false);
            entry.put("type", user ? "user" : "assistant");
            entry.put("message", message);
            entry.put("uuid", uuid);
            entry.put("timestamp", time.plusSeconds(i).toString());
            entry.put("userType", "external");
            entry.put("entrypoint", "sdk-cli");
            entry.put("cwd", cwd);
            entry.put("sessionId", sessionId);
            entry.put("version", "2.1.197");
            transcript.add(SessionStoreEntry.of(entry));
            parent = uuid;
        }
        return transcript;
    }

    // ---------------------------------------------------------------- throughput

    private ThroughputRow throughput(String name, SessionStore store, Duration window) throws InterruptedException {
        String projectKey = "bench-throughput-" + UUID.randomUUID().toString().substring(0, 8);
        String padding = "x".repeat(ENTRY_BYTES - 120);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong entries = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(CONCURRENT_SESSIONS);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int session = 0; session < CONCURRENT_SESSIONS; session++) {
            SessionKey key = SessionKey.of(projectKey, "s" + session);
            Thread.ofVirtual().name("bench-store-writer").start(() -> {
                try {
                    long sequence = 0;
                    while (!stop.get()) {
                        List<SessionStoreEntry> batch = new ArrayList<>(BATCH);
                        for (int i = 0; i < BATCH; i++) {
                            batch.add(SessionStoreEntry.parse("{\"type\":\"assistant\",\"uuid\":\"" + key.sessionId() + "-" + sequence++
                                    + "\",\"message\":{\"role\":\"assistant\",\"content\":\"" + padding + "\"}}"));
                        }
                        long start = System.nanoTime();
                        store.append(key, batch);
                        if (measuring.get()) {
                            latencies.add((System.nanoTime() - start) / 1e6);
                            entries.addAndGet(BATCH);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(Duration.ofSeconds(2)); // warm-up: connections, plans, JIT
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(window);
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        if (!done.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " store: " + done.getCount() + " of " + CONCURRENT_SESSIONS
                    + " writers were still in an append 60 s after they were told to stop");
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name + ": appends failed", failures.getFirst());
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        return new ThroughputRow(name, entries.get() / (elapsed / 1e9), Summary.of(latencies), p99);
    }

    /** A turn of the Java SDK, failed with its last message when it takes longer than a minute. */
    private static dev.claudecode.message.ResultMessage query(String store, Session session, String prompt) {
        return Watchdog.within("Java SDK (" + store + " store)", Duration.ofMinutes(1), progress -> {
            try (dev.claudecode.MessageStream turn = session.stream(prompt)) {
                for (dev.claudecode.message.Message message : turn) {
                    progress.saw(message);
                    if (message instanceof dev.claudecode.message.ResultMessage result) {
                        return result;
                    }
                }
            }
            throw new IllegalStateException("the turn ended without a result");
        });
    }
}
