package dev.claudecode;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.internal.protocol.GoldenTranscripts.Entry;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake CLI that replays one recorded transcript: it reads what the SDK writes and checks each
 * line against the next recorded {@code in} line (control requests by their {@code request}
 * object, user messages whole; request ids are ignored), and writes the recorded {@code out}
 * lines in their recorded order, with the recorded request ids of control responses replaced by
 * the ids the SDK used. A user message may come earlier than recorded (the CLI queues what it
 * reads, so an SDK need not wait for the answers before it writes a prompt); it is then held until
 * the recording expects it. Differences are collected in {@link #mismatches()}.
 */
final class ReplayTransport implements Transport {

    private final java.util.Optional<String> version;
    private final List<Entry> entries;
    private final List<String> mismatches = new CopyOnWriteArrayList<>();
    private final List<JsonNode> written = new CopyOnWriteArrayList<>();
    private final List<LaunchSpec> launches = new CopyOnWriteArrayList<>();
    private volatile boolean finished;

    ReplayTransport(String version, String transcript) {
        this(version, GoldenTranscripts.entries(version, transcript));
    }

    /** A replay of recorded lines that a test may have changed. */
    ReplayTransport(List<Entry> entries) {
        this(null, entries);
    }

    /** A replay of recorded lines of a CLI version, which the node tells as {@code --version} does. */
    ReplayTransport(String version, List<Entry> entries) {
        this.version = java.util.Optional.ofNullable(version);
        this.entries = List.copyOf(entries);
    }

    /** @return every difference between what the SDK wrote and the recording */
    List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    /** @return every line the SDK wrote */
    List<JsonNode> written() {
        return List.copyOf(written);
    }

    /** @return what the SDK asked to launch */
    List<LaunchSpec> launches() {
        return List.copyOf(launches);
    }

    /** @return whether the whole recording was played to its end */
    boolean finished() {
        return finished;
    }

    /** Waits a few seconds for the recording to be played to its end, then checks it matched throughout. */
    void assertFullyReplayed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!finished && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        org.assertj.core.api.Assertions.assertThat(mismatches()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(finished).as("the whole recording was played").isTrue();
    }

    @Override
    public CliProcess launch(LaunchSpec spec) {
        launches.add(spec);
        if (launches.size() > 1) {
            mismatches.add("the SDK launched the CLI again: " + spec.arguments());
        }
        return new ReplayProcess();
    }

    @Override
    public String name() {
        return "replay";
    }

    /** @return a node that only answers {@code --version}, with the recording's version */
    @Override
    public dev.claudecode.node.Node node() {
        return new dev.claudecode.node.Node() {
            @Override
            public String name() {
                return "replay-" + version.orElse("unknown");
            }

            @Override
            public java.nio.file.FileSystem fileSystem() {
                throw new UnsupportedOperationException("a replayed CLI has no files");
            }

            @Override
            public java.nio.file.Path home() {
                throw new UnsupportedOperationException("a replayed CLI has no home");
            }

            @Override
            public dev.claudecode.node.CommandResult run(List<String> command, dev.claudecode.node.CommandOptions options) {
                if (version.isPresent() && command.size() == 2 && command.get(1).equals("--version")) {
                    return new dev.claudecode.node.CommandResult(0, version.get() + " (Claude Code)\n", "", false);
                }
                throw new UnsupportedOperationException("a replayed CLI runs no commands: " + command);
            }
        };
    }

    private final class ReplayProcess implements CliProcess {

        private final Pipe stdinPipe = open();
        private final Pipe stdoutPipe = open();
        private final Pipe stderrPipe = open();
        private final OutputStream stdin = Channels.newOutputStream(stdinPipe.sink());
        private final InputStream stdout = Channels.newInputStream(stdoutPipe.source());
        private final InputStream stderr = Channels.newInputStream(stderrPipe.source());
        private final OutputStream cliOut = Channels.newOutputStream(stdoutPipe.sink());
        private final OutputStream cliErr = Channels.newOutputStream(stderrPipe.sink());
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private final Map<String, String> ids = new HashMap<>();
        private final Deque<String> earlyUserMessages = new ArrayDeque<>();

        ReplayProcess() {
            Thread.ofVirtual().name("replayed-cli").start(this::play);
        }

        private void play() {
            int status = 0;
            try (BufferedReader sdk = new BufferedReader(new InputStreamReader(
                    Channels.newInputStream(stdinPipe.source()), StandardCharsets.UTF_8))) {
                for (Entry entry : entries) {
                    switch (entry.dir()) {
                        case "out" -> emit(cliOut, entry.msg() != null ? Json.write(rewriteIds(entry.msg())) : entry.raw());
                        case "stderr" -> emit(cliErr, entry.raw() != null ? entry.raw() : Json.write(entry.msg()));
                        case "in" -> expect(entry, next(entry, sdk));
                        case "meta" -> {
                            String event = Json.text(entry.msg(), "event", "");
                            if (event.equals("stdin_closed")) {
                                earlyUserMessages.forEach(early -> mismatches.add("the SDK wrote more than recorded: " + early));
                                String extra;
                                while ((extra = sdk.readLine()) != null) {
                                    mismatches.add("the SDK wrote more than recorded: " + extra);
                                }
                            } else if (event.equals("exit")) {
                                status = Json.longValue(entry.msg(), "exit_code").orElse(0L).intValue();
                            }
                        }
                        default -> {
                            // notes are for readers of the recording
                        }
                    }
                }
                finished = true;
            } catch (IOException e) {
                status = 143; // terminated
            } finally {
                closeQuietly(cliOut);
                closeQuietly(cliErr);
                exit.complete(status);
            }
        }

        /** The SDK's next line for a recorded one: a user message written early is held back until a user message is due. */
        private String next(Entry entry, BufferedReader sdk) throws IOException {
            if (entry.type().equals("user")) {
                return earlyUserMessages.isEmpty() ? sdk.readLine() : earlyUserMessages.poll();
            }
            String line = sdk.readLine();
            while (line != null && Json.text(Json.parse(line), "type", "").equals("user")) {
                earlyUserMessages.add(line);
                line = sdk.readLine();
            }
            return line;
        }

        private void expect(Entry entry, String line) {
            if (line == null) {
                mismatches.add(entry + ": the SDK closed stdin instead of writing " + entry.msg());
                return;
            }
            JsonNode actual = Json.parse(line);
            written.add(actual);
            JsonNode recorded = entry.msg();
            boolean same;
            if (entry.type().equals("control_request")) {
                same = actual.path("type").equals(recorded.path("type")) && actual.path("request").equals(recorded.path("request"));
                ids.put(Json.text(recorded, "request_id", ""), Json.text(actual, "request_id", ""));
            } else {
                same = actual.equals(recorded);
            }
            if (!same) {
                mismatches.add(entry + ": recorded " + recorded + " but the SDK wrote " + actual);
            }
        }

        private JsonNode rewriteIds(JsonNode message) {
            if (!Json.text(message, "type", "").equals("control_response")) {
                return message;
            }
            ObjectNode copy = (ObjectNode) message.deepCopy();
            ObjectNode response = (ObjectNode) copy.get("response");
            String recorded = Json.text(response, "request_id", null);
            if (recorded != null && ids.containsKey(recorded)) {
                response.put("request_id", ids.get(recorded));
            }
            return copy;
        }

        private void emit(OutputStream stream, String line) throws IOException {
            stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
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
            closeQuietly(cliOut);
            closeQuietly(cliErr);
            exit.complete(143);
        }
    }

    private static Pipe open() {
        try {
            return Pipe.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
