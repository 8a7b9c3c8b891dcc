package dev.claudecode.kubernetes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The container's side of a {@code v5.channel.k8s.io} stream in the tests: it collects what
 * arrives on channel 0 into lines, sees the close message {@code [255, 0]} as the end of input,
 * and frames output for channels 1, 2 and 3.
 */
final class ChannelFrames {

    private final LinkedBlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile boolean closedBySender;
    private static final byte[] EOF = new byte[0];

    /** Takes one message from the client. */
    void received(byte[] message) {
        if (message.length == 2 && (message[0] & 0xff) == 255 && message[1] == 0) {
            closedBySender = true;
            stdin.add(EOF);
        } else if (message.length > 0 && message[0] == 0) {
            byte[] payload = new byte[message.length - 1];
            System.arraycopy(message, 1, payload, 0, payload.length);
            stdin.add(payload);
        }
    }

    /** The connection went away: the input ends too. */
    void disconnected() {
        stdin.add(EOF);
    }

    /** @return whether the client closed stdin with the v5 close message */
    boolean closedBySender() {
        return closedBySender;
    }

    /**
     * Reads the next line of input.
     *
     * @return the line without its newline, or null at the end of input
     */
    String readLine() throws InterruptedException {
        while (true) {
            byte[] buffered = pending.toByteArray();
            for (int i = 0; i < buffered.length; i++) {
                if (buffered[i] == '\n') {
                    pending.reset();
                    pending.write(buffered, i + 1, buffered.length - i - 1);
                    return new String(buffered, 0, i, StandardCharsets.UTF_8);
                }
            }
            byte[] next = stdin.poll(30, TimeUnit.SECONDS);
            if (next == null) {
                throw new IllegalStateException("no input for 30 s");
            }
            if (next == EOF) {
                stdin.add(EOF);
                return null;
            }
            pending.write(next, 0, next.length);
        }
    }

    /** @return what is left of the input, to its end */
    byte[] readToEnd() throws InterruptedException {
        while (true) {
            byte[] next = stdin.poll(30, TimeUnit.SECONDS);
            if (next == null) {
                throw new IllegalStateException("no end of input for 30 s");
            }
            if (next == EOF) {
                stdin.add(EOF);
                byte[] all = pending.toByteArray();
                pending.reset();
                return all;
            }
            pending.write(next, 0, next.length);
        }
    }

    /** Reads the environment preamble: {@code NAME=VALUE} lines up to an empty one. */
    List<String> readPreamble() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    static byte[] frame(int channel, byte[] payload) {
        byte[] message = new byte[payload.length + 1];
        message[0] = (byte) channel;
        System.arraycopy(payload, 0, message, 1, payload.length);
        return message;
    }

    static byte[] frame(int channel, String text) {
        return frame(channel, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The final status of an exec, as the API server sends it on channel 3. */
    static String status(int exitStatus) {
        if (exitStatus == 0) {
            return "{\"metadata\":{},\"status\":\"Success\"}";
        }
        return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code\","
                + "\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + exitStatus + "\"}]}}";
    }
}
