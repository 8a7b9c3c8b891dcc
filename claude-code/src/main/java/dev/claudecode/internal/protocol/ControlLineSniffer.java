package dev.claudecode.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds, without building a tree, whether a stdout line that the JSON parser refused is a control
 * request or answer and which request id it carries. A CLI request that is nested deeper than the
 * parser allows, or is otherwise broken after its id, would otherwise go unanswered, and the CLI
 * would wait for its answer for ever. The scan keeps only a depth counter, so any depth costs
 * nothing but the pass over the line.
 */
final class ControlLineSniffer {

    /**
     * What a refused line turned out to be.
     *
     * @param isRequest a {@code control_request} of the CLI (else a {@code control_response} to one of ours)
     * @param requestId the request id it names
     */
    record Control(boolean isRequest, String requestId) {
    }

    private ControlLineSniffer() {
    }

    /**
     * @param bytes the line's buffer
     * @param offset where the line starts
     * @param length its length
     * @return the control line it is, when its top level names the type and the request id
     */
    static Optional<Control> sniff(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int depth = 0;
        boolean inResponse = false;
        String pendingKey = null;
        String type = null;
        String requestId = null;
        String answeredId = null;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            switch (b) {
                case '"' -> {
                    int close = closingQuote(bytes, i + 1, end);
                    if (close < 0) {
                        i = end;
                        break;
                    }
                    String text = new String(bytes, i + 1, close - i - 1, StandardCharsets.UTF_8);
                    i = close;
                    int next = skipSpace(bytes, i + 1, end);
                    if (next < end && bytes[next] == ':') {
                        pendingKey = text;
                        i = next;
                    } else {
                        if (depth == 1 && "type".equals(pendingKey)) {
                            type = text;
                        } else if (depth == 1 && "request_id".equals(pendingKey)) {
                            requestId = text;
                        } else if (depth == 2 && inResponse && "request_id".equals(pendingKey)) {
                            answeredId = text;
                        }
                        pendingKey = null;
                    }
                }
                case '{', '[' -> {
                    depth++;
                    if (depth == 2 && b == '{' && "response".equals(pendingKey)) {
                        inResponse = true;
                    }
                    pendingKey = null;
                }
                case '}', ']' -> {
                    depth--;
                    if (depth < 2) {
                        inResponse = false;
                    }
                }
                case ',' -> pendingKey = null;
                default -> {
                    // numbers, literals and white space carry nothing we look for
                }
            }
        }
        if ("control_request".equals(type) && requestId != null) {
            return Optional.of(new Control(true, requestId));
        }
        if ("control_response".equals(type) && answeredId != null) {
            return Optional.of(new Control(false, answeredId));
        }
        return Optional.empty();
    }

    private static int closingQuote(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == '\\') {
                i++;
            } else if (bytes[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }
}
