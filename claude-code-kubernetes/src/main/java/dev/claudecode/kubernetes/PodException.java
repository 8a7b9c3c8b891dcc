package dev.claudecode.kubernetes;

import dev.claudecode.errors.CliProcessException;

/**
 * A pod for the CLI could not run: Kubernetes could not schedule it in time, could not pull its
 * image, could not create its container, or ended it before the CLI started.
 */
public class PodException extends CliProcessException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param reason Kubernetes' reason, such as {@code Unschedulable}, {@code ErrImagePull} or {@code Evicted}
     * @param cause the underlying failure, or null
     */
    public PodException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return Kubernetes' reason, such as {@code Unschedulable}, {@code ErrImagePull} or {@code Evicted} */
    public String reason() {
        return reason;
    }
}
