package dev.claudecode.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the CLI in a pod's attach stream from one of the project's recorded transcripts of the
 * real CLI ({@code protocol/<version>/transcripts}): it reads the environment preamble, then for every line
 * the recording says the SDK wrote it reads one line (mapping the request ids), and writes the
 * recorded output, request ids of control responses replaced by the SDK's. What it read and how
 * the input ended are kept for the test.
 */
final class TranscriptCli implements FakeCluster.AttachHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> entries;
    private final List<String> preamble = new CopyOnWriteArrayList<>();
    private final List<JsonNode> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch secondUserLine = new CountDownLatch(1);
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile boolean stdinClosedBySdk;
    private volatile Pod pod;

    TranscriptCli(String transcript) throws IOException {
        // the recordings of the pinned CLI
        Path file = Path.of(System.getProperty("claudecode.protocol.dir", "../protocol"), System.getProperty("claudecode.test.cli.version", "2.1.332"),
                "transcripts", transcript + ".jsonl");
        this.entries = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    /** Makes the CLI wait, before answering the second user message, until {@link #release()}. */
    TranscriptCli holdSecondTurn() {
        hold = new CountDownLatch(1);
        return this;
    }

    void release() {
        hold.countDown();
    }

    /** Waits until the SDK has written the second user message. */
    void awaitSecondUserLine() throws InterruptedException {
        if (!secondUserLine.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the SDK did not write a second user message");
        }
    }

    List<String> preamble() {
        return List.copyOf(preamble);
    }

    List<JsonNode> written() {
        return List.copyOf(written);
    }

    boolean stdinClosedBySdk() {
        return stdinClosedBySdk;
    }

    Pod pod() {
        return pod;
    }

    @Override
    public int serve(Pod pod, ChannelFrames frames, Consumer<byte[]> send) throws Exception {
        this.pod = pod;
        preamble.addAll(frames.readPreamble());
        Map<String, String> ids = new HashMap<>();
        int userLines = 0;
        int status = 0;
        for (JsonNode entry : entries) {
            String dir = entry.path("dir").asString();
            JsonNode msg = entry.path("msg");
            switch (dir) {
                case "in" -> {
                    String line = frames.readLine();
                    if (line == null) {
                        return 143;
                    }
                    JsonNode actual = JSON.readTree(line);
                    written.add(actual);
                    if (msg.path("type").asString().equals("control_request")) {
                        ids.put(msg.path("request_id").asString(), actual.path("request_id").asString());
                    }
                    if (actual.path("type").asString().equals("user") && ++userLines == 2) {
                        secondUserLine.countDown();
                        hold.await();
                    }
                }
                case "out" -> send.accept(ChannelFrames.frame(1, JSON.writeValueAsString(rewrite(msg, ids)) + "\n"));
                case "stderr" -> send.accept(ChannelFrames.frame(2, entry.path("raw").asString("") + "\n"));
                case "meta" -> {
                    String event = msg.path("event").asString("");
                    if (event.equals("stdin_closed")) {
                        frames.readToEnd();
                        stdinClosedBySdk = frames.closedBySender();
                    } else if (event.equals("exit")) {
                        status = msg.path("exit_code").asInt(0);
                    }
                }
                default -> {
                    // notes
                }
            }
        }
        return status;
    }

    private static JsonNode rewrite(JsonNode message, Map<String, String> ids) {
        if (!message.path("type").asString().equals("control_response")) {
            return message;
        }
        ObjectNode copy = (ObjectNode) message.deepCopy();
        ObjectNode response = (ObjectNode) copy.get("response");
        String recorded = response.path("request_id").asString(null);
        if (recorded != null && ids.containsKey(recorded)) {
            response.put("request_id", ids.get(recorded));
        }
        return copy;
    }
}
