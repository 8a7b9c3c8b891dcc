package dev.claudecode.console;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.UserMessage;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.message.stream.TextDelta;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a turn for a terminal: the answer's text as it arrives, each tool call on one line,
 * each tool result shortened to one line, and a closing line with turns, cost and duration.
 */
final class TurnPrinter {

    private static final int RESULT_PREVIEW = 100;

    private final PrintStream out;
    private final Spinner spinner;
    private final Set<String> streamedMessages = new HashSet<>();
    private boolean atLineStart = true;

    TurnPrinter(PrintStream out, Spinner spinner) {
        this.out = out;
        this.spinner = spinner;
    }

    /** Prints what a message adds to the picture. */
    void print(Message message) {
        switch (message) {
            case StreamEventMessage event when event.event() instanceof ContentBlockDelta delta
                    && delta.delta() instanceof TextDelta text -> {
                currentStreamed(event);
                text(text.text());
            }
            case AssistantMessage assistant -> assistant.content().forEach(block -> block(assistant, block));
            case UserMessage user -> user.toolResults().forEach(this::toolResult);
            case ResultMessage result -> result(result);
            default -> {
            }
        }
    }

    private String lastStreamedMessageId;

    private void currentStreamed(StreamEventMessage event) {
        // stream events carry no message id of their own: the next assistant message is the one streamed
        lastStreamedMessageId = "pending";
    }

    private void block(AssistantMessage assistant, ContentBlock block) {
        switch (block) {
            case TextBlock text -> {
                if ("pending".equals(lastStreamedMessageId) || streamedMessages.contains(assistant.messageId())) {
                    streamedMessages.add(assistant.messageId());
                    lastStreamedMessageId = null;
                } else {
                    text(text.text());
                }
            }
            case ToolUseBlock tool -> line("⏺ " + tool.name() + "(" + summarize(tool.input()) + ")");
            default -> {
            }
        }
    }

    private void toolResult(ToolResultBlock result) {
        String text = result.text().strip().replace('\n', ' ');
        if (text.length() > RESULT_PREVIEW) {
            text = text.substring(0, RESULT_PREVIEW) + "…";
        }
        line("  ⎿ " + (result.isError() ? "error: " : "") + text);
    }

    private void result(ResultMessage result) {
        if (result.isError()) {
            line("error: " + result.result().orElse(String.join("; ", result.errors())));
        }
        endLine();
        out.printf(Locale.ROOT, "— %d turn%s · $%.4f · %.1f s%n", result.numTurns(), result.numTurns() == 1 ? "" : "s",
                result.totalCostUsd(), result.durationMs() / 1000.0);
        out.flush();
    }

    private void text(String text) {
        if (text.isEmpty()) {
            return;
        }
        spinner.hide();
        out.print(text);
        out.flush();
        atLineStart = text.endsWith("\n");
    }

    private void line(String text) {
        spinner.hide();
        endLine();
        out.println(text);
        out.flush();
        atLineStart = true;
    }

    private void endLine() {
        if (!atLineStart) {
            out.println();
            atLineStart = true;
        }
    }

    private static String summarize(Map<String, Object> input) {
        for (String key : new String[] {"command", "file_path", "path", "pattern", "url", "description", "prompt"}) {
            if (input.get(key) instanceof String value) {
                return value.length() > 60 ? value.substring(0, 60) + "…" : value;
            }
        }
        String all = input.toString();
        return all.length() > 60 ? all.substring(0, 60) + "…" : all;
    }
}
