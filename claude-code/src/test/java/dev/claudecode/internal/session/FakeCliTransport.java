package dev.claudecode.internal.session;

import dev.claudecode.internal.json.Json;
import dev.claudecode.node.Node;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transport whose CLIs are small in-memory fakes that speak just enough of the protocol for the
 * connection lifecycle: they answer every control request with success ({@code initialize} with
 * an empty server info), and answer a user message with a {@code system/init} and a {@code result}
 * that carry the conversation's session id. A launch with {@code --resume <id>} continues that
 * conversation, any other launch starts a new one (UUIDs ending in {@code 1}, {@code 2}, ...). When {@link
 * #loseConversations()} is set, a resuming CLI fails as the real one does when the conversation
 * was never saved: {@code No conversation found with session ID: <id>} on stderr, exit status 1.
 */
final class FakeCliTransport implements Transport {

    private final List<FakeCli> launched = new CopyOnWriteArrayList<>();
    private final AtomicInteger conversations = new AtomicInteger();
    private volatile boolean loseConversations;

    /** Makes every later resuming launch fail to find its conversation. */
    void loseConversations() {
        loseConversations = true;
    }

    /** @return every CLI launched so far, oldest first */
    List<FakeCli> launched() {
        return List.copyOf(launched);
    }

    @Override
    public CliProcess launch(LaunchSpec spec) {
        List<String> arguments = spec.arguments();
        int resume = arguments.indexOf("--resume");
        FakeCli cli = resume >= 0
                ? new FakeCli(arguments.get(resume + 1), loseConversations)
                : new FakeCli(String.format("00000000-0000-4000-8000-%012d", conversations.incrementAndGet()), false);
        launched.add(cli);
        return cli;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Node node() {
        throw new UnsupportedOperationException("a fake CLI has no node");
    }

    /** One fake CLI process. */
    static final class FakeCli implements CliProcess {

        private final String sessionId;
        private final boolean lost;
        private final Pipe stdinPipe = open();
        private final Pipe stdoutPipe = open();
        private final Pipe stderrPipe = open();
        private final OutputStream stdin = Channels.newOutputStream(stdinPipe.sink());
        private final InputStream stdout = Channels.newInputStream(stdoutPipe.source());
        private final InputStream stderr = Channels.newInputStream(stderrPipe.source());
        private final OutputStream cliOut = Channels.newOutputStream(stdoutPipe.sink());
        private final OutputStream cliErr = Channels.newOutputStream(stderrPipe.sink());
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();

        private FakeCli(String sessionId, boolean lost) {
            this.sessionId = sessionId;
            this.lost = lost;
            Thread.ofVirtual().name("fake-cli-" + sessionId).start(this::run);
        }

        /** @return the lines the CLI read, in order */
        List<JsonNode> received() {
            return List.copyOf(received);
        }

        /** @return the exit status, once the CLI has exited */
        CompletableFuture<Integer> exit() {
            return exit;
        }

        /** Dies at once with exit status 1, as a crashed or killed CLI does. */
        void crash() {
            end(1);
        }

        private void run() {
            try (BufferedReader input = new BufferedReader(new InputStreamReader(
                    Channels.newInputStream(stdinPipe.source()), StandardCharsets.UTF_8))) {
                String line;
                while ((line = input.readLine()) != null) {
                    JsonNode message = Json.parse(line);
                    received.add(message);
                    if (lost) {
                        write(cliErr, "No conversation found with session ID: " + sessionId);
                        write(cliOut, "{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"is_error\":true,"
                                + "\"num_turns\":0,\"session_id\":\"" + sessionId + "\"}");
                        end(1);
                        return;
                    }
                    answer(message);
                }
                end(0);
            } catch (IOException e) {
                end(143);
            }
        }

        private void answer(JsonNode message) throws IOException {
            String type = Json.text(message, "type", "");
            if (type.equals("control_request")) {
                ObjectNode answer = Json.object();
                answer.put("type", "control_response");
                ObjectNode response = answer.putObject("response");
                response.put("subtype", "success");
                response.put("request_id", Json.text(message, "request_id", ""));
                response.putObject("response");
                write(cliOut, Json.write(answer));
            } else if (type.equals("user")) {
                write(cliOut, "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"" + sessionId + "\"}");
                write(cliOut, "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":1,"
                        + "\"result\":\"ok\",\"session_id\":\"" + sessionId + "\"}");
            }
        }

        private static void write(OutputStream stream, String line) throws IOException {
            synchronized (stream) {
                stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                stream.flush();
            }
        }

        // the exit is known before the output ends, as with a real process
        private void end(int status) {
            exit.complete(status);
            closeQuietly(cliOut);
            closeQuietly(cliErr);
            closeQuietly(stdinPipe.source());
        }

        @Override
        public OutputStream stdin() {
            return stdin;
        }

        @Override
        public InputStream stdout() {
            return stdout;
        }

        @Override
        public InputStream stderr() {
            return stderr;
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return exit;
        }

        @Override
        public void terminate(Duration grace) {
            closeQuietly(stdin);
            end(143);
        }
    }

    private static Pipe open() {
        try {
            return Pipe.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
