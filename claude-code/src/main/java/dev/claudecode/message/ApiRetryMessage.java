package dev.claudecode.message;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An API request failed with a retryable error and will be retried after a delay ({@code
 * system/api_retry}).
 *
 * @param attempt the number of this retry, from 1
 * @param maxRetries how many retries the CLI makes at most ({@code max_retries})
 * @param retryDelayMs how long the CLI waits before this retry, in milliseconds ({@code
 *     retry_delay_ms}, fractional)
 * @param errorStatus the HTTP status of the failure ({@code error_status}); absent for connection
 *     errors without a response
 * @param error the error category, such as {@code "server_error"}, {@code "overloaded"}, {@code
 *     "rate_limit"} or {@code "authentication_failed"}; empty when not sent
 * @param envelope the session id, uuid and JSON of the message
 */
public record ApiRetryMessage(
        int attempt,
        int maxRetries,
        double retryDelayMs,
        OptionalInt errorStatus,
        String error,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "api_retry";

    /** Validates and copies the components. */
    public ApiRetryMessage {
        Objects.requireNonNull(errorStatus, "errorStatus");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
