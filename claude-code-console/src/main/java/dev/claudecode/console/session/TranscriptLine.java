package dev.claudecode.console.session;

import dev.claudecode.history.SessionMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a stored conversation as the console shows it: a prompt, the assistant's text, a tool
 * call or a tool's result. {@code show} prints these lines and the web console lists them.
 *
 * @param kind what the line is
 * @param text what it says; tool calls as {@code Bash(ls)}, tool results shortened to one line
 * @param error for a tool result, whether the tool failed
 */
public record TranscriptLine(Kind kind, String text, boolean error) {

    private static final int RESULT_PREVIEW = 100;

    /** Checks the components. */
    public TranscriptLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** What a line is. */
    public enum Kind {
        /** Something the user typed. */
        PROMPT,
        /** The assistant's text. */
        TEXT,
        /** A tool call. */
        TOOL_CALL,
        /** A tool's result. */
        TOOL_RESULT
    }

    /**
     * The lines of one stored message.
     *
     * @param message the message
     * @return its lines, in order; none for a message with nothing to show
     */
    public static List<TranscriptLine> of(SessionMessage message) {
        List<TranscriptLine> lines = new ArrayList<>();
        Object content = message.message().get("content");
        if (content instanceof String text) {
            add(lines, message.isUser() ? Kind.PROMPT : Kind.TEXT, text, false);
            return lines;
        }
        if (!(content instanceof List<?> blocks)) {
            return lines;
        }
        for (Object block : blocks) {
            if (block instanceof Map<?, ?> map) {
                lines.addAll(ofBlock(message.isUser(), map));
            }
        }
        return lines;
    }

    private static List<TranscriptLine> ofBlock(boolean user, Map<?, ?> block) {
        List<TranscriptLine> lines = new ArrayList<>();
        switch (String.valueOf(block.get("type"))) {
            case "text" -> add(lines, user ? Kind.PROMPT : Kind.TEXT, String.valueOf(block.get("text")), false);
            case "tool_use" -> lines.add(new TranscriptLine(Kind.TOOL_CALL,
                    ToolSummary.call(String.valueOf(block.get("name")), stringKeys(block.get("input"))), false));
            case "tool_result" -> lines.add(new TranscriptLine(Kind.TOOL_RESULT,
                    ToolSummary.oneLine(resultText(block.get("content")), RESULT_PREVIEW), Boolean.TRUE.equals(block.get("is_error"))));
            default -> {
            }
        }
        return lines;
    }

    private static void add(List<TranscriptLine> lines, Kind kind, String text, boolean error) {
        if (!text.isBlank()) {
            lines.add(new TranscriptLine(kind, text.strip(), error));
        }
    }

    private static String resultText(Object content) {
        if (content instanceof String text) {
            return text;
        }
        StringBuilder text = new StringBuilder();
        if (content instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Map<?, ?> map && map.get("text") instanceof String piece) {
                    text.append(piece).append(' ');
                }
            }
        }
        return text.toString();
    }

    private static Map<String, Object> stringKeys(Object input) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        if (input instanceof Map<?, ?> map) {
            map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        }
        return copy;
    }
}
