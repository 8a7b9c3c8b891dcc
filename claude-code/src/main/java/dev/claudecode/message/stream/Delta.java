package dev.claudecode.message.stream;

/**
 * The content of a {@link ContentBlockDelta}: a piece of text, of thinking, of a thinking
 * signature, of a tool call's JSON input, or a citation. Kinds this library does not know arrive as
 * {@link UnknownDelta}.
 */
public sealed interface Delta
        permits TextDelta, ThinkingDelta, SignatureDelta, InputJsonDelta, CitationsDelta, UnknownDelta {

    /**
     * The delta's {@code type} on the wire, such as {@code "text_delta"}.
     *
     * @return the wire type
     */
    String type();
}
