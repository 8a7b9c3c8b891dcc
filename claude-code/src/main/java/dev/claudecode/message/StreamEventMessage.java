package dev.claudecode.message;

import dev.claudecode.message.stream.StreamEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A partial-message event ({@code "type":"stream_event"}), written only with partial messages
 * enabled: one raw streaming event of the Messages API. The complete {@link AssistantMessage} still
 * follows for each content block.
 *
 * @param event the streaming event
 * @param parentToolUseId the tool use of the subagent this event belongs to ({@code
 *     parent_tool_use_id}); absent for the main conversation
 * @param ttftMs the time to the first token in milliseconds, on {@code message_start} ({@code
 *     ttft_ms})
 * @param apiMessageId the API message id of the response the event belongs to ({@code
 *     api_message_id})
 * @param userMessageUuid the uuid the caller gave the user message this turn answers ({@code
 *     user_message_uuid}), on the first event after it changes
 * @param userMessageUuids the uuids of every user message the turn has taken up so far ({@code
 *     user_message_uuids})
 * @param resumeReason why this turn continues one a worker restart interrupted ({@code
 *     resume_reason})
 * @param envelope the session id, uuid and JSON of the message
 */
public record StreamEventMessage(
        StreamEvent event,
        Optional<String> parentToolUseId,
        OptionalLong ttftMs,
        Optional<String> apiMessageId,
        Optional<String> userMessageUuid,
        List<String> userMessageUuids,
        Optional<String> resumeReason,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "stream_event";

    /** Validates and copies the components. */
    public StreamEventMessage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(parentToolUseId, "parentToolUseId");
        Objects.requireNonNull(ttftMs, "ttftMs");
        Objects.requireNonNull(apiMessageId, "apiMessageId");
        Objects.requireNonNull(userMessageUuid, "userMessageUuid");
        userMessageUuids = List.copyOf(Objects.requireNonNull(userMessageUuids, "userMessageUuids"));
        Objects.requireNonNull(resumeReason, "resumeReason");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
