package dev.claudecode.internal.mcp;

import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.PromptArgument;
import dev.claudecode.mcp.SdkMcpPrompt;
import dev.claudecode.mcp.SdkMcpResource;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.SdkMcpTool;
import dev.claudecode.mcp.ToolResult;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@link SdkMcpServer} served by the MCP Java SDK's stateless server, bridged to the control
 * protocol: the CLI's {@code mcp_message} carries a JSON-RPC message, {@link #handle} passes it to
 * the SDK's handler and returns the JSON-RPC answer for {@code mcp_response}. The SDK does the
 * protocol (initialize, tools/list, tools/call with input validation, resources, prompts); this
 * class supplies the handlers, which run the Java code on the calling thread, and turns what the
 * Java code throws into error results.
 *
 * <p>Notifications are answered too, with {@code {"jsonrpc":"2.0","result":{}}}: the CLI sends
 * them as control requests and waits for an answer like for any other.
 */
public final class McpBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpBridge.class);
    private static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(Json.MAPPER);

    /** One schema validator for every server: it is slow to create and caches compiled schemas. */
    private static final class Validator {
        static final DefaultJsonSchemaValidator INSTANCE = new DefaultJsonSchemaValidator(Json.MAPPER);
    }

    private final String name;
    private final BridgeTransport transport = new BridgeTransport();
    private final McpStatelessSyncServer server;

    /**
     * Builds the SDK server for a definition.
     *
     * @param definition the server
     */
    public McpBridge(SdkMcpServer definition) {
        this.name = definition.name();
        McpServer.StatelessSyncSpecification spec = McpServer.sync(transport)
                .serverInfo(definition.name(), definition.version())
                .jsonMapper(MAPPER)
                .jsonSchemaValidator(Validator.INSTANCE)
                // run the Java code on the thread that asks, so that cancelling it interrupts the code
                .immediateExecution(true)
                .capabilities(capabilities(definition));
        definition.instructions().ifPresent(spec::instructions);
        definition.tools().forEach(tool -> spec.tools(tool(tool)));
        for (SdkMcpResource resource : definition.resources()) {
            if (resource.template()) {
                spec.resourceTemplates(template(resource));
            } else {
                spec.resources(resource(resource));
            }
        }
        definition.prompts().forEach(prompt -> spec.prompts(prompt(prompt)));
        this.server = spec.build();
    }

    /**
     * Runs a request through the server's whole path once, so that the classes and caches the
     * first real request would wait for are ready: the first use of the MCP SDK in a JVM costs
     * a second or more.
     */
    public void warmUp() {
        handle(Json.parse("{\"jsonrpc\":\"2.0\",\"id\":\"warm-up\",\"method\":\"ping\"}"));
    }

    /** @return the server's name */
    public String name() {
        return name;
    }

    /**
     * Answers one JSON-RPC message. Blocks while the Java code runs; interrupting the calling
     * thread interrupts the code.
     *
     * @param message the JSON-RPC request or notification
     * @return the JSON-RPC response; for a notification {@code {"jsonrpc":"2.0","result":{}}}
     */
    public JsonNode handle(JsonNode message) {
        McpSchema.JSONRPCMessage parsed;
        try {
            parsed = McpSchema.deserializeJsonRpcMessage(MAPPER, Json.write(message));
        } catch (IOException | RuntimeException e) {
            return error(message.get("id"), McpSchema.ErrorCodes.INVALID_REQUEST,
                    "not a JSON-RPC message: " + e.getMessage());
        }
        McpTransportContext context = McpTransportContext.EMPTY;
        if (parsed instanceof McpSchema.JSONRPCRequest request) {
            McpSchema.JSONRPCResponse response = transport.handler().handleRequest(context, request).block();
            if (response == null) {
                return error(message.get("id"), McpSchema.ErrorCodes.INTERNAL_ERROR, "no response");
            }
            try {
                return Json.parse(MAPPER.writeValueAsString(response));
            } catch (IOException e) {
                return error(message.get("id"), McpSchema.ErrorCodes.INTERNAL_ERROR, e.getMessage());
            }
        }
        if (parsed instanceof McpSchema.JSONRPCNotification notification) {
            try {
                transport.handler().handleNotification(context, notification).block();
            } catch (RuntimeException e) {
                LOG.debug("MCP server {} could not handle notification {}: {}", name, notification.method(), e.toString());
            }
        }
        return acknowledgement();
    }

    /**
     * @param id the request's id, may be null
     * @param code the JSON-RPC error code
     * @param message the error message
     * @return a JSON-RPC error response
     */
    public static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = Json.object();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? Json.MAPPER.nullNode() : id);
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return response;
    }

    /** @return the answer to a notification */
    public static ObjectNode acknowledgement() {
        ObjectNode response = Json.object();
        response.put("jsonrpc", "2.0");
        response.putObject("result");
        return response;
    }

    @Override
    public void close() {
        server.close();
    }

    private static McpSchema.ServerCapabilities capabilities(SdkMcpServer definition) {
        // {"tools":{}}: the tool list never changes, which an absent listChanged already says
        McpSchema.ServerCapabilities.Builder capabilities = McpSchema.ServerCapabilities.builder().tools(null);
        if (!definition.resources().isEmpty()) {
            capabilities.resources(null, null);
        }
        if (!definition.prompts().isEmpty()) {
            capabilities.prompts(null);
        }
        return capabilities.build();
    }

    private static McpStatelessServerFeatures.SyncToolSpecification tool(SdkMcpTool tool) {
        McpSchema.Tool.Builder schema = McpSchema.Tool.builder(tool.name(), tool.inputSchema());
        tool.description().ifPresent(schema::description);
        tool.annotations().ifPresent(annotations -> schema.annotations(new McpSchema.ToolAnnotations(
                annotations.title().orElse(null), annotations.readOnly().orElse(null), annotations.destructive().orElse(null),
                annotations.idempotent().orElse(null), annotations.openWorld().orElse(null), null)));
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        tool.searchHint().ifPresent(hint -> meta.put("anthropic/searchHint", hint));
        if (tool.alwaysLoad()) {
            meta.put("anthropic/alwaysLoad", true);
        }
        if (!meta.isEmpty()) {
            schema.meta(meta);
        }
        return new McpStatelessServerFeatures.SyncToolSpecification(schema.build(),
                (context, request) -> McpConversions.callToolResult(call(tool, request.arguments())));
    }

    private static ToolResult call(SdkMcpTool tool, Map<String, Object> arguments) {
        try {
            ToolResult result = tool.handler().call(arguments == null ? Map.of() : arguments);
            return result == null ? new ToolResult(List.of(), java.util.Optional.empty(), false) : result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("The tool " + tool.name() + " was interrupted.");
        } catch (Exception e) {
            LOG.debug("MCP tool {} failed", tool.name(), e);
            String message = e.getMessage();
            return ToolResult.error(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
        }
    }

    private static McpStatelessServerFeatures.SyncResourceSpecification resource(SdkMcpResource resource) {
        McpSchema.Resource.Builder schema = McpSchema.Resource.builder(resource.uri(), resource.name());
        resource.description().ifPresent(schema::description);
        resource.mimeType().ifPresent(schema::mimeType);
        return new McpStatelessServerFeatures.SyncResourceSpecification(schema.build(),
                (context, request) -> read(resource, request.uri()));
    }

    private static McpStatelessServerFeatures.SyncResourceTemplateSpecification template(SdkMcpResource resource) {
        McpSchema.ResourceTemplate.Builder schema = McpSchema.ResourceTemplate.builder(resource.uri(), resource.name());
        resource.description().ifPresent(schema::description);
        resource.mimeType().ifPresent(schema::mimeType);
        return new McpStatelessServerFeatures.SyncResourceTemplateSpecification(schema.build(),
                (context, request) -> read(resource, request.uri()));
    }

    private static McpSchema.ReadResourceResult read(SdkMcpResource resource, String uri) {
        try {
            return McpSchema.ReadResourceResult.builder(List.of(McpConversions.resourceContents(resource.reader().read(uri))))
                    .build();
        } catch (Exception e) {
            throw failure("reading " + uri, e);
        }
    }

    private static McpStatelessServerFeatures.SyncPromptSpecification prompt(SdkMcpPrompt prompt) {
        List<McpSchema.PromptArgument> arguments = new ArrayList<>();
        for (PromptArgument argument : prompt.arguments()) {
            McpSchema.PromptArgument.Builder schema = McpSchema.PromptArgument.builder(argument.name())
                    .required(argument.required());
            argument.description().ifPresent(schema::description);
            arguments.add(schema.build());
        }
        McpSchema.Prompt.Builder schema = McpSchema.Prompt.builder(prompt.name()).arguments(arguments);
        prompt.description().ifPresent(schema::description);
        return new McpStatelessServerFeatures.SyncPromptSpecification(schema.build(), (context, request) -> {
            Map<String, String> values = new LinkedHashMap<>();
            if (request.arguments() != null) {
                request.arguments().forEach((key, value) -> values.put(key, value == null ? null : String.valueOf(value)));
            }
            try {
                return McpConversions.promptResult(prompt.handler().get(values));
            } catch (Exception e) {
                throw failure("expanding prompt " + prompt.name(), e);
            }
        });
    }

    private static McpError failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(what + " failed: " + message).build();
    }
}
