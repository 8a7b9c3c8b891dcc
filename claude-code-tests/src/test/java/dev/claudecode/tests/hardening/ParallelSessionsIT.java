package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many sessions of the real CLI at once, all talking to one {@link FakeClaudeApi}, each with
 * several turns: every result is the answer to that session's own question, every message carries
 * that session's id, and every request the model API saw holds one session's conversation only.
 *
 * <p>All sessions are open and their turns overlap. They are started a few at a time, so that a
 * loaded machine does not fail the start-up handshakes, then released together. {@code
 * -Dclaudecode.parallel.sessions=N} and {@code -Dclaudecode.parallel.turns=N} set the size; the
 * normal build runs {@value #DEFAULT_SESSIONS} sessions (see RELIABILITY.md for why, and for the
 * figures of 100).
 */
class ParallelSessionsIT {

    private static final int DEFAULT_SESSIONS = 20;
    private static final int SESSIONS = Integer.getInteger("claudecode.parallel.sessions", DEFAULT_SESSIONS);
    private static final int TURNS = Integer.getInteger("claudecode.parallel.turns", 3);
    private static final int STARTING_AT_ONCE = 4;
    private static final Pattern TOKEN = Pattern.compile("token (s\\d+-t\\d+)");

    @TempDir
    Path cwd;

    @Test
    void parallelSessionsGetTheirOwnAnswersAndConversations() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (FakeClaudeApi api = FakeClaudeApi.builder()
                .defaultReply(Reply.from(request -> Reply.text("answer for " + token(request.lastUserText().orElse("")))))
                .start()) {
            ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                    .env("HARDENING_MARKER", marker).controlTimeout(Duration.ofMinutes(3)).build();
            MemorySampler memory = MemorySampler.start();
            long started = System.nanoTime();
            List<Session> sessions = startAll(options);
            long allUpMs = (System.nanoTime() - started) / 1_000_000;
            Map<Integer, String> sessionIds = new ConcurrentHashMap<>();
            AtomicLong messages = new AtomicLong();
            long turnsStarted = System.nanoTime();
            try {
                // one CLI per session; what a CLI starts meanwhile carries the marker too
                assertThat(Procs.clis(marker)).hasSize(SESSIONS);
                CountDownLatch go = new CountDownLatch(1);
                try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int s = 0; s < SESSIONS; s++) {
                        int index = s;
                        done.add(clients.submit(() -> {
                            go.await();
                            converse(index, sessions.get(index), sessionIds, messages);
                            return null;
                        }));
                    }
                    go.countDown();
                    for (Future<?> future : done) {
                        future.get();
                    }
                }
            } finally {
                sessions.parallelStream().forEach(Session::close);
            }
            long turnsMs = (System.nanoTime() - turnsStarted) / 1_000_000;
            memory.stop();

            assertThat(new HashSet<>(sessionIds.values())).as("a session id of its own for every session").hasSize(SESSIONS);
            int requests = checkEveryRequestHeldOneConversation(api, sessionIds);
            assertThat(Procs.await(10_000, () -> Procs.withEnv("HARDENING_MARKER", marker).isEmpty())).isTrue();
            Figures.record("concurrency", SESSIONS + " real CLI sessions in parallel on one FakeClaudeApi", String.format(
                    "%d sessions x %d turns: %d of %d results right and attributed, %,d messages all with their session's id, "
                            + "%d model requests each with one session's conversation; started (%d at a time) in %,d ms, "
                            + "turns ran together in %,d ms; peak private memory of the CLIs %,d MB (%,d MB each); 0 CLIs left",
                    SESSIONS, TURNS, SESSIONS * TURNS, SESSIONS * TURNS, messages.get(), requests, STARTING_AT_ONCE, allUpMs,
                    turnsMs, memory.peakBytes() / (1024 * 1024), memory.peakBytes() / (1024 * 1024) / SESSIONS));
        }
    }

    /** Starts every session, a few at a time, each through its start-up handshake. */
    private static List<Session> startAll(ClaudeCodeOptions options) throws Exception {
        List<Session> sessions = new ArrayList<>();
        try (ExecutorService starters = Executors.newFixedThreadPool(STARTING_AT_ONCE)) {
            List<Future<Session>> starting = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                starting.add(starters.submit(() -> {
                    Session session = ClaudeCode.start(options);
                    session.control().serverInfo();
                    return session;
                }));
            }
            for (Future<Session> future : starting) {
                sessions.add(future.get());
            }
        } catch (Exception e) {
            sessions.forEach(Session::close);
            throw e;
        }
        return sessions;
    }

    private static void converse(int index, Session session, Map<Integer, String> sessionIds, AtomicLong messages) {
        for (int turn = 1; turn <= TURNS; turn++) {
            String token = "s" + index + "-t" + turn;
            ResultMessage result = null;
            try (MessageStream stream = session.stream("Please remember the token " + token + ".")) {
                for (Message message : stream) {
                    messages.incrementAndGet();
                    String id = message.sessionId().orElseThrow();
                    assertThat(sessionIds.computeIfAbsent(index, k -> id)).as(token).isEqualTo(id);
                    if (message instanceof ResultMessage done) {
                        result = done;
                    }
                }
            }
            assertThat(result).as(token).isNotNull();
            assertThat(result.result()).as(token).contains("answer for " + token);
            assertThat(session.sessionId()).contains(sessionIds.get(index));
        }
    }

    /**
     * Every request answered a token of one session, came with that session's id, and held that
     * session's earlier tokens in order and no other session's.
     *
     * @return how many requests there were
     */
    private static int checkEveryRequestHeldOneConversation(FakeClaudeApi api, Map<Integer, String> sessionIds) {
        List<RecordedRequest> main = api.log().main();
        Set<String> answered = new HashSet<>();
        for (RecordedRequest request : main) {
            List<String> tokens = new ArrayList<>();
            for (String text : request.userTexts()) {
                Matcher matcher = TOKEN.matcher(text);
                while (matcher.find()) {
                    tokens.add(matcher.group(1));
                }
            }
            assertThat(tokens).as(request.toString()).isNotEmpty();
            String last = tokens.getLast();
            int session = Integer.parseInt(last.substring(1, last.indexOf('-')));
            int turn = Integer.parseInt(last.substring(last.indexOf("-t") + 2));
            List<String> expected = new ArrayList<>();
            for (int t = 1; t <= turn; t++) {
                expected.add("s" + session + "-t" + t);
            }
            assertThat(tokens).as("the conversation of session %d", session).isEqualTo(expected);
            assertThat(request.sessionId()).as(last).contains(sessionIds.get(session));
            answered.add(last);
        }
        assertThat(answered).hasSize(SESSIONS * TURNS);
        return main.size();
    }

    private static String token(String prompt) {
        Matcher matcher = TOKEN.matcher(prompt);
        return matcher.find() ? matcher.group(1) : "no token";
    }

    /**
     * Samples the private resident memory ({@code RssAnon}) of this JVM's child processes, the
     * CLIs, and keeps the peak: what they really take, since the pages of the CLI's binary are
     * shared.
     */
    private static final class MemorySampler {

        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static MemorySampler start() {
            MemorySampler sampler = new MemorySampler();
            sampler.thread = Thread.ofVirtual().name("memory-sampler").start(sampler::run);
            return sampler;
        }

        private void run() {
            while (running) {
                long total = ProcessHandle.current().descendants().mapToLong(p -> residentBytes(p.pid())).sum();
                peak.accumulateAndGet(total, Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }

        long peakBytes() {
            return peak.get();
        }

        private static long residentBytes(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                    if (line.startsWith("RssAnon:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the process is gone
            }
            return 0;
        }
    }
}
