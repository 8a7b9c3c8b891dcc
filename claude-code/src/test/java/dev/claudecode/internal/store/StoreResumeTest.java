package dev.claudecode.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.internal.json.Json;
import dev.claudecode.node.LocalNode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SessionStart;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStoreEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreResumeTest {

    private static final String SESSION = "11111111-2222-4333-8444-555555555555";
    private static final String OLDER = "11111111-2222-4333-8444-000000000000";

    @TempDir
    Path temp;

    private final InMemorySessionStore store = new InMemorySessionStore();

    private ClaudeCodeOptions.Builder options(Path cwd, Path configDir) {
        return ClaudeCodeOptions.builder().cwd(cwd).env("CLAUDE_CONFIG_DIR", configDir.toString()).sessionStore(store);
    }

    private static SessionStoreEntry entry(String json) {
        return SessionStoreEntry.parse(json);
    }

    @Test
    void aResumedSessionIsWrittenIntoAPrivateConfigDirectoryWithItsSubagentsAndSettings() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("project"));
        Path userConfig = Files.createDirectories(temp.resolve("user-config"));
        Files.writeString(userConfig.resolve("settings.json"), "{\"model\":\"sonnet\"}");
        Files.writeString(userConfig.resolve(".credentials.json"), "{\"token\":\"secret\"}");
        Files.writeString(userConfig.resolve(".claude.json"), "{\"firstStartTime\":\"x\"}");
        String projectKey = ProjectDirectories.encode(cwd);
        SessionKey key = SessionKey.of(projectKey, SESSION);
        store.append(key, List.of(entry("{\"type\":\"user\",\"uuid\":\"u1\"}"), entry("{\"type\":\"assistant\",\"uuid\":\"a1\"}")));
        store.append(key.withSubpath("subagents/agent-x"), List.of(entry("{\"type\":\"user\",\"uuid\":\"s1\",\"isSidechain\":true}"),
                entry("{\"type\":\"agent_metadata\",\"agentType\":\"Explore\",\"toolUseId\":\"toolu_1\"}")));

        StoreResume.Prepared prepared = StoreResume.prepare(options(cwd, userConfig).start(SessionStart.resume(SESSION)).build(), LocalNode.instance());
        try {
            Path root = prepared.tempRoot().orElseThrow();
            Path config = Path.of(prepared.launchOptions().env().get("CLAUDE_CONFIG_DIR"));
            assertThat(config.getParent()).isEqualTo(root);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
            assertThat(prepared.launchOptions().start()).isEqualTo(SessionStart.resume(SESSION));
            Path projectDir = config.resolve("projects").resolve(projectKey);
            assertThat(Files.readAllLines(projectDir.resolve(SESSION + ".jsonl")))
                    .containsExactly("{\"type\":\"user\",\"uuid\":\"u1\"}", "{\"type\":\"assistant\",\"uuid\":\"a1\"}");
            Path subagents = projectDir.resolve(SESSION).resolve("subagents");
            assertThat(Files.readAllLines(subagents.resolve("agent-x.jsonl"))).containsExactly("{\"type\":\"user\",\"uuid\":\"s1\",\"isSidechain\":true}");
            assertThat(Json.toMap(Json.parse(Files.readString(subagents.resolve("agent-x.meta.json")))))
                    .isEqualTo(Map.of("agentType", "Explore", "toolUseId", "toolu_1"));
            assertThat(Files.readString(config.resolve("settings.json"))).contains("sonnet");
            assertThat(Files.readString(config.resolve(".credentials.json"))).contains("secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve(".credentials.json")))).isEqualTo("rw-------");
            assertThat(config.resolve(".claude.json")).exists();
        } finally {
            prepared.tempRoot().ifPresent(StoreResume::delete);
        }
        assertThat(prepared.tempRoot().orElseThrow()).doesNotExist();
    }

    @Test
    void continueResumesTheStoresNewestSession() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("project"));
        String projectKey = ProjectDirectories.encode(cwd);
        store.append(SessionKey.of(projectKey, OLDER), List.of(entry("{\"type\":\"user\",\"uuid\":\"old\"}")));
        store.append(SessionKey.of(projectKey, SESSION), List.of(entry("{\"type\":\"user\",\"uuid\":\"new\"}")));
        StoreResume.Prepared prepared = StoreResume.prepare(options(cwd, temp.resolve("none")).start(SessionStart.continueLatest()).build(),
                LocalNode.instance());
        try {
            assertThat(prepared.launchOptions().start()).isEqualTo(SessionStart.resume(SESSION));
        } finally {
            prepared.tempRoot().ifPresent(StoreResume::delete);
        }
    }

    @Test
    void nothingToResumeLeavesTheLaunchAlone() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("project"));
        ClaudeCodeOptions fresh = options(cwd, temp).build();
        assertThat(StoreResume.prepare(fresh, LocalNode.instance())).isEqualTo(new StoreResume.Prepared(fresh, java.util.Optional.empty()));
        ClaudeCodeOptions unknown = options(cwd, temp).start(SessionStart.resume(SESSION)).build();
        StoreResume.Prepared prepared = StoreResume.prepare(unknown, LocalNode.instance());
        assertThat(prepared.tempRoot()).isEmpty();
        assertThat(prepared.launchOptions().start()).isEqualTo(SessionStart.resume(SESSION));
        StoreResume.Prepared continued = StoreResume.prepare(options(cwd, temp).start(SessionStart.continueLatest()).build(), LocalNode.instance());
        assertThat(continued.launchOptions().start()).isEqualTo(SessionStart.newSession());
    }

    @Test
    void aProjectKeyOfTheOptionsIsLoadedAndWrittenUnderTheWorkingDirectorysName() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("project"));
        store.append(SessionKey.of("tenant-7", SESSION), List.of(entry("{\"type\":\"user\",\"uuid\":\"u1\"}")));
        StoreResume.Prepared prepared = StoreResume.prepare(options(cwd, temp.resolve("none")).sessionStoreProjectKey("tenant-7")
                .start(SessionStart.continueLatest()).build(), LocalNode.instance());
        try {
            Path config = Path.of(prepared.launchOptions().env().get("CLAUDE_CONFIG_DIR"));
            assertThat(prepared.launchOptions().start()).isEqualTo(SessionStart.resume(SESSION));
            assertThat(config.resolve("projects").resolve(ProjectDirectories.encode(cwd)).resolve(SESSION + ".jsonl")).exists();
        } finally {
            prepared.tempRoot().ifPresent(StoreResume::delete);
        }
    }

    /**
     * A store that names hostile subagent transcripts: none is written, the legitimate one is, and
     * nothing appears outside the temporary directory or beside it.
     */
    @Test
    void aHostileStoreWritesNothingOutsideTheTemporaryDirectory() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("project"));
        Path userConfig = Files.createDirectories(temp.resolve("user-config"));
        String projectKey = ProjectDirectories.encode(cwd);
        SessionKey key = SessionKey.of(projectKey, SESSION);
        store.append(key, List.of(entry("{\"type\":\"user\",\"uuid\":\"u1\"}")));
        store.append(key.withSubpath("subagents/ok"), List.of(entry("{\"type\":\"user\",\"uuid\":\"s1\"}")));
        List<String> hostile = List.of("../../../escape", "subagents/../../../../escape", "subagents/..", "/tmp/escape",
                "subagents/x\\..\\..\\escape", "subagents/\u0000escape", "..", "subagents/ok");
        dev.claudecode.store.SessionStore liar = new dev.claudecode.store.SessionStore() {
            @Override
            public void append(SessionKey k, List<SessionStoreEntry> entries) {
                store.append(k, entries);
            }

            @Override
            public java.util.Optional<List<SessionStoreEntry>> load(SessionKey k) {
                return java.util.Optional.of(List.of(entry("{\"type\":\"user\",\"uuid\":\"" + k.subpath().orElse("main") + "\"}")));
            }

            @Override
            public List<dev.claudecode.store.StoredSession> listSessions(String project) {
                return store.listSessions(project);
            }

            @Override
            public void delete(SessionKey k) {
                store.delete(k);
            }

            @Override
            public List<String> listSubkeys(String project, String sessionId) {
                return hostile;
            }
        };

        StoreResume.Prepared prepared = StoreResume.prepare(ClaudeCodeOptions.builder().cwd(cwd)
                .env("CLAUDE_CONFIG_DIR", userConfig.toString()).sessionStore(liar).start(SessionStart.resume(SESSION)).build(),
                LocalNode.instance());
        try {
            Path root = prepared.tempRoot().orElseThrow();
            List<String> written;
            try (var files = Files.walk(root)) {
                written = files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList();
            }
            assertThat(written).containsExactly(
                    "config/projects/" + projectKey + "/" + SESSION + ".jsonl",
                    "config/projects/" + projectKey + "/" + SESSION + "/subagents/ok.jsonl");
            for (Path dir = root; dir != null; dir = dir.getParent()) {
                assertThat(dir.resolve("escape")).doesNotExist();
                assertThat(dir.resolve("escape.jsonl")).doesNotExist();
            }
        } finally {
            prepared.tempRoot().ifPresent(StoreResume::delete);
        }
    }
}
