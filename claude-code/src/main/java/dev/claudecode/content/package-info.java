/**
 * The content blocks of messages: text, thinking, tool calls and results, images and documents.
 *
 * <p>{@link dev.claudecode.content.ContentBlock} is a sealed hierarchy; blocks of types this
 * library does not know arrive as {@link dev.claudecode.content.UnknownBlock}. Read them with
 * pattern matching:
 *
 * <pre>{@code
 * for (ContentBlock block : assistantMessage.content()) {
 *     switch (block) {
 *         case TextBlock t -> System.out.print(t.text());
 *         case ThinkingBlock t -> System.out.print("(thinking) " + t.thinking());
 *         case ToolUseBlock t -> System.out.println(t.name() + " " + t.input());
 *         case ToolResultBlock r -> System.out.println((r.isError() ? "failed: " : "") + r.text());
 *         default -> { } // images, documents, server tools, unknown blocks
 *     }
 * }
 * }</pre>
 *
 * <p>The static factories build blocks to send as user input, for example
 * {@code TextBlock.of("What is in this picture?")}, {@code ImageBlock.of(Path.of("photo.png"))},
 * {@code DocumentBlock.pdf(bytes).withTitle("Spec")} and {@code DocumentBlock.text(notes)}.
 */
package dev.claudecode.content;
