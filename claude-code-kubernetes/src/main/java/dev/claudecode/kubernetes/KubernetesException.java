package dev.claudecode.kubernetes;

import dev.claudecode.errors.ClaudeCodeException;

/** The Kubernetes API could not be reached, or refused what the transport asked of it. */
public class KubernetesException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public KubernetesException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public KubernetesException(String message, Throwable cause) {
        super(message, cause);
    }
}
