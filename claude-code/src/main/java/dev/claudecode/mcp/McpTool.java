package dev.claudecode.mcp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an MCP tool of an in-process server ({@link SdkMcpServer.Builder#toolsFrom}).
 * Its parameters become the tool's arguments, and their types the input JSON schema: strings,
 * numbers, booleans, enums, lists, arrays, maps with string keys, records, and {@code Optional}
 * for arguments the model may leave out. Name the parameters with {@link McpParam}, or compile
 * with {@code -parameters}.
 *
 * <p>The method may return a {@link ToolResult}, a {@code String} (the text the model reads),
 * {@code void} (an empty result), a number, boolean or enum (its text), or any other value, which
 * is sent as JSON text and, when it is an object, as structured content. An exception it throws
 * becomes an error result with the exception's message.
 *
 * <pre>{@code
 * class Calculator {
 *     @McpTool(description = "Add two numbers")
 *     double add(@McpParam(name = "a") double a, @McpParam(name = "b") double b) {
 *         return a + b;
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpTool {

    /** {@return the tool's name; empty means the method's name} */
    String name() default "";

    /** {@return what the tool does, for the model} */
    String description() default "";

    /**
     * {@return words tool search should match the tool by (see {@link SdkMcpTool#searchHint()});
     * empty for none}
     */
    String searchHint() default "";

    /**
     * {@return whether the tool is in every request instead of deferred behind tool search (see
     * {@link SdkMcpTool#alwaysLoad()})}
     */
    boolean alwaysLoad() default false;
}
