package dev.claudecode.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.LoopbackMessagesApi;
import dev.claudecode.internal.history.FileWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real CLI against a minimal fake Messages API on loopback, in a long, non-ASCII working
 * directory reached through a symlink, then reads what it wrote with {@link History}.
 */
class HistoryCliIT {

    private static final String PROMPT = "Tell me something short";
    private static final String ANSWER = "Something short.";

    @TempDir
    Path temp;

    private LoopbackMessagesApi api;
    private Process cli;

    /** The Messages API as far as one turn needs it: a thinking block and a text block, streamed. */
    @BeforeEach
    void startApi() throws IOException {
        api = new LoopbackMessagesApi();
        api.enqueue(List.of(LoopbackMessagesApi.thinking("Keep it short.", "c2ln"), LoopbackMessagesApi.text(ANSWER)));
    }

    @AfterEach
    void stopEverything() {
        if (cli != null) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
        api.close();
    }

    @Test
    void readsTheSessionTheCliWrote() throws Exception {
        String cliPath = dev.claudecode.cli.CliUnderTest.path().toString();

        Path deep = temp.resolve("wörk space.v2");
        for (int i = 0; i < 6; i++) {
            deep = deep.resolve("segment-" + i + "-日本-" + "x".repeat(20));
        }
        Path real = Files.createDirectories(deep).toRealPath();
        assertThat(real.toString().length()).isGreaterThan(ProjectDirectories.MAX_ENCODED_LENGTH);
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        Path config = Files.createDirectories(temp.resolve("config"));

        ProcessBuilder builder = new ProcessBuilder(cliPath, "-p", PROMPT, "--output-format", "stream-json", "--verbose")
                .directory(link.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.createFile(temp.resolve("empty-stdin")).toFile()))
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("CLAUDE") || key.startsWith("ANTHROPIC"));
        env.put("ANTHROPIC_BASE_URL", api.baseUrl());
        env.put("ANTHROPIC_API_KEY", "sk-test");
        env.put("CLAUDE_CONFIG_DIR", config.toString());
        env.put("CLAUDE_CODE_TMPDIR", Files.createDirectories(temp.resolve("tmp")).toString());
        env.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        cli = builder.start();
        String output;
        try (InputStream out = cli.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("CLI exited").isTrue();
        assertThat(cli.exitValue()).as(output).isZero();

        Path expectedDir = ProjectDirectories.projectsDirectory(config).resolve(ProjectDirectories.encode(real.toString()));
        assertThat(subdirectories(ProjectDirectories.projectsDirectory(config))).containsExactly(expectedDir);
        assertThat(ProjectDirectories.directoryFor(config, link)).isEqualTo(expectedDir);
        assertThat(expectedDir.getFileName().toString()).hasSize(ProjectDirectories.MAX_ENCODED_LENGTH + 1
                + Long.toString(Math.abs((long) real.toString().hashCode()), 36).length());

        History history = History.at(config);
        List<SessionInfo> sessions = history.listSessions(SessionListQuery.forProject(link));
        assertThat(sessions).singleElement().satisfies(info -> {
            assertThat(info.cwd()).contains(real.toString());
            assertThat(info.firstPrompt()).contains(PROMPT);
            // a listing counts the messages of a file that fits its head-and-tail window; 2.1.332
            // writes the API requests into the file too, which makes even this one larger than that
            if (Files.size(info.file()) <= FileWindow.DEFAULT_SIZE) {
                assertThat(info.messageCount()).hasValue(2);
            } else {
                assertThat(info.messageCount()).isEmpty();
            }
            assertThat(info.projectDirectory()).isEqualTo(expectedDir);
        });
        assertThat(history.listSessions(SessionListQuery.builder().projectPath(link).countMessages(true).build()))
                .singleElement().satisfies(info -> assertThat(info.messageCount()).hasValue(2));
        String sessionId = sessions.getFirst().sessionId();

        List<SessionMessage> messages = history.messages(sessionId, link, HistoryQuery.all());
        assertThat(messages).extracting(SessionMessage::type).containsExactly("user", "assistant");
        assertThat(messages.get(0).text()).isEqualTo(PROMPT);
        assertThat(messages.get(1).text()).isEqualTo(ANSWER);
        List<Object> blockTypes = new ArrayList<>();
        ((List<?>) messages.get(1).message().get("content")).forEach(block -> blockTypes.add(((Map<?, ?>) block).get("type")));
        assertThat(blockTypes).containsExactly("thinking", "text");
        assertThat(assistantRecords(sessions.getFirst().file())).as("the CLI wrote one record per block").isEqualTo(2);
    }

    private static List<Path> subdirectories(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(dirs::add);
        }
        return dirs;
    }

    private static long assistantRecords(Path transcript) throws IOException {
        try (var lines = Files.lines(transcript)) {
            return lines.map(Json::parse).filter(record -> "assistant".equals(Json.text(record, "type", ""))).count();
        }
    }
}
