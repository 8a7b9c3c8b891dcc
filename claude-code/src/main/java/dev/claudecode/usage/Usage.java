package dev.claudecode.usage;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Token usage as the Messages API reports it ({@code usage}): on an assistant message (where the
 * CLI passes the usage of {@code message_start}, not the final one), on stream events, and on a
 * result (the usage of the turn's main loop). Counts the wire omits are zero.
 *
 * @param inputTokens input tokens that were neither read from nor written to the prompt cache
 * @param outputTokens output tokens
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param serviceTier the service tier that served the request, such as {@code "standard"}
 * @param raw the whole usage object as plain JSON, with fields not modelled here such as {@code
 *     server_tool_use}, {@code cache_creation} or {@code speed}; empty when built in code
 */
public record Usage(
        long inputTokens,
        long outputTokens,
        long cacheCreationInputTokens,
        long cacheReadInputTokens,
        Optional<String> serviceTier,
        Map<String, Object> raw) {

    /** Usage with every count zero. */
    public static final Usage EMPTY = new Usage(0, 0, 0, 0, Optional.empty(), Map.of());

    /** Copies the components. */
    public Usage {
        Objects.requireNonNull(serviceTier, "serviceTier");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * Usage with input and output counts only.
     *
     * @param inputTokens input tokens
     * @param outputTokens output tokens
     * @return the usage
     */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, 0, 0, Optional.empty(), Map.of());
    }

    /**
     * All input tokens, cached or not.
     *
     * @return input plus cache-creation plus cache-read tokens
     */
    public long totalInputTokens() {
        return inputTokens + cacheCreationInputTokens + cacheReadInputTokens;
    }
}
