package dev.claudecode.internal.mcp;

import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpContent;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpTool;
import dev.claudecode.mcp.ToolResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@link McpTool} methods of an object into tools: the parameters become the input
 * schema ({@link ToolSchemas}), the arguments are converted back ({@link TypedArguments}), and the
 * return value becomes a result ({@link #result(Object)}).
 */
public final class AnnotatedTools {

    private AnnotatedTools() {
    }

    /**
     * @param target the object whose annotated methods are tools
     * @return one tool per annotated method, by name within a class, subclass methods first
     * @throws IllegalArgumentException when there is none, or one cannot be described or called
     */
    public static List<SdkMcpTool> of(Object target) {
        Objects.requireNonNull(target, "target");
        List<SdkMcpTool> tools = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            // declared methods come in no particular order; a stable tool list keeps prompts stable
            Method[] methods = type.getDeclaredMethods();
            java.util.Arrays.sort(methods, java.util.Comparator.comparing(Method::getName)
                    .thenComparing(m -> java.util.Arrays.toString(m.getParameterTypes())));
            for (Method method : methods) {
                McpTool annotation = method.getAnnotation(McpTool.class);
                if (annotation == null || method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                String signature = method.getName() + java.util.Arrays.toString(method.getParameterTypes());
                if (!signatures.add(signature)) {
                    continue; // overridden in a subclass, which was read first
                }
                tools.add(tool(target, method, annotation));
            }
        }
        if (tools.isEmpty()) {
            throw new IllegalArgumentException(target.getClass().getName() + " has no method annotated with @McpTool");
        }
        return tools;
    }

    private static SdkMcpTool tool(Object target, Method method, McpTool annotation) {
        if (!method.trySetAccessible()) {
            throw new IllegalArgumentException("cannot call " + method + ": make it public, or open its package");
        }
        List<ToolSchemas.Property> properties = ToolSchemas.properties(method);
        Map<String, Object> schema = ToolSchemas.objectSchema(properties);
        String name = annotation.name().isBlank() ? method.getName() : annotation.name();
        return new SdkMcpTool(name, Optional.of(annotation.description()), schema, arguments -> {
            Object[] values = TypedArguments.forParameters(arguments, properties);
            try {
                return result(method.invoke(target, values));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }).withSearchHint(annotation.searchHint()).withAlwaysLoad(annotation.alwaysLoad());
    }

    /**
     * What a tool method's return value means to the model.
     *
     * @param value what the method returned; null for {@code void}
     * @return the result: as is for a {@link ToolResult}, one content for {@link McpContent}, the
     *     text of strings, numbers, booleans and enums, no content for null, and JSON text (plus
     *     structured content, for an object) for anything else
     */
    public static ToolResult result(Object value) {
        if (value == null) {
            return new ToolResult(List.of(), Optional.empty(), false);
        }
        if (value instanceof ToolResult result) {
            return result;
        }
        if (value instanceof McpContent content) {
            return ToolResult.of(content);
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            return ToolResult.text(String.valueOf(value));
        }
        JsonNode json = Json.toNode(value);
        return json.isObject() ? ToolResult.structured(json) : ToolResult.text(Json.write(json));
    }
}
