package dev.claudecode.console.session;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.message.ApiRetryMessage;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.UserMessage;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.message.stream.TextDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a session's messages into {@link ConsoleEvent}s: the answer's text as it streams in (or
 * whole, when the session does not stream), each tool call and each tool result on one line, the
 * API retries as they happen, and the turn's end with its own cost and the session's total. Text that already arrived as stream events is not repeated when the complete assistant
 * message follows. One renderer serves one session, on one thread at a time.
 */
public final class MessageRenderer {

    private static final int RESULT_PREVIEW = 100;

    private boolean textStreamed;
    // the CLI reports the session's running total; a turn's own cost is the growth since the last result
    private double sessionCostBefore;

    /**
     * The events a message adds.
     *
     * @param message the message
     * @return the events, often none
     */
    public List<ConsoleEvent> render(Message message) {
        return switch (message) {
            case StreamEventMessage event when event.event() instanceof ContentBlockDelta delta
                    && delta.delta() instanceof TextDelta text -> {
                textStreamed = true;
                yield text(text.text());
            }
            case AssistantMessage assistant -> assistant(assistant);
            case UserMessage user when !user.isReplay() -> user.toolResults().stream().map(MessageRenderer::toolOutput).toList();
            case ResultMessage result -> List.of(turnEnded(result));
            case ApiRetryMessage retry -> List.of(new ConsoleEvent.Retrying(retry.attempt(), retry.maxRetries(), retry.retryDelayMs(),
                    retry.errorStatus(), retry.error()));
            default -> List.of();
        };
    }

    private List<ConsoleEvent> assistant(AssistantMessage assistant) {
        List<ConsoleEvent> events = new ArrayList<>();
        boolean streamed = textStreamed;
        for (ContentBlock block : assistant.content()) {
            switch (block) {
                case TextBlock text -> {
                    // the CLI sends the complete message after its stream events: its text was shown already
                    textStreamed = false;
                    if (!streamed) {
                        events.addAll(text(text.text()));
                    }
                }
                case ToolUseBlock tool -> events.add(new ConsoleEvent.ToolCall(tool.id(), tool.name(), ToolSummary.of(tool.input())));
                default -> {
                }
            }
        }
        return events;
    }

    private static List<ConsoleEvent> text(String text) {
        return text.isEmpty() ? List.of() : List.of(new ConsoleEvent.Text(text));
    }

    private static ConsoleEvent toolOutput(ToolResultBlock result) {
        return new ConsoleEvent.ToolOutput(result.toolUseId(), ToolSummary.oneLine(result.text(), RESULT_PREVIEW), result.isError());
    }

    /** Notes that the conversation was cleared: the CLI's running total of its cost starts again from 0. */
    public void cleared() {
        sessionCostBefore = 0;
    }

    private ConsoleEvent turnEnded(ResultMessage result) {
        Optional<String> errorText = result.isError()
                ? Optional.of(result.result().filter(text -> !text.isBlank()).orElse(
                        result.subtype() + (result.errors().isEmpty() ? "" : ": " + String.join("; ", result.errors()))))
                : Optional.empty();
        double total = result.totalCostUsd();
        // a total below the last one means the CLI started counting again
        double turn = total >= sessionCostBefore ? total - sessionCostBefore : total;
        sessionCostBefore = total;
        return new ConsoleEvent.TurnEnded(result.isError(), errorText, result.numTurns(), turn, total, result.durationMs());
    }
}
