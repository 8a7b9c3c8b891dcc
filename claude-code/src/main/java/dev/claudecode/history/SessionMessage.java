package dev.claudecode.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One message of a stored conversation, as read from a session transcript on disk.
 *
 * <p>An assistant reply that the CLI wrote as several records (one per content block, sharing one
 * {@code message.id}) is one {@code SessionMessage} whose {@code content} holds all the blocks in
 * order; its {@code uuid} is the last record's (the one the next message names as parent) and its
 * {@code parentUuid} the first record's.
 *
 * @param type {@code "user"} or {@code "assistant"}
 * @param uuid the record uuid; for merged assistant records, the last one's
 * @param parentUuid the uuid of the record this one continues from; empty for the first message of a chain
 * @param sessionId the session the record was written in
 * @param timestamp when the (first) record was written, when it says so
 * @param isSidechain whether the record belongs to a subagent's sidechain
 * @param isMeta whether the CLI marked the record as meta (hook feedback, command caveats)
 * @param isCompactSummary whether this user message is the summary a compaction put in place of the earlier conversation
 * @param message the Messages API message as plain Java values: {@code role}, {@code content} (a string or a
 *     list of block maps), and for assistant messages {@code id}, {@code model}, {@code stop_reason}, {@code usage}
 */
public record SessionMessage(
        String type,
        String uuid,
        Optional<String> parentUuid,
        String sessionId,
        Optional<Instant> timestamp,
        boolean isSidechain,
        boolean isMeta,
        boolean isCompactSummary,
        Map<String, Object> message) {

    /** Checks the components and freezes the message map (which may hold JSON nulls). */
    public SessionMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(parentUuid, "parentUuid");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(timestamp, "timestamp");
        message = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(message, "message")));
    }

    /** {@return a builder with no fields set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this message's values} */
    public Builder toBuilder() {
        return new Builder()
                .type(type)
                .uuid(uuid)
                .parentUuid(parentUuid.orElse(null))
                .sessionId(sessionId)
                .timestamp(timestamp.orElse(null))
                .isSidechain(isSidechain)
                .isMeta(isMeta)
                .isCompactSummary(isCompactSummary)
                .message(message);
    }

    /** {@return whether this is a user message (a prompt or tool results)} */
    public boolean isUser() {
        return "user".equals(type);
    }

    /** {@return whether this is an assistant message} */
    public boolean isAssistant() {
        return "assistant".equals(type);
    }

    /**
     * The readable text of the message: a plain-string content as is, otherwise the {@code text}
     * of every {@code text} block joined with a newline. Tool calls, tool results, thinking and
     * images contribute nothing.
     *
     * @return the text, empty when there is none
     */
    public String text() {
        Object content = message.get("content");
        if (content instanceof String text) {
            return text;
        }
        if (!(content instanceof List<?> blocks)) {
            return "";
        }
        return blocks.stream()
                .filter(block -> block instanceof Map<?, ?> map && "text".equals(map.get("type")))
                .map(block -> ((Map<?, ?>) block).get("text"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .collect(Collectors.joining("\n"));
    }

    /** Builds a {@link SessionMessage}; {@code type}, {@code uuid}, {@code sessionId} and {@code message} are required. */
    public static final class Builder {
        private String type;
        private String uuid;
        private String parentUuid;
        private String sessionId;
        private Instant timestamp;
        private boolean isSidechain;
        private boolean isMeta;
        private boolean isCompactSummary;
        private Map<String, Object> message;

        private Builder() {
        }

        /**
         * Sets {@code type}.
         *
         * @param type {@code "user"} or {@code "assistant"}
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets {@code uuid}.
         *
         * @param uuid the record uuid
         * @return this builder
         */
        public Builder uuid(String uuid) {
            this.uuid = uuid;
            return this;
        }

        /**
         * Sets {@code parentUuid}.
         *
         * @param parentUuid the parent record uuid, or null for none
         * @return this builder
         */
        public Builder parentUuid(String parentUuid) {
            this.parentUuid = parentUuid;
            return this;
        }

        /**
         * Sets {@code sessionId}.
         *
         * @param sessionId the session id
         * @return this builder
         */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /**
         * Sets {@code timestamp}.
         *
         * @param timestamp when the record was written, or null when unknown
         * @return this builder
         */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Sets {@code isSidechain}.
         *
         * @param isSidechain whether the record is a sidechain record
         * @return this builder
         */
        public Builder isSidechain(boolean isSidechain) {
            this.isSidechain = isSidechain;
            return this;
        }

        /**
         * Sets {@code isMeta}.
         *
         * @param isMeta whether the record is a meta record
         * @return this builder
         */
        public Builder isMeta(boolean isMeta) {
            this.isMeta = isMeta;
            return this;
        }

        /**
         * Sets {@code isCompactSummary}.
         *
         * @param isCompactSummary whether the message is a compaction summary
         * @return this builder
         */
        public Builder isCompactSummary(boolean isCompactSummary) {
            this.isCompactSummary = isCompactSummary;
            return this;
        }

        /**
         * Sets {@code message}.
         *
         * @param message the API message as plain Java values
         * @return this builder
         */
        public Builder message(Map<String, Object> message) {
            this.message = message;
            return this;
        }

        /** {@return the message} */
        public SessionMessage build() {
            return new SessionMessage(type, uuid, Optional.ofNullable(parentUuid), sessionId,
                    Optional.ofNullable(timestamp), isSidechain, isMeta, isCompactSummary, message);
        }
    }
}
