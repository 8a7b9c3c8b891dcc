package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A text banner from the CLI ({@code system/informational}), such as hook feedback or the output of
 * a slash command.
 *
 * @param content the text
 * @param level {@code "info"}, {@code "notice"}, {@code "suggestion"} or {@code "warning"}; empty
 *     when not sent
 * @param preventContinuation whether the turn stops after this message ({@code
 *     prevent_continuation}), as when a hook said {@code continue:false}
 * @param toolUseId the tool use this message is about ({@code tool_use_id})
 * @param envelope the session id, uuid and JSON of the message
 */
public record InformationalMessage(
        String content,
        String level,
        boolean preventContinuation,
        Optional<String> toolUseId,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "informational";

    /** Validates and copies the components. */
    public InformationalMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
