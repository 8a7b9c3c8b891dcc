package dev.claudecode.message;

import java.util.List;
import java.util.Objects;

/**
 * A one-line summary of the tool uses that came before it ({@code "type":"tool_use_summary"}),
 * written by a side request to a small model.
 *
 * <p>Since CLI 2.1.19.
 *
 * @param summary the summary
 * @param precedingToolUseIds the tool uses it summarizes ({@code preceding_tool_use_ids})
 * @param envelope the session id, uuid and JSON of the message
 */
public record ToolUseSummaryMessage(String summary, List<String> precedingToolUseIds, Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "tool_use_summary";

    /** Validates and copies the components. */
    public ToolUseSummaryMessage {
        Objects.requireNonNull(summary, "summary");
        precedingToolUseIds = List.copyOf(Objects.requireNonNull(precedingToolUseIds, "precedingToolUseIds"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
