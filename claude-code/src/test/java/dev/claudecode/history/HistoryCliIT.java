package dev.claudecode.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.history.FileWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import tools.jackson.databind.JsonNode;

/**
 * Runs the real CLI against a minimal fake Messages API on loopback, in a long, non-ASCII working
 * directory reached through a symlink, then reads what it wrote with {@link History}.
 */
class HistoryCliIT {

    private static final String PROMPT = "Tell me something short";
    private static final String ANSWER = "Something short.";

    @TempDir
    Path temp;

    private HttpServer api;
    private Process cli;

    @BeforeEach
    void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", this::answer);
        api.start();
    }

    @AfterEach
    void stopEverything() {
        if (cli != null) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
        api.stop(0);
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
        env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + api.getAddress().getPort());
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

        List<SessionMessage> messages = history.getMessages(sessionId, link, HistoryQuery.all());
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

    /** The Messages API as far as one turn needs it: a thinking block and a text block, streamed. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/v1/messages")) {
                send(exchange, "application/json", "{}");
                return;
            }
            if (path.endsWith("/count_tokens")) {
                send(exchange, "application/json", "{\"input_tokens\":42}");
                return;
            }
            JsonNode request = Json.parse(new String(body, StandardCharsets.UTF_8));
            boolean main = request.path("tools").isArray() && !request.path("tools").isEmpty();
            List<Map<String, Object>> blocks = main
                    ? List.of(Map.of("type", "thinking", "thinking", "Keep it short.", "signature", "c2ln"),
                            Map.of("type", "text", "text", ANSWER))
                    : List.of(Map.of("type", "text", "text", "{\"title\": \"Short answer\"}"));
            String model = Json.text(request, "model", "claude-fake");
            Map<String, Object> usage = Map.of("input_tokens", 10, "output_tokens", 5,
                    "cache_creation_input_tokens", 0, "cache_read_input_tokens", 0);
            if (!request.path("stream").asBoolean(false)) {
                send(exchange, "application/json", Json.write(Map.of("id", "msg_fake_1", "type", "message",
                        "role", "assistant", "model", model, "content", blocks, "stop_reason", "end_turn",
                        "usage", usage)));
                return;
            }
            StringBuilder events = new StringBuilder();
            event(events, "message_start", Map.of("type", "message_start", "message", Map.of("id", "msg_fake_2",
                    "type", "message", "role", "assistant", "model", model, "content", List.of(), "usage", usage)));
            for (int i = 0; i < blocks.size(); i++) {
                Map<String, Object> block = blocks.get(i);
                if ("thinking".equals(block.get("type"))) {
                    event(events, "content_block_start", Map.of("type", "content_block_start", "index", i,
                            "content_block", Map.of("type", "thinking", "thinking", "", "signature", "")));
                    event(events, "content_block_delta", Map.of("type", "content_block_delta", "index", i,
                            "delta", Map.of("type", "thinking_delta", "thinking", block.get("thinking"))));
                    event(events, "content_block_delta", Map.of("type", "content_block_delta", "index", i,
                            "delta", Map.of("type", "signature_delta", "signature", block.get("signature"))));
                } else {
                    event(events, "content_block_start", Map.of("type", "content_block_start", "index", i,
                            "content_block", Map.of("type", "text", "text", "")));
                    event(events, "content_block_delta", Map.of("type", "content_block_delta", "index", i,
                            "delta", Map.of("type", "text_delta", "text", block.get("text"))));
                }
                event(events, "content_block_stop", Map.of("type", "content_block_stop", "index", i));
            }
            event(events, "message_delta", Map.of("type", "message_delta",
                    "delta", Map.of("stop_reason", "end_turn"), "usage", Map.of("output_tokens", 5)));
            event(events, "message_stop", Map.of("type", "message_stop"));
            send(exchange, "text/event-stream", events.toString());
        }
    }

    private static void event(StringBuilder events, String name, Map<String, Object> data) {
        events.append("event: ").append(name).append('\n').append("data: ").append(Json.write(data)).append("\n\n");
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("request-id", "req_fake");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
