package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a turn or a user message came from ({@code origin}), when not from the caller: {@code
 * "task-notification"} for a turn the CLI started by itself after a background task ended, {@code
 * "peer"} for a message from another session, {@code "channel"}, {@code "human"}, {@code
 * "auto-continuation"} and newer kinds. The fields of each kind are in {@link #fields()}.
 *
 * @param kind the kind of origin ({@code kind})
 * @param fields the whole origin object as plain JSON, {@code kind} included
 */
public record MessageOrigin(String kind, Map<String, Object> fields) {

    /** The kind of a turn the CLI started after a background task ended. */
    public static final String TASK_NOTIFICATION = "task-notification";

    /** Validates and copies the components. */
    public MessageOrigin {
        Objects.requireNonNull(kind, "kind");
        fields = JsonValues.copyMap(Objects.requireNonNull(fields, "fields"));
    }

    /**
     * The run of the background task whose notification started the turn ({@code runId}), on a
     * {@code "task-notification"} origin: the same id as that task's {@code run_id}.
     *
     * @return the run id, when the origin names one
     */
    public Optional<String> runId() {
        return fields.get("runId") instanceof String runId ? Optional.of(runId) : Optional.empty();
    }
}
