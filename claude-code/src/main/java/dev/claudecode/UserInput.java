package dev.claudecode;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.DocumentBlock;
import dev.claudecode.content.ImageBlock;
import dev.claudecode.content.TextBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user says in one turn: text and other content blocks (images, documents), and
 * optionally the uuid the CLI should give the message (the key for {@code session.control().rewindFiles}).
 *
 * @param content the content blocks, at least one
 * @param uuid the message uuid to use, when the caller chooses it
 * @param verbatim whether the CLI takes the text as written: no {@code @path} mention expansion, no
 *     slash-command dispatch and no turn-start attachments (the {@code client_composed} field of the
 *     {@code user} line, read from CLI 2.1.248; older CLIs ignore it). The options'
 *     {@code verbatimPrompts} sets it on every message.
 */
public record UserInput(List<ContentBlock> content, Optional<String> uuid, boolean verbatim) {

    /** Validates and copies the components. */
    public UserInput {
        content = List.copyOf(content);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("a user message needs at least one content block");
        }
        Objects.requireNonNull(uuid, "uuid");
    }

    /**
     * Input the CLI may expand ({@code @path} mentions, slash commands).
     *
     * @param content the content blocks, at least one
     * @param uuid the message uuid to use, when the caller chooses it
     */
    public UserInput(List<ContentBlock> content, Optional<String> uuid) {
        this(content, uuid, false);
    }

    /**
     * {@return input made of one text block}
     *
     * @param text the prompt
     */
    public static UserInput text(String text) {
        return new UserInput(List.of(TextBlock.of(Objects.requireNonNull(text, "text"))), Optional.empty());
    }

    /** {@return a builder for input with several blocks} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a copy with that uuid}
     *
     * @param messageUuid the uuid the CLI should give this message
     */
    public UserInput withUuid(String messageUuid) {
        return new UserInput(content, Optional.of(messageUuid), verbatim);
    }

    /**
     * Marks the input as composed by the program, not typed by a person: the CLI delivers the text
     * as written, without expanding {@code @path} mentions or running slash commands.
     *
     * @return a copy sent with {@code client_composed: true}
     */
    public UserInput asVerbatim() {
        return new UserInput(content, uuid, true);
    }

    /** Builds a {@link UserInput} block by block. */
    public static final class Builder {

        private final List<ContentBlock> content = new ArrayList<>();
        private String uuid;

        private Builder() {
        }

        /**
         * {@return this builder, with a text block added}
         *
         * @param text the text
         */
        public Builder text(String text) {
            content.add(TextBlock.of(text));
            return this;
        }

        /**
         * {@return this builder, with an image added}
         *
         * @param image the image
         */
        public Builder image(ImageBlock image) {
            content.add(image);
            return this;
        }

        /**
         * {@return this builder, with a document added}
         *
         * @param document the document
         */
        public Builder document(DocumentBlock document) {
            content.add(document);
            return this;
        }

        /**
         * {@return this builder, with any content block added}
         *
         * @param block the block
         */
        public Builder block(ContentBlock block) {
            content.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        /**
         * {@return this builder, with the message uuid set}
         *
         * @param messageUuid the uuid the message carries
         */
        public Builder uuid(String messageUuid) {
            this.uuid = messageUuid;
            return this;
        }

        /** {@return the input} */
        public UserInput build() {
            return new UserInput(content, Optional.ofNullable(uuid));
        }
    }
}
