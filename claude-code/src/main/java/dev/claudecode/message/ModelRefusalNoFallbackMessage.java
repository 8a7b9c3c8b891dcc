package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The model refused to answer and no fallback model was configured ({@code
 * system/model_refusal_no_fallback}).
 *
 * <p>Since CLI 2.1.193.
 *
 * @param originalModel the model that refused ({@code original_model})
 * @param requestId the API request id of the refused response ({@code request_id})
 * @param apiRefusalCategory the refusal category, such as {@code "cyber"} ({@code
 *     api_refusal_category})
 * @param apiRefusalExplanation the API's explanation, for display only ({@code
 *     api_refusal_explanation})
 * @param refusedUserMessageUuid the user message the refused request answered ({@code
 *     refused_user_message_uuid})
 * @param content the text shown for the refusal
 * @param envelope the session id, uuid and JSON of the message
 */
public record ModelRefusalNoFallbackMessage(
        String originalModel,
        Optional<String> requestId,
        Optional<String> apiRefusalCategory,
        Optional<String> apiRefusalExplanation,
        Optional<String> refusedUserMessageUuid,
        String content,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "model_refusal_no_fallback";

    /** Validates the components. */
    public ModelRefusalNoFallbackMessage {
        Objects.requireNonNull(originalModel, "originalModel");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(apiRefusalCategory, "apiRefusalCategory");
        Objects.requireNonNull(apiRefusalExplanation, "apiRefusalExplanation");
        Objects.requireNonNull(refusedUserMessageUuid, "refusedUserMessageUuid");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
