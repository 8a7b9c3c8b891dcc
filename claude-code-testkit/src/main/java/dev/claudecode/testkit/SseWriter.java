package dev.claudecode.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events in the API's framing: {@code event: NAME\ndata: JSON\n\n}, flushed one
 * by one so the client sees each event as it is written.
 */
final class SseWriter {

    private final OutputStream out;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes and flushes one event.
     *
     * @param event the event
     * @throws IOException when the client went away
     */
    void write(SseEvent event) throws IOException {
        String frame = "event: " + event.name() + "\ndata: " + TestkitJson.write(event.data()) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
