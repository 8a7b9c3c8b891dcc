package dev.claudecode.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.history.History;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.StoreHistory;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation started in this JVM, with a config directory of its own, continues in a second JVM
 * process whose config directory is empty, through PostgreSQL: the model sees the whole history.
 */
class ResumeAcrossJvmsIT {

    private static PostgresServer server;

    @TempDir
    Path cwd;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSecondJvmWithAnEmptyConfigDirectoryContinuesTheConversation() throws Exception {
        Path cli = TestCli.atLeast("2.1.332");
        JdbcSessionStore store = JdbcSessionStore.builder(server.dataSource()).build();
        String sessionId;
        try (FakeClaudeApi first = FakeClaudeApi.start()) {
            first.enqueue(Reply.text("Noted: the code word is marmalade"), Reply.text("Noted: the colour is teal"));
            ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(cwd).env(first.environment())
                    .sessionStore(store).build();
            try (Session session = ClaudeCode.start(options)) {
                session.query("The code word is marmalade");
                session.query("The colour is teal");
                sessionId = session.sessionId().orElseThrow();
            }
            assertThat(History.at(first.configDir()).findSessionFile(sessionId)).isPresent();
        }

        try (FakeClaudeApi second = FakeClaudeApi.start()) {
            assertThat(listing(second.configDir())).as("the second JVM's config directory").isEmpty();
            second.enqueue(Reply.text("marmalade and teal"));
            String output = runSecondJvm(second.environment(), cli, sessionId, "What were the code word and the colour?");

            assertThat(output).contains("RESULT " + sessionId + " marmalade and teal");
            RecordedRequest request = second.lastMainRequest().orElseThrow();
            assertThat(request.userTexts()).containsSubsequence("The code word is marmalade", "The colour is teal",
                    "What were the code word and the colour?");
            assertThat(request.allUserText()).doesNotContain("RESULT");
            assertThat(request.messages()).extracting(message -> message.role()).containsSubsequence("user", "assistant", "user", "assistant", "user");
            assertThat(String.valueOf(request.messages())).contains("Noted: the code word is marmalade", "Noted: the colour is teal");
            assertThat(History.at(second.configDir()).findSessionFile(sessionId)).as("the resumed CLI wrote only into its temporary directory").isEmpty();
        }

        // and what the second JVM added is in the store too
        List<SessionMessage> stored = StoreHistory.of(store).messages(SessionKey.of(StoreHistory.projectKey(cwd), sessionId), HistoryQuery.all());
        assertThat(stored).hasSize(6);
        assertThat(String.valueOf(stored.getLast().message())).contains("marmalade and teal");
    }

    private String runSecondJvm(Map<String, String> cliEnvironment, Path cli, String sessionId, String prompt)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumeChild.class.getName(), cli.toString(), cwd.toString(), sessionId, prompt);
        builder.environment().putAll(cliEnvironment);
        builder.environment().put("CLAUDE_TEST_PG_PORT", Integer.toString(server.port()));
        builder.environment().put("CLAUDE_TEST_PG_USER", server.user());
        builder.environment().put("CLAUDE_TEST_PG_PASSWORD", server.password());
        Path log = cwd.resolveSibling(cwd.getFileName() + "-second-jvm.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process child = builder.start();
        try {
            boolean ended = child.waitFor(180, TimeUnit.SECONDS);
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the second JVM ended; it wrote:%n%s", text).isTrue();
            assertThat(child.exitValue()).as("the second JVM's exit status; it wrote:%n%s", text).isZero();
            return text;
        } finally {
            List<ProcessHandle> left = child.descendants().toList();
            child.destroyForcibly();
            left.forEach(ProcessHandle::destroyForcibly);
            Files.deleteIfExists(log);
        }
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(path -> !path.equals(dir)).toList();
        }
    }
}
