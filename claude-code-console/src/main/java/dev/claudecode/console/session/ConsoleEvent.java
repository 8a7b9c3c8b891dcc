package dev.claudecode.console.session;

import java.util.Objects;
import java.util.Optional;

/**
 * What a live session shows a person, in the order it happens: the terminal prints these events and
 * the web console streams them to the page, so both front ends render one and the same account.
 */
public sealed interface ConsoleEvent {

    /**
     * A prompt was sent; its turn starts.
     *
     * @param prompt the prompt, with its number and message id
     */
    record PromptSent(SentPrompt prompt) implements ConsoleEvent {
        /** Checks the prompt. */
        public PromptSent {
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /** The conversation was cleared: the next prompt starts a new one, numbered from 1 again. */
    record Cleared() implements ConsoleEvent {
    }

    /**
     * A piece of the answer's text, as it streams in.
     *
     * @param text the piece
     */
    record Text(String text) implements ConsoleEvent {
        /** Checks the text. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The model called a tool.
     *
     * @param toolUseId the tool use id
     * @param name the tool's name
     * @param summary the telling part of its input (see {@link ToolSummary})
     */
    record ToolCall(String toolUseId, String name, String summary) implements ConsoleEvent {
        /** Checks the components. */
        public ToolCall {
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * A tool's result, shortened to one line.
     *
     * @param toolUseId the tool use it answers
     * @param preview the start of the result
     * @param error whether the tool failed or was refused
     */
    record ToolOutput(String toolUseId, String preview, boolean error) implements ConsoleEvent {
        /** Checks the components. */
        public ToolOutput {
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(preview, "preview");
        }
    }

    /**
     * The turn ended with the CLI's result.
     *
     * @param error whether the result is an error (including an interrupted turn)
     * @param errorText what went wrong, for an error
     * @param turns how many model turns the answer took
     * @param costUsd what this turn cost, in US dollars (estimated, as the CLI reports it)
     * @param sessionCostUsd what the session has cost so far, this turn included (since the last clear)
     * @param durationMs how long the turn took
     */
    record TurnEnded(boolean error, Optional<String> errorText, int turns, double costUsd, double sessionCostUsd, long durationMs)
            implements ConsoleEvent {
        /** Checks the components. */
        public TurnEnded {
            Objects.requireNonNull(errorText, "errorText");
        }
    }

    /**
     * An API request of the turn failed with an error the CLI retries after a delay.
     *
     * @param attempt the number of this retry, from 1
     * @param maxRetries how many retries the CLI makes at most
     * @param delayMs how long the CLI waits before this retry
     * @param errorStatus the HTTP status of the failure; absent for a connection error
     * @param error the error's kind, such as {@code overloaded}; empty when not said
     */
    record Retrying(int attempt, int maxRetries, double delayMs, java.util.OptionalInt errorStatus, String error)
            implements ConsoleEvent {
        /** Checks the components. */
        public Retrying {
            Objects.requireNonNull(errorStatus, "errorStatus");
            Objects.requireNonNull(error, "error");
        }

        /** @return the retry as a person reads it, such as {@code API error 529 (overloaded): retrying in 4 s, attempt 2/10} */
        public String describe() {
            String why = errorStatus.isPresent() ? "API error " + errorStatus.getAsInt() : "API connection error";
            String seconds = delayMs < 9950 ? String.format(java.util.Locale.ROOT, "%.1f", delayMs / 1000.0)
                    : String.format(java.util.Locale.ROOT, "%.0f", delayMs / 1000.0);
            return why + (error.isEmpty() ? "" : " (" + error + ")") + ": retrying in " + seconds + " s, attempt " + attempt + "/" + maxRetries;
        }
    }

    /**
     * The turn failed without a result, for instance because the CLI died.
     *
     * @param message what went wrong
     */
    record TurnFailed(String message) implements ConsoleEvent {
        /** Checks the message. */
        public TurnFailed {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * What the session reports about itself changed: its id, model or permission mode.
     *
     * @param state the new state
     */
    record StateChanged(SessionState state) implements ConsoleEvent {
        /** Checks the state. */
        public StateChanged {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A line of information from the console itself, such as a switched model.
     *
     * @param text the line
     */
    record Notice(String text) implements ConsoleEvent {
        /** Checks the text. */
        public Notice {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A tool use waits for a person's decision.
     *
     * @param request what the tool wants to do
     */
    record PermissionAsked(ToolRequest request) implements ConsoleEvent {
        /** Checks the request. */
        public PermissionAsked {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * A waiting tool use was decided.
     *
     * @param requestId the request's id
     * @param decision the decision
     */
    record PermissionAnswered(String requestId, ToolDecision decision) implements ConsoleEvent {
        /** Checks the components. */
        public PermissionAnswered {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(decision, "decision");
        }
    }
}
