package dev.claudecode.testkit;

/**
 * Token counts a scripted message reports, in {@code message_start}, {@code message_delta} and
 * the non-streaming message.
 *
 * @param inputTokens input tokens
 * @param outputTokens output tokens (the {@code message_start} event always says 1, as the API does)
 * @param cacheCreationInputTokens tokens written to the prompt cache
 * @param cacheReadInputTokens tokens read from the prompt cache
 */
public record Usage(long inputTokens, long outputTokens, long cacheCreationInputTokens, long cacheReadInputTokens) {

    /** What a reply reports unless told otherwise: 10 input and 5 output tokens. */
    public static final Usage DEFAULT = new Usage(10, 5, 0, 0);

    /** Rejects negative counts. */
    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheCreationInputTokens < 0 || cacheReadInputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /**
     * Usage without prompt caching.
     *
     * @param inputTokens input tokens
     * @param outputTokens output tokens
     * @return the usage
     */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, 0, 0);
    }
}
