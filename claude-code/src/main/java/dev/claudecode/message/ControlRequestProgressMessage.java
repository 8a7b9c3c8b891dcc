package dev.claudecode.message;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Progress of a control request the caller sent that takes a while, such as one that calls the
 * model ({@code system/control_request_progress}): it started, or its API call is being retried.
 *
 * <p>Since CLI 2.1.203.
 *
 * @param requestId the id of the caller's control request ({@code request_id})
 * @param status {@code "started"}, {@code "api_retry"} or a newer status
 * @param attempt on a retry, its number from 1
 * @param maxRetries on a retry, how many retries are made at most ({@code max_retries})
 * @param retryDelayMs on a retry, how long the CLI waits before it, in milliseconds ({@code
 *     retry_delay_ms})
 * @param errorStatus on a retry, the HTTP status of the failure ({@code error_status}); empty for
 *     a failure without a response
 * @param envelope the session id, uuid and JSON of the message
 */
public record ControlRequestProgressMessage(
        String requestId,
        String status,
        OptionalInt attempt,
        OptionalInt maxRetries,
        OptionalDouble retryDelayMs,
        OptionalInt errorStatus,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "control_request_progress";

    /** Validates the components. */
    public ControlRequestProgressMessage {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(maxRetries, "maxRetries");
        Objects.requireNonNull(retryDelayMs, "retryDelayMs");
        Objects.requireNonNull(errorStatus, "errorStatus");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
