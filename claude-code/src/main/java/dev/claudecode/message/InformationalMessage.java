package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
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
 * @param tag a feature tag on a line a caller may treat specially ({@code tag}), such as {@code
 *     "hook_callback_failed"}
 * @param promptSubmitOutcome what became of a prompt a hook stopped, as plain JSON ({@code
 *     prompt_submit_outcome}), such as {@code
 *     {"kind":"stopped_by_hook","prompt_kept":true,"reason":…}}
 * @param envelope the session id, uuid and JSON of the message
 */
public record InformationalMessage(
        String content,
        String level,
        boolean preventContinuation,
        Optional<String> toolUseId,
        Optional<String> tag,
        Optional<Map<String, Object>> promptSubmitOutcome,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "informational";

    /** Validates and copies the components. */
    public InformationalMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(tag, "tag");
        promptSubmitOutcome = Objects.requireNonNull(promptSubmitOutcome, "promptSubmitOutcome").map(JsonValues::copyMap);
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
