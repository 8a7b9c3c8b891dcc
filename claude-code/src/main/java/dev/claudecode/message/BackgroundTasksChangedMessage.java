package dev.claudecode.message;

import java.util.List;
import java.util.Objects;

/**
 * The set of running background tasks changed ({@code system/background_tasks_changed}). Each
 * message carries the whole set: replace what you had with {@link #tasks()}. The CLI sends one, empty,
 * at start-up, one when a background shell or subagent starts, and one when it ends.
 *
 * <p>Since CLI 2.1.203.
 *
 * @param tasks every background task still running after the change
 * @param envelope the session id, uuid and JSON of the message
 */
public record BackgroundTasksChangedMessage(List<BackgroundTask> tasks, Envelope envelope) implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "background_tasks_changed";

    /** Validates and copies the components. */
    public BackgroundTasksChangedMessage {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
