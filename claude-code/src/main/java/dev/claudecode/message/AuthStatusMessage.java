package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Progress of an authentication flow ({@code "type":"auth_status"}).
 *
 * @param isAuthenticating whether authentication is in progress ({@code isAuthenticating})
 * @param output the lines the flow printed
 * @param error what went wrong, when it failed
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON; empty when built in code
 */
public record AuthStatusMessage(
        boolean isAuthenticating,
        List<String> output,
        Optional<String> error,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "auth_status";

    /** Copies the components. */
    public AuthStatusMessage {
        output = output == null ? List.of() : List.copyOf(output);
        error = error == null ? Optional.empty() : error;
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
