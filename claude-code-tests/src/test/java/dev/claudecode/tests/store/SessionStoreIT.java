package dev.claudecode.tests.store;

import dev.claudecode.options.SessionStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.errors.SessionStoreException;
import dev.claudecode.history.History;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.Page;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.message.MirrorErrorMessage;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionImport;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStore;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.SessionStoreFlush;
import dev.claudecode.store.StoreHistory;
import dev.claudecode.store.StoredSession;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions with a store, against the real CLI: what it mirrors, resuming from the store with an
 * empty config directory, continue, history, and a store that fails.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class SessionStoreIT {

    /** The first CLI version this test was written against; older ones mirror the same frames. */
    static final String MIRROR_CLI = "2.1.332";

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api, SessionStore store) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.atLeast(MIRROR_CLI)).cwd(cwd).env(api.environment()).sessionStore(store);
    }

    private String projectKey() {
        return StoreHistory.projectKey(cwd);
    }

    private String conversation(FakeClaudeApi api, SessionStore store) {
        api.enqueue(Reply.text("Noted: the code word is marmalade"), Reply.text("Noted twice"));
        try (Session session = ClaudeCode.start(options(api, store).build())) {
            session.query("The code word is marmalade");
            session.query("Remember it well");
            return session.sessionId().orElseThrow();
        }
    }

    private static List<String> uuids(List<SessionStoreEntry> entries) {
        return entries.stream().flatMap(entry -> entry.uuid().stream()).toList();
    }

    @Test
    void everyConversationLineTheCliWritesIsInTheStore(FakeClaudeApi api) throws IOException {
        InMemorySessionStore store = new InMemorySessionStore();
        String sessionId = conversation(api, store);

        Path file = History.at(api.configDir()).findSessionFile(sessionId).orElseThrow();
        List<SessionStoreEntry> onDisk;
        try (Stream<String> lines = Files.lines(file)) {
            onDisk = lines.map(SessionStoreEntry::parse).toList();
        }
        List<SessionStoreEntry> stored = store.load(SessionKey.of(projectKey(), sessionId)).orElseThrow();
        assertThat(file.getParent().getFileName().toString()).isEqualTo(projectKey());
        // the CLI does not mirror its API request log records; every other line is there, in order
        assertThat(stored).containsExactlyElementsOf(onDisk.stream().filter(entry -> !entry.type().startsWith("api-request")).toList());
        assertThat(uuids(stored)).hasSizeGreaterThan(4).doesNotHaveDuplicates();
        assertThat(store.listSessions(projectKey())).extracting(StoredSession::sessionId).containsExactly(sessionId);
    }

    @Test
    void aSessionResumedFromTheStoreNeedsNoLocalTranscript(FakeClaudeApi api) throws IOException {
        InMemorySessionStore store = new InMemorySessionStore();
        String sessionId = conversation(api, store);
        int storedBefore = store.load(SessionKey.of(projectKey(), sessionId)).orElseThrow().size();

        try (FakeClaudeApi elsewhere = FakeClaudeApi.start()) {
            elsewhere.enqueue(Reply.text("marmalade"));
            ResultMessage result;
            try (Session session = ClaudeCode.start(options(elsewhere, store).start(SessionStart.resume(sessionId)).build())) {
                result = session.query("What was the code word?");
            }
            assertThat(result.sessionId()).contains(sessionId);
            assertThat(elsewhere.lastMainRequest().orElseThrow().allUserText())
                    .contains("The code word is marmalade", "Remember it well", "What was the code word?");
            // the CLI wrote into a temporary config directory, deleted since; its own stayed empty
            assertThat(History.at(elsewhere.configDir()).findSessionFile(sessionId)).isEmpty();
        }
        List<SessionStoreEntry> after = store.load(SessionKey.of(projectKey(), sessionId)).orElseThrow();
        assertThat(after.size()).isGreaterThan(storedBefore);
        assertThat(StoreHistory.of(store).messages(SessionKey.of(projectKey(), sessionId), HistoryQuery.all()))
                .extracting(message -> String.valueOf(message.message().get("content")))
                .anySatisfy(text -> assertThat(text).contains("What was the code word?"))
                .anySatisfy(text -> assertThat(text).contains("marmalade"));
    }

    @Test
    void anOpenSessionHandsItsConversationOverOnceFlushed(FakeClaudeApi api) {
        InMemorySessionStore store = new InMemorySessionStore();
        api.enqueue(Reply.text("Noted: the code word is quince"));
        try (Session session = ClaudeCode.start(options(api, store).build()); FakeClaudeApi elsewhere = FakeClaudeApi.start()) {
            session.query("The code word is quince");
            assertThat(session.flushSessionStore(Duration.ofSeconds(30))).isTrue();
            elsewhere.enqueue(Reply.text("quince"));
            ResultMessage result = ClaudeCode.query("What was the code word?",
                    options(elsewhere, store).start(SessionStart.resume(session.sessionId().orElseThrow())).build());
            assertThat(result.isError()).isFalse();
            assertThat(elsewhere.lastMainRequest().orElseThrow().allUserText()).contains("The code word is quince");
        }
    }

    @Test
    void continueTakesTheStoresNewestSessionOfTheProject(FakeClaudeApi api) {
        InMemorySessionStore store = new InMemorySessionStore();
        conversation(api, store);
        api.enqueue(Reply.text("Noted: the colour is teal"));
        String newest = ClaudeCode.query("The colour is teal", options(api, store).build()).sessionId().orElseThrow();

        try (FakeClaudeApi elsewhere = FakeClaudeApi.start()) {
            elsewhere.enqueue(Reply.text("teal"));
            ResultMessage result = ClaudeCode.query("Which colour?", options(elsewhere, store).start(SessionStart.continueLatest()).build());
            assertThat(result.sessionId()).contains(newest);
            assertThat(elsewhere.lastMainRequest().orElseThrow().allUserText()).contains("The colour is teal")
                    .doesNotContain("marmalade");
        }
    }

    @Test
    void continueWithAnEmptyStoreStartsANewSession(FakeClaudeApi api) {
        api.enqueue(Reply.text("hello"));
        ResultMessage result = ClaudeCode.query("hi", options(api, new InMemorySessionStore()).start(SessionStart.continueLatest()).build());
        assertThat(result.isError()).isFalse();
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).isEqualTo("hi");
    }

    @Test
    void historyFunctionsReadTheStoreAsTheyReadTheDisk(FakeClaudeApi api) {
        InMemorySessionStore store = new InMemorySessionStore();
        api.enqueue(Reply.text("8"), Reply.text("16"));
        String sessionId;
        Session session = ClaudeCode.start(options(api, store).build());
        try (session) {
            session.query("What is 5 + 3?");
            session.query("And times 2?");
            sessionId = session.sessionId().orElseThrow();
        }
        History disk = History.at(api.configDir());
        assertThat(session.messages()).isEqualTo(disk.messages(sessionId, cwd, HistoryQuery.all())).hasSize(4);
        assertThat(session.messages(HistoryQuery.of(Page.first(2).offset(1)))).isEqualTo(disk.messages(sessionId, cwd, HistoryQuery.of(Page.first(2).offset(1))));
        SessionInfo listed = session.listSessions().getFirst();
        SessionInfo onDisk = disk.listSessions(dev.claudecode.history.SessionListQuery.forProject(cwd)).getFirst();
        assertThat(listed.sessionId()).isEqualTo(sessionId);
        assertThat(listed.firstPrompt()).isEqualTo(onDisk.firstPrompt()).contains("What is 5 + 3?");
        assertThat(listed.lastPrompt()).isEqualTo(onDisk.lastPrompt());
        assertThat(listed.cwd()).isEqualTo(onDisk.cwd());
        assertThat(StoreHistory.of(store).sessionInfo(sessionId, cwd).orElseThrow().messageCount()).hasValue(4);
    }

    @Test
    void aFailingStoreIsReportedAndTheConversationGoesOn(FakeClaudeApi api) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        InMemorySessionStore working = new InMemorySessionStore();
        SessionStore failing = new DelegatingStore(working) {
            @Override
            public void append(SessionKey key, List<SessionStoreEntry> entries) {
                attempts.incrementAndGet();
                throw new SessionStoreException("the database is down");
            }
        };
        List<MirrorErrorMessage> errors = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("first"), Reply.text("second"));
        try (Session session = ClaudeCode.start(options(api, failing).build())) {
            session.addListener(message -> {
                if (message instanceof MirrorErrorMessage error) {
                    errors.add(error);
                }
            });
            assertThat(session.query("one").result()).contains("first");
            awaitUntil(() -> !errors.isEmpty(), Duration.ofSeconds(20));
            assertThat(session.query("two").result()).contains("second");
            String sessionId = session.sessionId().orElseThrow();
            MirrorErrorMessage error = errors.getFirst();
            assertThat(error.subtype()).isEqualTo("mirror_error");
            assertThat(error.error()).contains("the database is down");
            assertThat(error.key()).isEqualTo(SessionKey.of(projectKey(), sessionId));
            assertThat(error.sessionId()).contains(sessionId);
        }
        // three attempts per batch: the first and two retries
        assertThat(attempts.get() % 3).isZero();
        assertThat(working.size()).isZero();
        // what the store missed can be imported from the CLI's own file
        String sessionId = errors.getFirst().key().sessionId();
        SessionImport.builder(working).configDir(api.configDir()).build().importSession(sessionId);
        assertThat(StoreHistory.of(working).messages(sessionId, cwd, HistoryQuery.all())).hasSize(4);
    }

    @Test
    void eagerFlushAppendsEachReportAsItComes(FakeClaudeApi api) throws Exception {
        AtomicInteger appends = new AtomicInteger();
        InMemorySessionStore inner = new InMemorySessionStore();
        SessionStore counting = new DelegatingStore(inner) {
            @Override
            public void append(SessionKey key, List<SessionStoreEntry> entries) {
                appends.incrementAndGet();
                super.append(key, entries);
            }
        };
        InMemorySessionStore batchedStore = new InMemorySessionStore();
        AtomicInteger batchedAppends = new AtomicInteger();
        SessionStore batched = new DelegatingStore(batchedStore) {
            @Override
            public void append(SessionKey key, List<SessionStoreEntry> entries) {
                batchedAppends.incrementAndGet();
                super.append(key, entries);
            }
        };
        api.enqueue(Reply.text("a"), Reply.text("b"));
        String eager = ClaudeCode.query("x", options(api, counting).sessionStoreFlush(SessionStoreFlush.EAGER).build()).sessionId().orElseThrow();
        String plain = ClaudeCode.query("x", options(api, batched).build()).sessionId().orElseThrow();
        assertThat(inner.load(SessionKey.of(projectKey(), eager))).isPresent();
        assertThat(batchedStore.load(SessionKey.of(projectKey(), plain))).isPresent();
        // the same conversation: one append per frame against one per flush (turn end, close). The
        // CLI writes the prompt's line before it asks the model and the reply's after, so at least
        // two frames; how many more depends on how the CLI's writes fall together.
        assertThat(appends.get()).isGreaterThanOrEqualTo(2).isGreaterThanOrEqualTo(batchedAppends.get());
        assertThat(batchedAppends.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void resumingFromAStoreThatFailsFailsTheStart(FakeClaudeApi api) {
        SessionStore broken = new DelegatingStore(new InMemorySessionStore()) {
            @Override
            public Optional<List<SessionStoreEntry>> load(SessionKey key) {
                throw new SessionStoreException("connection refused");
            }
        };
        String sessionId = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b";
        assertThatThrownBy(() -> ClaudeCode.start(options(api, broken).start(SessionStart.resume(sessionId)).build()))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("connection refused");
    }

    @Test
    void aStoreThatHangsOnLoadTimesOut(FakeClaudeApi api) {
        SessionStore hanging = new DelegatingStore(new InMemorySessionStore()) {
            @Override
            public Optional<List<SessionStoreEntry>> load(SessionKey key) {
                try {
                    Thread.sleep(Duration.ofMinutes(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }
        };
        String sessionId = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b";
        assertThatThrownBy(() -> ClaudeCode.start(options(api, hanging).start(SessionStart.resume(sessionId))
                .sessionStoreLoadTimeout(Duration.ofMillis(300)).build()))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("did not finish within 300 ms");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** A store that passes every call on. */
    static class DelegatingStore implements SessionStore {
        private final SessionStore delegate;

        DelegatingStore(SessionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(SessionKey key, List<SessionStoreEntry> entries) {
            delegate.append(key, entries);
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
}
