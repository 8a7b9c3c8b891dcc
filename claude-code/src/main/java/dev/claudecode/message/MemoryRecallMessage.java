package dev.claudecode.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Memories were recalled into the turn ({@code system/memory_recall}).
 *
 * <p>Since CLI 2.1.105.
 *
 * @param mode {@code "select"} (whole memory files chosen) or {@code "synthesize"} (a paragraph
 *     distilled from many small memories)
 * @param memories the memories recalled
 * @param envelope the session id, uuid and JSON of the message
 */
public record MemoryRecallMessage(String mode, List<Memory> memories, Envelope envelope) implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "memory_recall";

    /** Validates and copies the components. */
    public MemoryRecallMessage {
        Objects.requireNonNull(mode, "mode");
        memories = List.copyOf(Objects.requireNonNull(memories, "memories"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }

    /**
     * One recalled memory.
     *
     * @param path the memory file, a {@code <synthesis:DIR>} marker in synthesize mode, or a URL for
     *     an organization memory
     * @param scope {@code "personal"}, {@code "team"} or {@code "organization"}
     * @param content the memory's text; empty for a file the reader loads from {@link #path()}
     */
    public record Memory(String path, String scope, Optional<String> content) {

        /** Validates the components. */
        public Memory {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(content, "content");
        }
    }
}
