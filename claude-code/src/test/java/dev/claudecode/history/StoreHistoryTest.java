package dev.claudecode.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.SessionNotFoundException;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionImport;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.StoreHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history functions give the same answers over a store as over the disk: every recorded
 * transcript of the real CLI is imported into a store and read back both ways.
 */
class StoreHistoryTest {

    @TempDir
    Path temp;

    private Path project;
    private History disk;
    private InMemorySessionStore store;
    private StoreHistory stored;

    @BeforeEach
    void importRecordings() throws Exception {
        Path config = temp.resolve("config");
        project = Files.createDirectories(temp.resolve("ws").resolve("project")).toRealPath();
        for (String name : Fixtures.RECORDED) {
            Fixtures.installRecorded(config, name, project);
        }
        disk = History.at(config);
        store = new InMemorySessionStore();
        SessionImport importer = SessionImport.builder(store).configDir(config).build();
        for (String name : Fixtures.RECORDED) {
            SessionKey key = importer.importSession(Fixtures.sessionIdOf(name));
            assertThat(key.projectKey()).isEqualTo(StoreHistory.projectKey(project));
        }
        stored = StoreHistory.of(store);
    }

    @Test
    void messagesAreTheSameAsOnDisk() {
        for (String name : Fixtures.RECORDED) {
            String id = Fixtures.sessionIdOf(name);
            for (HistoryQuery query : List.of(HistoryQuery.all(), HistoryQuery.of(Page.first(2).offset(1)),
                    HistoryQuery.builder().includeMeta(true).build())) {
                assertThat(stored.messages(id, project, query)).as(name + " " + query).isEqualTo(disk.messages(id, project, query));
            }
        }
    }

    @Test
    void sessionInfoIsTheSameAsOnDiskButForTheFile() {
        Map<String, SessionInfo> onDisk = disk.listSessions(SessionListQuery.builder().projectPath(project).countMessages(true).build())
                .stream().collect(Collectors.toMap(SessionInfo::sessionId, Function.identity()));
        assertThat(onDisk).hasSize(Fixtures.RECORDED.size());
        for (SessionInfo expected : onDisk.values()) {
            SessionInfo actual = stored.sessionInfo(expected.sessionId(), project).orElseThrow();
            assertThat(actual.file()).isEqualTo(Path.of(StoreHistory.projectKey(project), expected.sessionId() + ".jsonl"));
            assertThat(actual).usingRecursiveComparison()
                    .ignoringFields("file", "projectDirectory", "projectPath", "modified", "fileSize")
                    .isEqualTo(expected);
        }
    }

    @Test
    void listingComesFromTheSummariesNewestFirst() {
        List<SessionInfo> listed = stored.listSessions(SessionListQuery.forProject(project));
        assertThat(listed).extracting(SessionInfo::sessionId)
                .containsExactlyElementsOf(Fixtures.RECORDED.reversed().stream().map(Fixtures::sessionIdOf).toList());
        assertThat(listed).isSortedAccordingTo((a, b) -> b.modified().compareTo(a.modified()));
        Map<String, SessionInfo> onDisk = disk.listSessions(SessionListQuery.forProject(project)).stream()
                .collect(Collectors.toMap(SessionInfo::sessionId, Function.identity()));
        for (SessionInfo info : listed) {
            SessionInfo expected = onDisk.get(info.sessionId());
            assertThat(info.title()).as(info.sessionId()).isEqualTo(expected.title());
            assertThat(info.firstPrompt()).as(info.sessionId()).isEqualTo(expected.firstPrompt());
            assertThat(info.lastPrompt()).as(info.sessionId()).isEqualTo(expected.lastPrompt());
            assertThat(info.cwd()).as(info.sessionId()).isEqualTo(expected.cwd());
            assertThat(info.created()).as(info.sessionId()).isEqualTo(expected.created());
            assertThat(info.modified()).isAfter(Instant.now().minusSeconds(60));
        }
        assertThat(stored.listSessions(StoreHistory.projectKey(project), Page.first(3).offset(2), false))
                .extracting(SessionInfo::sessionId).containsExactlyElementsOf(listed.subList(2, 5).stream().map(SessionInfo::sessionId).toList());
    }

    @Test
    void aSessionWithoutSummaryIsSummarizedFromItsEntries() {
        String projectKey = StoreHistory.projectKey(project);
        // a store that keeps no summary: the default of the interface folds them from the transcripts
        var plain = new dev.claudecode.store.SessionStore() {
            public void append(SessionKey key, List<SessionStoreEntry> entries) { store.append(key, entries); }
            public java.util.Optional<List<SessionStoreEntry>> load(SessionKey key) { return store.load(key); }
            public List<dev.claudecode.store.StoredSession> listSessions(String p) { return store.listSessions(p); }
            public void delete(SessionKey key) { store.delete(key); }
            public List<String> listSubkeys(String p, String s) { return store.listSubkeys(p, s); }
        };
        assertThat(StoreHistory.of(plain).listSessions(projectKey)).usingRecursiveComparison()
                .isEqualTo(stored.listSessions(projectKey));
    }

    @Test
    void aSessionTheStoreDoesNotHoldIsNotFound() {
        String unknown = Fixtures.sessionId(99);
        assertThat(stored.sessionInfo(unknown, project)).isEmpty();
        assertThatThrownBy(() -> stored.messages(unknown, project, HistoryQuery.all())).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> stored.listSessions(SessionListQuery.all())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void importingTwiceAddsNoMessageTwice() {
        String id = Fixtures.sessionIdOf(Fixtures.TOOL_FLOW);
        SessionKey key = SessionKey.of(StoreHistory.projectKey(project), id);
        long before = store.load(key).orElseThrow().stream().filter(e -> e.uuid().isPresent()).count();
        SessionImport.builder(store).configDir(disk.configDir()).batchSize(3).build().importSession(id);
        assertThat(store.load(key).orElseThrow().stream().filter(e -> e.uuid().isPresent()).count()).isEqualTo(before);
        assertThat(stored.messages(id, project, HistoryQuery.all())).isEqualTo(disk.messages(id, project, HistoryQuery.all()));
    }
}
