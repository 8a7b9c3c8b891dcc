package dev.claudecode.usage;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * Usage and cost for one model across a session, as a result reports it per model ({@code
 * modelUsage}). These totals include subagents and internal calls and are cumulative across the
 * turns of a session: read the latest result rather than summing results.
 *
 * @param inputTokens input tokens
 * @param outputTokens output tokens
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 * @param webSearchRequests server-side web searches
 * @param costUsd estimated cost in US dollars ({@code costUSD})
 * @param contextWindow the model's context window in tokens
 * @param maxOutputTokens the model's output limit in tokens
 * @param raw the whole object as plain JSON, with fields not modelled here; empty when built in code
 */
public record ModelUsage(
        long inputTokens,
        long outputTokens,
        long cacheReadInputTokens,
        long cacheCreationInputTokens,
        long webSearchRequests,
        double costUsd,
        long contextWindow,
        long maxOutputTokens,
        Map<String, Object> raw) {

    /** Copies the components. */
    public ModelUsage {
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }
}
