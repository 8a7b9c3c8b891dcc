package dev.claudecode.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Progress of an authentication flow ({@code "type":"auth_status"}).
 *
 * @param isAuthenticating whether authentication is in progress ({@code isAuthenticating})
 * @param output the lines the flow printed
 * @param error what went wrong, when it failed
 * @param envelope the session id, uuid and JSON of the message
 */
public record AuthStatusMessage(
        boolean isAuthenticating,
        List<String> output,
        Optional<String> error,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "auth_status";

    /** Copies the components. */
    public AuthStatusMessage {
        output = List.copyOf(Objects.requireNonNull(output, "output"));
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
