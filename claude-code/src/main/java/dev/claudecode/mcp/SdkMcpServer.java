package dev.claudecode.mcp;

import dev.claudecode.internal.mcp.AnnotatedTools;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An MCP server defined in Java and run inside this process: the CLI reaches it through the
 * session's control protocol, so there is no child process, port or serialisation to manage, and
 * its tools run with the application's own objects. It is served by the official MCP Java SDK.
 * Register it under a name with {@link McpServerConfig#sdk(SdkMcpServer)}; it can sit next to
 * stdio, SSE and HTTP servers in the same session.
 *
 * <pre>{@code
 * SdkMcpServer calc = SdkMcpServer.builder("calc")
 *         .tool("add", "Add two numbers", Map.of(
 *                 "type", "object",
 *                 "properties", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")),
 *                 "required", List.of("a", "b")),
 *             args -> ToolResult.text(String.valueOf(
 *                 ((Number) args.get("a")).doubleValue() + ((Number) args.get("b")).doubleValue())))
 *         .toolsFrom(new Calculator())                    // methods annotated with @McpTool
 *         .build();
 * }</pre>
 *
 * @param name the server's name in its MCP handshake
 * @param version the server's version in its MCP handshake
 * @param instructions how to use the server, for the model
 * @param tools the tools
 * @param resources the resources and resource templates
 * @param prompts the prompts
 */
public record SdkMcpServer(String name, String version, Optional<String> instructions, List<SdkMcpTool> tools,
        List<SdkMcpResource> resources, List<SdkMcpPrompt> prompts) {

    /** Validates and copies the components. */
    public SdkMcpServer {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an MCP server needs a name");
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(instructions, "instructions");
        tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
        prompts = List.copyOf(Objects.requireNonNull(prompts, "prompts"));
        requireUnique("tool", tools.stream().map(SdkMcpTool::name).toList());
        requireUnique("resource", resources.stream().map(SdkMcpResource::uri).toList());
        requireUnique("prompt", prompts.stream().map(SdkMcpPrompt::name).toList());
    }

    /**
     * {@return a builder for a server with version {@code 1.0.0} and nothing in it yet}
     *
     * @param name the server's name in its MCP handshake
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** {@return a builder holding this server's values} */
    public Builder toBuilder() {
        Builder builder = new Builder(name);
        builder.version = version;
        builder.instructions = instructions.orElse(null);
        builder.tools.addAll(tools);
        builder.resources.addAll(resources);
        builder.prompts.addAll(prompts);
        return builder;
    }

    private static void requireUnique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("an MCP server has two " + what + "s named '" + name + "'");
            }
        }
    }

    /** Builds an {@link SdkMcpServer}. */
    public static final class Builder {

        private final String name;
        private String version = "1.0.0";
        private String instructions;
        private final List<SdkMcpTool> tools = new ArrayList<>();
        private final List<SdkMcpResource> resources = new ArrayList<>();
        private final List<SdkMcpPrompt> prompts = new ArrayList<>();
        private boolean alwaysLoad;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * {@return this builder}
         *
         * @param serverVersion the version in the MCP handshake
         */
        public Builder version(String serverVersion) {
            this.version = Objects.requireNonNull(serverVersion, "version");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param text how to use the server, for the model; null clears it
         */
        public Builder instructions(String text) {
            this.instructions = text;
            return this;
        }

        /**
         * Adds a tool with a JSON schema written by hand.
         *
         * @param toolName the tool's name
         * @param description what it does
         * @param inputSchema the JSON schema of its arguments, {@code "type":"object"}
         * @param handler the Java code
         * @return this builder
         */
        public Builder tool(String toolName, String description, Map<String, ?> inputSchema, ToolHandler handler) {
            return tool(SdkMcpTool.of(toolName, description, inputSchema, handler));
        }

        /**
         * Adds a tool whose arguments are a record; the schema comes from the record.
         *
         * @param toolName the tool's name
         * @param description what it does
         * @param argumentsType the arguments' record type
         * @param handler the Java code
         * @param <T> the record type
         * @return this builder
         */
        public <T extends Record> Builder tool(String toolName, String description, Class<T> argumentsType,
                TypedToolHandler<T> handler) {
            return tool(SdkMcpTool.typed(toolName, description, argumentsType, handler));
        }

        /**
         * {@return this builder}
         *
         * @param tool a tool to add
         */
        public Builder tool(SdkMcpTool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /**
         * Adds a tool for every method of the object annotated with {@link McpTool}.
         *
         * @param target the object whose methods are the tools
         * @return this builder
         * @throws IllegalArgumentException when the object has no such method, or a method's
         *     parameters cannot be named or described as JSON schema
         */
        public Builder toolsFrom(Object target) {
            tools.addAll(AnnotatedTools.of(target));
            return this;
        }

        /**
         * Adds a resource.
         *
         * @param uri the resource's URI
         * @param resourceName a short name
         * @param description what it holds
         * @param mimeType its media type
         * @param reader reads it
         * @return this builder
         */
        public Builder resource(String uri, String resourceName, String description, String mimeType,
                ResourceReader reader) {
            resources.add(new SdkMcpResource(uri, resourceName, Optional.ofNullable(description),
                    Optional.ofNullable(mimeType), false, reader));
            return this;
        }

        /**
         * Adds a family of resources under a URI template, such as {@code notes://{name}}.
         *
         * @param uriTemplate the template
         * @param resourceName a short name
         * @param description what the resources hold
         * @param mimeType their media type
         * @param reader reads one, given its concrete URI
         * @return this builder
         */
        public Builder resourceTemplate(String uriTemplate, String resourceName, String description, String mimeType,
                ResourceReader reader) {
            resources.add(new SdkMcpResource(uriTemplate, resourceName, Optional.ofNullable(description),
                    Optional.ofNullable(mimeType), true, reader));
            return this;
        }

        /**
         * Adds a prompt.
         *
         * @param promptName the prompt's name
         * @param description what it does
         * @param arguments its arguments
         * @param handler expands it
         * @return this builder
         */
        public Builder prompt(String promptName, String description, List<PromptArgument> arguments,
                PromptHandler handler) {
            prompts.add(new SdkMcpPrompt(promptName, Optional.ofNullable(description), arguments, handler));
            return this;
        }

        /**
         * Marks every tool added so far and later as always loaded ({@link SdkMcpTool#alwaysLoad()}),
         * as the official TypeScript SDK's server-level {@code alwaysLoad} does.
         *
         * @param load whether all tools are in every request instead of deferred behind tool search
         * @return this builder
         */
        public Builder alwaysLoad(boolean load) {
            this.alwaysLoad = load;
            return this;
        }

        /** {@return the server} */
        public SdkMcpServer build() {
            List<SdkMcpTool> built = alwaysLoad ? tools.stream().map(tool -> tool.withAlwaysLoad(true)).toList() : tools;
            return new SdkMcpServer(name, version, Optional.ofNullable(instructions), built, resources, prompts);
        }
    }
}
