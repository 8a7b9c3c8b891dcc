package dev.claudecode.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.InvalidSessionIdException;
import dev.claudecode.errors.SessionNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionImportTest {

    private static final String SESSION = "11111111-2222-4333-8444-555555555555";

    @TempDir
    Path config;

    /** A store that records each append's size. */
    private static final class CountingStore implements SessionStore {
        final InMemorySessionStore delegate = new InMemorySessionStore();
        final List<Integer> appends = new ArrayList<>();

        @Override
        public void append(SessionKey key, List<SessionStoreEntry> entries) {
            appends.add(entries.size());
            delegate.append(key, entries);
        }

        @Override
        public java.util.Optional<List<SessionStoreEntry>> load(SessionKey key) {
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

    private Path write(String relative, String text) throws Exception {
        Path file = config.resolve("projects").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void importsTheTranscriptInBatchesAndItsSubagentsWithTheirMetadata() throws Exception {
        StringBuilder main = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            main.append("{\"type\":\"user\",\"uuid\":\"m").append(i).append("\"}\n");
        }
        main.append("not json\n\n");
        write("-proj/" + SESSION + ".jsonl", main.toString());
        write("-proj/" + SESSION + "/subagents/agent-a1.jsonl", "{\"type\":\"user\",\"uuid\":\"s1\",\"isSidechain\":true}\n");
        write("-proj/" + SESSION + "/subagents/agent-a1.meta.json", "{\"agentType\":\"Explore\",\"toolUseId\":\"toolu_1\"}");
        write("-proj/" + SESSION + "/subagents/workflows/run-1/agent-b2.jsonl", "{\"type\":\"assistant\",\"uuid\":\"s2\"}\n");
        write("-proj/" + SESSION + "/tool-results/big.txt", "not a transcript");

        CountingStore store = new CountingStore();
        SessionKey key = SessionImport.builder(store).configDir(config).batchSize(3).build().importSession(SESSION);

        assertThat(key).isEqualTo(SessionKey.of("-proj", SESSION));
        assertThat(store.load(key).orElseThrow()).extracting(e -> e.uuid().orElseThrow())
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
        assertThat(store.appends.subList(0, 3)).containsExactly(3, 3, 1);
        assertThat(store.listSubkeys("-proj", SESSION)).containsExactlyInAnyOrder("subagents/agent-a1", "subagents/workflows/run-1/agent-b2");
        List<SessionStoreEntry> sub = store.load(key.withSubpath("subagents/agent-a1")).orElseThrow();
        assertThat(sub).hasSize(2);
        assertThat(sub.getLast().type()).isEqualTo("agent_metadata");
        assertThat(sub.getLast().value()).containsEntry("agentType", "Explore").containsEntry("toolUseId", "toolu_1");
    }

    @Test
    void aProjectKeyOfOnesOwnAndNoSubagents() throws Exception {
        write("-proj/" + SESSION + ".jsonl", "{\"type\":\"user\",\"uuid\":\"m0\"}\n");
        write("-proj/" + SESSION + "/subagents/agent-a1.jsonl", "{\"type\":\"user\",\"uuid\":\"s1\"}\n");
        InMemorySessionStore store = new InMemorySessionStore();
        SessionKey key = SessionImport.builder(store).configDir(config).projectKey("tenant-42").includeSubagents(false).build()
                .importSession(SESSION);
        assertThat(key).isEqualTo(SessionKey.of("tenant-42", SESSION));
        assertThat(store.load(key)).isPresent();
        assertThat(store.listSubkeys("tenant-42", SESSION)).isEmpty();
    }

    @Test
    void unknownAndInvalidSessions() {
        SessionImport importer = SessionImport.builder(new InMemorySessionStore()).configDir(config).build();
        assertThatThrownBy(() -> importer.importSession(SESSION)).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> importer.importSession("../etc")).isInstanceOf(InvalidSessionIdException.class);
        assertThatThrownBy(() -> SessionImport.builder(new InMemorySessionStore()).batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
