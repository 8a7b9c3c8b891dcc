package dev.claudecode.internal.observe;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.UserMessage;
import dev.claudecode.observe.Observation;
import dev.claudecode.observe.TurnOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows one turn for the session's observers: its tool uses (from the {@code tool_use} blocks of
 * assistant messages to the {@code tool_result} blocks of user messages) and its end. The reader
 * hands each message over ({@link #delivered}) and the work happens on the observer thread; a
 * callback finds the tool use it is about through {@link #parentOf}.
 */
public final class TurnWatch {

    /** Follows nothing: the session has no observers. */
    public static final TurnWatch NONE = new TurnWatch(null, Observation.none());

    /** The model name the CLI gives messages it made up itself, such as API error texts. */
    private static final String SYNTHETIC_MODEL = "<synthetic>";

    private final Observers observers;
    private final Observation<TurnOutcome> turn;
    private final Map<String, ToolWatch> tools = new ConcurrentHashMap<>();
    private volatile String model;

    TurnWatch(Observers observers, Observation<TurnOutcome> turn) {
        this.observers = observers;
        this.turn = turn;
    }

    /** @return the turn's observation, to open around work done for the turn */
    public Observation<TurnOutcome> observation() {
        return turn;
    }

    /**
     * A message of the turn, on the reader thread: notes its tool uses at once and leaves the rest
     * to the observer thread.
     *
     * @param message the message
     */
    public void delivered(Message message) {
        if (observers == null) {
            return;
        }
        if (message instanceof AssistantMessage assistant) {
            for (ToolUseBlock toolUse : assistant.toolUses()) {
                tools.putIfAbsent(toolUse.id(), new ToolWatch(() -> {
                    try (Observation.Scope scope = turn.open()) {
                        return observers.toolUse(toolUse);
                    }
                }));
            }
        }
        observers.later(() -> handle(message));
    }

    /**
     * The turn failed; its open tool uses fail with it.
     *
     * @param error why
     */
    public void failed(Throwable error) {
        if (observers == null) {
            return;
        }
        observers.later(() -> {
            failOpenTools(error);
            turn.fail(error);
        });
    }

    /**
     * Finds what a callback belongs to.
     *
     * @param toolUseId the tool use the callback is about, if named
     * @return the tool use's observation when it is one of this turn's, else the turn's
     */
    public Observation<?> parentOf(Optional<String> toolUseId) {
        ToolWatch tool = toolUseId.map(tools::get).orElse(null);
        return tool != null ? tool.observation() : turn;
    }

    private void handle(Message message) {
        switch (message) {
            case InitMessage init when model == null && !init.model().isEmpty() -> model = init.model();
            case AssistantMessage assistant -> {
                if (!assistant.model().isEmpty() && !SYNTHETIC_MODEL.equals(assistant.model())) {
                    model = assistant.model();
                }
                assistant.toolUses().forEach(toolUse -> {
                    ToolWatch tool = tools.get(toolUse.id());
                    if (tool != null) {
                        tool.observation();
                    }
                });
            }
            case UserMessage user -> {
                for (ToolResultBlock result : user.toolResults()) {
                    ToolWatch tool = tools.remove(result.toolUseId());
                    if (tool != null) {
                        tool.observation().end(result);
                    }
                }
            }
            case ResultMessage result -> {
                failOpenTools(new IllegalStateException("the turn ended before the tool's result"));
                turn.end(new TurnOutcome(result, observers.costs().costOf(result), Optional.ofNullable(model)));
            }
            default -> { }
        }
    }

    private void failOpenTools(Throwable error) {
        for (String id : tools.keySet()) {
            ToolWatch tool = tools.remove(id);
            if (tool != null) {
                tool.observation().fail(error);
            }
        }
    }
}
