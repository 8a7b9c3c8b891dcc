/**
 * The raw streaming events of the Messages API, which the CLI passes through as {@link
 * dev.claudecode.message.StreamEventMessage}s when partial messages are enabled.
 *
 * <p>To show text as it is generated, append the text deltas:
 *
 * <pre>{@code
 * if (message instanceof StreamEventMessage s
 *         && s.event() instanceof ContentBlockDelta(int index, TextDelta(String text))) {
 *     System.out.print(text);
 * }
 * }</pre>
 */
package dev.claudecode.message.stream;
