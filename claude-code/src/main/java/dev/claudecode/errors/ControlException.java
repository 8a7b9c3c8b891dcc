package dev.claudecode.errors;

import java.util.Optional;

/**
 * A control request was answered with an error by the CLI; the message is the CLI's.
 */
public class ControlException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /** The subtype of the control request that failed. */
    private final String subtype;
    /** The CLI's error code, when it gave one; {@code null} otherwise. */
    private final String errorCode;

    /**
     * Creates the exception.
     *
     * @param subtype the control request subtype, e.g. {@code mcp_reconnect}
     * @param message the error text the CLI sent
     */
    public ControlException(String subtype, String message) {
        this(subtype, message, Optional.empty());
    }

    /**
     * Creates the exception with the CLI's machine-readable error code.
     *
     * @param subtype the control request subtype, e.g. {@code reload_plugins}
     * @param message the error text the CLI sent
     * @param errorCode the {@code error_code} the CLI sent beside it, when it sent one
     */
    public ControlException(String subtype, String message, Optional<String> errorCode) {
        super(subtype + " failed: " + message);
        this.subtype = subtype;
        this.errorCode = errorCode.orElse(null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param subtype the control request subtype
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ControlException(String subtype, String message, Throwable cause) {
        super(subtype + " failed: " + message, cause);
        this.subtype = subtype;
        this.errorCode = null;
    }

    /** {@return the control request subtype that failed} */
    public String subtype() {
        return subtype;
    }

    /**
     * {@return the CLI's machine-readable code for the error ({@code error_code}, sent by CLIs
     * newer than 2.1.197), e.g. {@code invalid_mode}, {@code reload_plugins_busy} or
     * {@code unsupported_request}; empty when the CLI sent none}
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
