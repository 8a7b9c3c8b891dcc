package dev.claudecode.message;

import java.util.Map;
import java.util.Optional;

/**
 * One message the Claude Code CLI writes on its output stream: session metadata, the conversation
 * (assistant and user messages), partial stream events, the result of a turn, and notices. Types and
 * subtypes this library does not know arrive as {@link UnknownMessage} or {@link
 * UnknownSystemMessage}, keeping their JSON, so a newer CLI never breaks a caller.
 *
 * <p>Every message holds one {@link Envelope} with what all types share (session id, uuid, JSON);
 * {@link #sessionId()}, {@link #uuid()} and {@link #raw()} read it.
 *
 * <p>The hierarchy is sealed: switch over it with pattern matching (see the package
 * documentation).
 */
public sealed interface Message
        permits SystemMessage,
                AssistantMessage,
                UserMessage,
                ResultMessage,
                StreamEventMessage,
                RateLimitEvent,
                ToolProgressMessage,
                PromptSuggestionMessage,
                AuthStatusMessage,
                CommandLifecycleMessage,
                ToolUseSummaryMessage,
                ConversationResetMessage,
                ActiveGoalMessage,
                UnknownMessage {

    /**
     * The message's {@code type} on the wire, such as {@code "assistant"} or {@code "result"}.
     *
     * @return the wire type
     */
    String type();

    /**
     * What the message carries whatever its type: its session id, its uuid and its JSON.
     *
     * @return the envelope
     */
    Envelope envelope();

    /**
     * The id of the session this message belongs to ({@code session_id}).
     *
     * @return the session id, when the message carried one
     */
    default Optional<String> sessionId() {
        return envelope().sessionId();
    }

    /**
     * The message's own id ({@code uuid}); the CLI gives every non-control message a fresh one.
     *
     * @return the uuid, when the message carried one
     */
    default Optional<String> uuid() {
        return envelope().uuid();
    }

    /**
     * The whole message as the CLI wrote it, as plain JSON values. It carries fields this library
     * does not model, such as ones added by newer CLI versions. Empty for a message built in code.
     *
     * @return the JSON object, unmodifiable
     */
    default Map<String, Object> raw() {
        return envelope().raw();
    }
}
