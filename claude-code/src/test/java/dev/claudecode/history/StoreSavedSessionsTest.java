package dev.claudecode.history;

import static dev.claudecode.history.RecordedSessionsTest.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionImport;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.StoreHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved-session changes of {@link StoreHistory}, on a session imported from disk. */
class StoreSavedSessionsTest {

    @TempDir
    Path temp;

    private final InMemorySessionStore store = new InMemorySessionStore();
    private StoreHistory history;
    private SessionKey key;

    @BeforeEach
    void importRecorded() throws Exception {
        Path config = temp.resolve("config");
        Path transcript = Fixtures.installRecorded(config, Fixtures.MULTI_TURN, Files.createDirectories(temp.resolve("project")));
        String sessionId = Fixtures.sessionIdOf(Fixtures.MULTI_TURN);
        Path subagents = Files.createDirectories(transcript.resolveSibling(sessionId).resolve("subagents"));
        Files.writeString(subagents.resolve("agent-c3.jsonl"),
                "{\"type\":\"user\",\"uuid\":\"s1\",\"isSidechain\":true,\"sessionId\":\"" + sessionId
                        + "\",\"message\":{\"role\":\"user\",\"content\":\"Look around\"}}\n");
        key = SessionImport.builder(store).configDir(config).build().importSession(sessionId);
        history = StoreHistory.of(store);
    }

    @Test
    void renameAndTagAreEntriesTheListingFolds() {
        history.renameSession(key, "Stored Ada");
        history.tagSession(key, "kept");
        assertThat(history.sessionInfo(key).orElseThrow())
                .satisfies(info -> assertThat(info.title()).contains("Stored Ada"))
                .satisfies(info -> assertThat(info.tag()).contains("kept"));
        assertThat(history.listSessions(key.projectKey())).singleElement()
                .satisfies(info -> assertThat(info.tag()).contains("kept"));
        history.untagSession(key);
        assertThat(history.sessionInfo(key).orElseThrow().tag()).isEmpty();
        assertThat(store.load(key).orElseThrow()).extracting(SessionStoreEntry::type).contains("custom-title", "tag");
    }

    @Test
    void aForkIsANewStoredSessionUpToAMessage() {
        List<SessionMessage> original = history.messages(key, HistoryQuery.all());
        String forked = history.forkSession(key, SessionFork.upTo(original.get(1).uuid()));

        SessionKey copy = SessionKey.of(key.projectKey(), forked);
        assertThat(describe(history.messages(copy, HistoryQuery.all())))
                .containsExactly("user: My name is Ada.", "assistant: Nice to meet you, Ada.");
        assertThat(history.sessionInfo(copy).orElseThrow().title()).hasValueSatisfying(title -> assertThat(title).endsWith(" (fork)"));
        assertThat(history.messages(copy, HistoryQuery.all())).allSatisfy(message -> assertThat(message.sessionId()).isEqualTo(forked));
    }

    @Test
    void subagentsAreListedAndReadAndDeleteRemovesAll() {
        assertThat(history.listSubagents(key)).containsExactly("c3");
        assertThat(describe(history.subagentMessages(key, "c3", HistoryQuery.all()))).containsExactly("user: Look around");
        assertThat(history.subagentMessages(key, "nope", HistoryQuery.all())).isEmpty();
        assertThatThrownBy(() -> history.subagentMessages(key, "../x", HistoryQuery.all())).isInstanceOf(IllegalArgumentException.class);

        history.deleteSession(key);
        assertThat(store.load(key)).isEmpty();
        assertThat(store.listSubkeys(key.projectKey(), key.sessionId())).isEmpty();
        assertThat(history.sessionInfo(key)).isEmpty();
    }
}
