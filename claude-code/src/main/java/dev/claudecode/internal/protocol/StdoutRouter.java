package dev.claudecode.internal.protocol;

import dev.claudecode.errors.ProtocolException;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Routes each stdout line of the CLI: control responses, requests and cancellations go to the
 * {@link ControlChannel}; everything else is decoded into a {@link Message}. Runs on the reader
 * thread, so it does no user work: it only parses and hands over.
 */
public final class StdoutRouter implements LineReader.LineConsumer {

    private static final int PREVIEW_CHARS = 200;

    private final ControlChannel control;
    private final ObjIntConsumer<Message> messages;
    private final Consumer<ProtocolException> errors;
    private final Runnable caughtUp;
    private final ObjIntConsumer<JsonNode> transcriptMirror;

    /**
     * Creates a router.
     *
     * @param control receives the control lines
     * @param messages receives every decoded message, in order
     * @param errors receives lines that are not protocol messages
     */
    public StdoutRouter(ControlChannel control, Consumer<Message> messages, Consumer<ProtocolException> errors) {
        this(control, messages, errors, () -> { });
    }

    /**
     * Creates a router that also says when a batch of lines ends.
     *
     * @param control receives the control lines
     * @param messages receives every decoded message, in order
     * @param errors receives lines that are not protocol messages
     * @param caughtUp runs when every line read so far has been routed, before the reader waits for more
     */
    public StdoutRouter(ControlChannel control, Consumer<Message> messages, Consumer<ProtocolException> errors, Runnable caughtUp) {
        this(control, messages, errors, caughtUp, (frame, length) -> { });
    }

    /**
     * Creates a router that also hands over the CLI's {@code transcript_mirror} frames (written
     * with {@code --session-mirror}): the lines the CLI just appended to a transcript file.
     *
     * @param control receives the control lines
     * @param messages receives every decoded message, in order
     * @param errors receives lines that are not protocol messages
     * @param caughtUp runs when every line read so far has been routed, before the reader waits for more
     * @param transcriptMirror receives each frame as it was parsed, and its line's length in bytes;
     *     it must only take it, not work on it
     */
    public StdoutRouter(ControlChannel control, Consumer<Message> messages, Consumer<ProtocolException> errors, Runnable caughtUp,
            ObjIntConsumer<JsonNode> transcriptMirror) {
        this(control, (ObjIntConsumer<Message>) (message, length) -> messages.accept(message), errors, caughtUp, transcriptMirror);
    }

    /**
     * Creates a router that hands over each message with its line's length, so that the receiver
     * can bound what it holds.
     *
     * @param control receives the control lines
     * @param messages receives every decoded message, in order, and its line's length in bytes
     * @param errors receives lines that are not protocol messages
     * @param caughtUp runs when every line read so far has been routed, before the reader waits for more
     * @param transcriptMirror receives each frame as it was parsed, and its line's length in bytes
     */
    public StdoutRouter(ControlChannel control, ObjIntConsumer<Message> messages, Consumer<ProtocolException> errors,
            Runnable caughtUp, ObjIntConsumer<JsonNode> transcriptMirror) {
        this.control = control;
        this.messages = messages;
        this.errors = errors;
        this.caughtUp = caughtUp;
        this.transcriptMirror = transcriptMirror;
    }

    @Override
    public void line(byte[] buffer, int offset, int length) {
        if (isBlank(buffer, offset, length)) {
            return;
        }
        JsonNode node;
        try {
            node = length >= HugeLineParser.HUGE_LINE_BYTES
                    ? HugeLineParser.parse(buffer, offset, length)
                    : Json.parse(buffer, offset, length);
        } catch (JacksonException e) {
            ProtocolException error = new ProtocolException("the CLI wrote a line that is not JSON: " + preview(buffer, offset, length), e);
            // a control line that cannot be parsed still names who waits for it: answer, never leave it unanswered
            ControlLineSniffer.sniff(buffer, offset, length).ifPresent(control -> {
                String reason = "the line could not be read: " + e.getOriginalMessage();
                if (control.isRequest()) {
                    this.control.rejectUnreadable(control.requestId(), reason);
                } else {
                    this.control.failUnreadable(control.requestId(), new ProtocolException("the CLI's answer " + reason, e));
                }
            });
            errors.accept(error);
            return;
        }
        route(node, buffer, offset, length);
    }

    @Override
    public void caughtUp() {
        caughtUp.run();
    }

    private void route(JsonNode node, byte[] buffer, int offset, int length) {
        switch (node.path("type").asString("")) {
            case "control_response" -> control.onResponse(node);
            case "control_request" -> control.onRequest(node);
            case "control_cancel_request" -> control.onCancel(node);
            case "transcript_mirror" -> transcriptMirror.accept(node, length);
            case "keep_alive" -> {
                // a liveness signal with no content; receivers must ignore it
            }
            default -> {
                try {
                    messages.accept(MessageDecoder.decode(node), length);
                } catch (ProtocolException e) {
                    errors.accept(new ProtocolException(e.getMessage() + ": " + preview(buffer, offset, length), e));
                }
            }
        }
    }

    private static boolean isBlank(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String preview(byte[] buffer, int offset, int length) {
        String text = new String(buffer, offset, Math.min(length, PREVIEW_CHARS * 4), StandardCharsets.UTF_8);
        return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text;
    }
}
