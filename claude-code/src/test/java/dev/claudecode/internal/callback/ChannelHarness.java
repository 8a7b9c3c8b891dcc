package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.fail;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ControlChannel;
import dev.claudecode.internal.protocol.StdinWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A control channel whose CLI requests are answered by a {@link CallbackRouter}, with the
 * answers written to memory: what the CLI would read on its stdin.
 */
final class ChannelHarness implements AutoCloseable {

    private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    private final CallbackRouter router;
    private final ControlChannel channel;

    ChannelHarness(CallbackConfig config) {
        this.router = config.newRouter(() -> Optional.of("session-1"), () -> Optional.of("/srv/project"));
        this.channel = new ControlChannel(new StdinWriter(stdin), router);
    }

    ControlChannel channel() {
        return channel;
    }

    CallbackRouter router() {
        return router;
    }

    /** Delivers a CLI line as the stdout router would. */
    void deliver(JsonNode line) {
        switch (line.path("type").asString("")) {
            case "control_request" -> channel.onRequest(line);
            case "control_cancel_request" -> channel.onCancel(line);
            default -> throw new IllegalArgumentException("not a CLI control line: " + line);
        }
    }

    void deliver(String line) {
        deliver(Json.parse(line));
    }

    List<JsonNode> written() {
        String text;
        synchronized (stdin) {
            text = stdin.toString(StandardCharsets.UTF_8);
        }
        return text.lines().map(Json::parse).toList();
    }

    /** @return the {@code response} object of the answer to a request, waiting for it */
    JsonNode answerTo(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode line : written()) {
                JsonNode response = line.path("response");
                if (response.path("request_id").asString("").equals(requestId)) {
                    return response;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("no answer to " + requestId + " in " + written());
    }

    @Override
    public void close() {
        channel.close();
        router.close();
    }
}
