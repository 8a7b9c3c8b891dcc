package dev.claudecode.message;

import java.util.Objects;

/**
 * An MCP server confirmed that a URL-mode elicitation it started is complete ({@code
 * system/elicitation_complete}).
 *
 * <p>Since CLI 2.1.63.
 *
 * @param mcpServerName the server ({@code mcp_server_name})
 * @param elicitationId the elicitation ({@code elicitation_id})
 * @param envelope the session id, uuid and JSON of the message
 */
public record ElicitationCompleteMessage(String mcpServerName, String elicitationId, Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "elicitation_complete";

    /** Validates the components. */
    public ElicitationCompleteMessage {
        Objects.requireNonNull(mcpServerName, "mcpServerName");
        Objects.requireNonNull(elicitationId, "elicitationId");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
