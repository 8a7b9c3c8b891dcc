package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The conversation was discarded and a new one begins in the same process ({@code
 * "type":"conversation_reset"}), as after {@code /clear}: running totals kept for the old
 * conversation, such as cost, start again. Reset on every such message, whatever {@link #trigger()}
 * says.
 *
 * <p>Since CLI 2.1.203.
 *
 * @param newConversationId the id of the new conversation ({@code new_conversation_id})
 * @param trigger what discarded it: {@code "clear"}, {@code "plan_mode_exit"}, {@code
 *     "fresh_session"}, {@code "onboarding"} or a newer value
 * @param userMessageUuid with trigger {@code "clear"}, the uuid of the user message whose {@code
 *     /clear} ran ({@code user_message_uuid})
 * @param timestamp when it happened, as an ISO 8601 text, for display
 * @param envelope the session id, uuid and JSON of the message
 */
public record ConversationResetMessage(
        String newConversationId,
        Optional<String> trigger,
        Optional<String> userMessageUuid,
        Optional<String> timestamp,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "conversation_reset";

    /** Validates the components. */
    public ConversationResetMessage {
        Objects.requireNonNull(newConversationId, "newConversationId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(userMessageUuid, "userMessageUuid");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
