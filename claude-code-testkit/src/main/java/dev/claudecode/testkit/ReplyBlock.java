package dev.claudecode.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One content block of a scripted {@link MessageReply}. */
public sealed interface ReplyBlock {

    /**
     * A text block, streamed as {@code text_delta} events.
     *
     * @param text the text
     */
    record Text(String text) implements ReplyBlock {
        /** Checks the text is present. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A thinking block, streamed as {@code thinking_delta} events and one {@code signature_delta}.
     *
     * @param thinking the thinking text
     * @param signature the opaque signature
     */
    record Thinking(String thinking, String signature) implements ReplyBlock {
        /** The signature used when none is given. */
        public static final String DEFAULT_SIGNATURE = "ZmFrZS1zaWduYXR1cmU=";

        /** Checks both parts are present. */
        public Thinking {
            Objects.requireNonNull(thinking, "thinking");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * A redacted thinking block, sent whole in its {@code content_block_start}.
     *
     * @param data the opaque data
     */
    record RedactedThinking(String data) implements ReplyBlock {
        /** Checks the data is present. */
        public RedactedThinking {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A tool call, streamed as {@code input_json_delta} events.
     *
     * @param id the tool use id; empty means {@code toolu_fake_N} is assigned when served
     * @param name the tool name
     * @param input the tool input as plain JSON values (insertion-ordered, unmodifiable)
     */
    record ToolUse(Optional<String> id, String name, Map<String, Object> input) implements ReplyBlock {
        /** Checks the parts and copies the input. */
        public ToolUse {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
        }
    }
}
