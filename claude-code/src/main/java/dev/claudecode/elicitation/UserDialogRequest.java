package dev.claudecode.elicitation;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dialog the CLI asks the application to show ({@code request_user_dialog}). Each kind defines
 * its own payload and the shape of its answer; the protocol carries both as plain JSON.
 *
 * <p>The kind known today is {@value #REFUSAL_FALLBACK_PROMPT}: the model refused to answer and
 * the CLI offers to retry on a fallback model. Its payload holds {@code originalModel},
 * {@code fallbackModel} and optionally {@code apiRefusalCategory}, {@code guidanceText},
 * {@code servedNotice} ({@code {text, learnMoreUrl?}}) and {@code retractedMessageUuids} (the
 * messages already streamed that the refusal takes back); the answer is
 * {@code "retry_fallback"}, {@code "edit_prompt"} or {@code "cancelled"}.
 *
 * @param dialogKind the kind, e.g. {@value #REFUSAL_FALLBACK_PROMPT}
 * @param payload the kind's data
 * @param toolUseId the tool use the dialog belongs to, when it belongs to one
 * @param raw the whole request as the CLI sent it
 */
public record UserDialogRequest(String dialogKind, Map<String, Object> payload, Optional<String> toolUseId,
        Map<String, Object> raw) {

    /** The dialog that offers to retry a refused answer on the fallback model. */
    public static final String REFUSAL_FALLBACK_PROMPT = "refusal_fallback_prompt";

    /**
     * Checks and copies the components.
     *
     * @param dialogKind the kind
     * @param payload the data
     * @param toolUseId the tool use
     * @param raw the request
     */
    public UserDialogRequest {
        Objects.requireNonNull(dialogKind, "dialogKind");
        payload = JsonValues.copyMap(Objects.requireNonNull(payload, "payload"));
        Objects.requireNonNull(toolUseId, "toolUseId");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * A request with only a kind and data, for example to test a handler.
     *
     * @param dialogKind the kind
     * @param payload the data
     * @return the request
     */
    public static UserDialogRequest of(String dialogKind, Map<String, ?> payload) {
        return new UserDialogRequest(dialogKind, JsonValues.copyMap(payload), Optional.empty(), Map.of());
    }

    /**
     * Reads a string field of the payload, such as a refusal prompt's {@code fallbackModel}.
     *
     * @param field the payload field
     * @return its value when it is a string
     */
    public Optional<String> payloadString(String field) {
        return payload.get(field) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
