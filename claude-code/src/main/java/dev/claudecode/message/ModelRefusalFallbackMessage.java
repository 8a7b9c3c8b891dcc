package dev.claudecode.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model refused to answer and the CLI fell back to the configured fallback model ({@code
 * system/model_refusal_fallback}). Remove the messages {@link #retractedMessageUuids()} names from
 * what you show: the refused partial answer and the tool results it led to.
 *
 * <p>Since CLI 2.1.170.
 *
 * @param trigger what caused the fallback: {@code "refusal"}
 * @param direction {@code "retry"} (the refused request is retried on the fallback model), {@code
 *     "revert"} (back to the original model) or {@code "sticky"} (the session stays on the fallback
 *     model)
 * @param scope {@code "session"} (the session's model was swapped) or {@code "local"} (only a
 *     subagent or side request fell back); empty from CLIs that do not say, meaning {@code "session"}
 * @param originalModel the model that refused ({@code original_model})
 * @param fallbackModel the model that answers instead ({@code fallback_model})
 * @param requestId the API request id of the refused response ({@code request_id})
 * @param apiRefusalCategory the refusal category, such as {@code "cyber"} ({@code
 *     api_refusal_category})
 * @param apiRefusalExplanation the API's explanation, for display only ({@code
 *     api_refusal_explanation})
 * @param retractedMessageUuids the uuids of the messages this fallback withdrew ({@code
 *     retracted_message_uuids})
 * @param refusedUserMessageUuid the user message the refused request answered ({@code
 *     refused_user_message_uuid}), the point to rewind to for an edit and retry
 * @param content the text shown for the fallback
 * @param envelope the session id, uuid and JSON of the message
 */
public record ModelRefusalFallbackMessage(
        String trigger,
        String direction,
        Optional<String> scope,
        String originalModel,
        String fallbackModel,
        Optional<String> requestId,
        Optional<String> apiRefusalCategory,
        Optional<String> apiRefusalExplanation,
        List<String> retractedMessageUuids,
        Optional<String> refusedUserMessageUuid,
        String content,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "model_refusal_fallback";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public ModelRefusalFallbackMessage {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(originalModel, "originalModel");
        Objects.requireNonNull(fallbackModel, "fallbackModel");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(apiRefusalCategory, "apiRefusalCategory");
        Objects.requireNonNull(apiRefusalExplanation, "apiRefusalExplanation");
        retractedMessageUuids = List.copyOf(Objects.requireNonNull(retractedMessageUuids, "retractedMessageUuids"));
        Objects.requireNonNull(refusedUserMessageUuid, "refusedUserMessageUuid");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }

    /**
     * A builder with every field empty.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this message.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.trigger = trigger;
        b.direction = direction;
        b.scope = scope;
        b.originalModel = originalModel;
        b.fallbackModel = fallbackModel;
        b.requestId = requestId;
        b.apiRefusalCategory = apiRefusalCategory;
        b.apiRefusalExplanation = apiRefusalExplanation;
        b.retractedMessageUuids = retractedMessageUuids;
        b.refusedUserMessageUuid = refusedUserMessageUuid;
        b.content = content;
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link ModelRefusalFallbackMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private String trigger = "";
        private String direction = "";
        private Optional<String> scope = Optional.empty();
        private String originalModel = "";
        private String fallbackModel = "";
        private Optional<String> requestId = Optional.empty();
        private Optional<String> apiRefusalCategory = Optional.empty();
        private Optional<String> apiRefusalExplanation = Optional.empty();
        private List<String> retractedMessageUuids = List.of();
        private Optional<String> refusedUserMessageUuid = Optional.empty();
        private String content = "";

        private Builder() {
        }

        /**
         * Sets what caused the fallback.
         *
         * @param trigger what caused the fallback
         * @return this builder
         */
        public Builder trigger(String trigger) {
            this.trigger = Objects.requireNonNull(trigger, "trigger");
            return this;
        }

        /**
         * Sets the direction of the fallback.
         *
         * @param direction the direction of the fallback
         * @return this builder
         */
        public Builder direction(String direction) {
            this.direction = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /**
         * Sets the scope of the fallback.
         *
         * @param scope the scope of the fallback; null for none
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = Optional.ofNullable(scope);
            return this;
        }

        /**
         * Sets the model that refused.
         *
         * @param originalModel the model that refused
         * @return this builder
         */
        public Builder originalModel(String originalModel) {
            this.originalModel = Objects.requireNonNull(originalModel, "originalModel");
            return this;
        }

        /**
         * Sets the model that answers instead.
         *
         * @param fallbackModel the model that answers instead
         * @return this builder
         */
        public Builder fallbackModel(String fallbackModel) {
            this.fallbackModel = Objects.requireNonNull(fallbackModel, "fallbackModel");
            return this;
        }

        /**
         * Sets the API request id of the refused response.
         *
         * @param requestId the API request id of the refused response; null for none
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = Optional.ofNullable(requestId);
            return this;
        }

        /**
         * Sets the refusal category.
         *
         * @param apiRefusalCategory the refusal category; null for none
         * @return this builder
         */
        public Builder apiRefusalCategory(String apiRefusalCategory) {
            this.apiRefusalCategory = Optional.ofNullable(apiRefusalCategory);
            return this;
        }

        /**
         * Sets the API's explanation.
         *
         * @param apiRefusalExplanation the API's explanation; null for none
         * @return this builder
         */
        public Builder apiRefusalExplanation(String apiRefusalExplanation) {
            this.apiRefusalExplanation = Optional.ofNullable(apiRefusalExplanation);
            return this;
        }

        /**
         * Sets the uuids of the withdrawn messages.
         *
         * @param retractedMessageUuids the uuids of the withdrawn messages
         * @return this builder
         */
        public Builder retractedMessageUuids(List<String> retractedMessageUuids) {
            this.retractedMessageUuids = List.copyOf(retractedMessageUuids);
            return this;
        }

        /**
         * Sets the user message the refused request answered.
         *
         * @param refusedUserMessageUuid the user message the refused request answered; null for none
         * @return this builder
         */
        public Builder refusedUserMessageUuid(String refusedUserMessageUuid) {
            this.refusedUserMessageUuid = Optional.ofNullable(refusedUserMessageUuid);
            return this;
        }

        /**
         * Sets the text shown for the fallback.
         *
         * @param content the text shown for the fallback
         * @return this builder
         */
        public Builder content(String content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public ModelRefusalFallbackMessage build() {
            return new ModelRefusalFallbackMessage(trigger, direction, scope, originalModel, fallbackModel, requestId,
                    apiRefusalCategory, apiRefusalExplanation, retractedMessageUuids, refusedUserMessageUuid, content,
                    envelope);
        }
    }
}
