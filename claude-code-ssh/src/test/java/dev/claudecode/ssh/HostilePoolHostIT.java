package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.errors.NodeCommandException;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.node.LocalNode;
import dev.claudecode.node.Node;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.ssh.pool.HostState;
import dev.claudecode.ssh.pool.PoolHost;
import dev.claudecode.ssh.pool.PooledSession;
import dev.claudecode.ssh.pool.SessionPool;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.StoredSession;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.LocalTransport;
import dev.claudecode.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool host whose CLI is hostile: it reports a session id that is a path ({@code ../../x}) and
 * mirrors transcript lines for files outside its config directory. Before the session store
 * replaced it, the pool's own transcript mirror used such an id unchecked and wrote a file outside
 * its directory. Now the session takes no such id, the store keeps no such file, and the move to
 * another host, which writes the stored conversation there, writes exactly the conversation's
 * transcripts inside its own temporary directory and nothing anywhere else.
 */
class HostilePoolHostIT {

    private static final String ESCAPE = "escape-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path temp;

    private final List<SessionPool> pools = new ArrayList<>();
    private final InMemorySessionStore store = new InMemorySessionStore();

    @AfterEach
    void closePools() {
        pools.forEach(SessionPool::close);
    }

    @Test
    void aSessionIdThatIsAPathIsNotTakenAndNothingIsWrittenOutsideTheRoots() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("work"));
        Set<Path> before = everything();
        FakeHost a = new FakeHost("fake://a");
        SessionPool pool = pool(a, new FakeHost("fake://b"), "../../x",
                "p/../../../../" + ESCAPE + "-1.jsonl|p/../../x.jsonl|../" + ESCAPE + "-2.jsonl|p/evil.jsonl");

        try (PooledSession session = pool.start(options(cwd).build())) {
            assertThat(session.query("hello").result()).contains("answer 1");
            assertThat(session.sessionId()).as("an id that is a path is not taken").isEmpty();

            a.down = true;
            assertThat(pool.checkHealth().host("fake://a").orElseThrow().state()).isEqualTo(HostState.DOWN);
            assertThat(session.query("again").result()).contains("answer 1");
            assertThat(session.host()).isEqualTo("fake://b");
        }

        assertThat(store.size()).as("no transcript was kept for a hostile file").isZero();
        assertNothingEscaped(before);
    }

    @Test
    void aMoveWritesTheStoredConversationInsideItsTemporaryDirectoryAndNothingElse() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("work"));
        String id = UUID.randomUUID().toString();
        Set<Path> before = everything();
        FakeHost a = new FakeHost("fake://a");
        List<String> stderrB = new CopyOnWriteArrayList<>();
        SessionPool pool = pool(a, new FakeHost("fake://b"), id, "p/" + id + ".jsonl"
                + "|p/" + id + "/subagents/agent-a.jsonl"
                + "|p/" + id + "/subagents/../../../../" + ESCAPE + "-3.jsonl"
                + "|p/" + id + "/../../../" + ESCAPE + "-4.jsonl"
                + "|p/" + ESCAPE + "-5.jsonl");

        try (PooledSession session = pool.start(options(cwd).stderr(line -> {
            if (line.startsWith("file: ")) {
                stderrB.add(line.substring("file: ".length()));
            }
        }).build())) {
            assertThat(session.query("hello").result()).contains("answer 1");
            assertThat(session.sessionId()).contains(id);
            String projectKey = ProjectDirectories.encode(cwd.toString());
            // the lines of a turn are appended in the background once it ends
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> !store.listSubkeys(projectKey, id).isEmpty())).isTrue();
            assertThat(store.listSessions(projectKey)).extracting(StoredSession::sessionId).containsExactly(id);
            assertThat(store.listSubkeys(projectKey, id)).containsExactly("subagents/agent-a");
            stderrB.clear(); // what A's CLI listed

            a.down = true;
            assertThat(pool.checkHealth().host("fake://a").orElseThrow().state()).isEqualTo(HostState.DOWN);
            assertThat(session.query("again").result()).contains("answer 1");
            assertThat(session.host()).isEqualTo("fake://b");
            assertThat(session.sessionId()).contains(id);

            // what B's CLI found in the config directory the move wrote for it
            assertThat(stderrB).hasSize(2);
            Path main = Path.of(stderrB.stream().filter(file -> file.endsWith("/" + id + ".jsonl")).findFirst().orElseThrow());
            Path config = main.getParent().getParent().getParent();
            assertThat(config.getParent().getFileName().toString()).startsWith("claude-resume-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent()))).isEqualTo("rwx------");
            assertThat(stderrB.stream().map(file -> config.relativize(Path.of(file)).toString()).sorted().toList())
                    .containsExactly("projects/" + projectKey + "/" + id + ".jsonl",
                            "projects/" + projectKey + "/" + id + "/subagents/agent-a.jsonl");
            assertThat(store.load(SessionKey.of(projectKey, id))).isPresent();
        }

        assertNothingEscaped(before);
    }

    private SessionPool pool(FakeHost a, FakeHost b, String sessionId, String mirrorPaths) throws IOException {
        SessionPool pool = SessionPool.builder()
                .host(host(a, "a", sessionId, mirrorPaths))
                .host(host(b, "b", sessionId, mirrorPaths))
                .healthCheckInterval(Duration.ZERO)
                .healthCheckTimeout(Duration.ofSeconds(2))
                .downAfter(1)
                .sessionStore(store)
                .build();
        pools.add(pool);
        return pool;
    }

    private PoolHost host(FakeHost transport, String name, String sessionId, String mirrorPaths) throws IOException {
        Path config = Files.createDirectories(temp.resolve(name).resolve("config"));
        return PoolHost.builder().transport(transport).capacity(2)
                .env("CLAUDE_CONFIG_DIR", config.toString())
                .env("STAND_IN_SESSION_ID", sessionId)
                .env("STAND_IN_MIRROR_PATHS", mirrorPaths)
                .build();
    }

    private ClaudeCodeOptions.Builder options(Path cwd) {
        return ClaudeCodeOptions.builder().cliPath(standIn()).cwd(cwd);
    }

    private Path standIn() {
        Path script = temp.resolve("hostile-host.sh");
        if (!Files.exists(script)) {
            try (InputStream in = HostilePoolHostIT.class.getResourceAsStream("/fake-cli/hostile-host.sh")) {
                Files.copy(in, script);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    /** Every file under the test's directory and the temporary directory's top levels. */
    private Set<Path> everything() throws IOException {
        Set<Path> files = new TreeSet<>();
        for (Path root : List.of(temp, Path.of(System.getProperty("java.io.tmpdir")), Path.of("/tmp"))) {
            try (Stream<Path> walk = Files.walk(root, root.equals(temp) ? Integer.MAX_VALUE : 2)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                // a directory of another user or one that vanished meanwhile: not ours to check
            }
        }
        return files;
    }

    private void assertNothingEscaped(Set<Path> before) throws IOException {
        List<Path> escaped = everything().stream()
                .filter(file -> !before.contains(file))
                .filter(file -> file.getFileName().toString().contains(ESCAPE) || file.getFileName().toString().equals("x.jsonl")
                        || file.getFileName().toString().equals("evil.jsonl"))
                .toList();
        assertThat(escaped).as("files written where a hostile path pointed").isEmpty();
        // and at the places the paths name, relative to every config directory and temporary root
        for (String name : List.of(ESCAPE + "-1.jsonl", ESCAPE + "-2.jsonl", ESCAPE + "-3.jsonl", ESCAPE + "-4.jsonl",
                ESCAPE + "-5.jsonl", "x.jsonl")) {
            for (Path dir = temp.resolve("a/config/projects/p"); dir != null; dir = dir.getParent()) {
                assertThat(dir.resolve(name)).doesNotExist();
            }
            assertThat(Path.of("/tmp", name)).doesNotExist();
            assertThat(Path.of("/", name)).doesNotExist();
        }
    }

    /** A pool host on this machine: its CLI runs as a child process; its health check fails once it is down. */
    private static final class FakeHost implements Transport {

        private final String name;
        volatile boolean down;

        FakeHost(String name) {
            this.name = name;
        }

        @Override
        public CliProcess launch(LaunchSpec spec) {
            return LocalTransport.create().launch(spec);
        }

        @Override
        public String executable(Optional<Path> configured) {
            return configured.orElseThrow().toString();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Node node() {
            return new Node() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public FileSystem fileSystem() {
                    return LocalNode.instance().fileSystem();
                }

                @Override
                public Path home() {
                    return LocalNode.instance().home();
                }

                @Override
                public CommandResult run(List<String> command, CommandOptions options) {
                    if (down) {
                        throw new NodeCommandException(name + " does not answer");
                    }
                    return LocalNode.instance().run(command, options);
                }
            };
        }
    }
}
