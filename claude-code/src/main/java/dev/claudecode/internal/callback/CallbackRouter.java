package dev.claudecode.internal.callback;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.observe.Observers;
import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.observe.CallbackCall;
import dev.claudecode.observe.Observation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Answers the control requests the CLI sends to the SDK, by subtype: {@code can_use_tool} with
 * the session's {@code CanUseTool} callback, {@code hook_callback} with the hook callback it
 * names, {@code mcp_message} with the in-process MCP server it names. Any other subtype is
 * answered with an error, as the CLI itself answers subtypes it does not support.
 *
 * <p>The {@link dev.claudecode.internal.protocol.ControlChannel} calls {@link #handle} on a
 * virtual thread per request, so requests are answered concurrently and never on the reader; the
 * Java code itself runs on one more virtual thread per call, under its timeout, so that a deadline
 * or a {@code control_cancel_request} always frees the answering thread. One router serves a
 * session for its whole life, across CLI restarts; close it with the session.
 */
public final class CallbackRouter implements InboundRequestHandler, AutoCloseable {

    /** The {@code _meta} key under which the CLI names the tool use of an MCP {@code tools/call}. */
    private static final String TOOL_USE_ID_META = "claudecode/toolUseId";

    private final PermissionHandler permissions;
    private final HookDispatcher hooks;
    private final McpMessageHandler mcp;
    private final Observers observers;
    private final Observers.Parents parents;

    CallbackRouter(CallbackConfig config, Supplier<Optional<String>> sessionId, Supplier<Optional<String>> cwd,
            Observers observers, Observers.Parents parents) {
        this.permissions = new PermissionHandler(config.canUseTool(), config.permissionTimeout(), sessionId, cwd);
        this.hooks = new HookDispatcher(config.hookRegistrations(), config.hookTimeout());
        this.mcp = new McpMessageHandler(config.sdkMcpServers(), config.mcpTimeout());
        this.observers = observers;
        this.parents = parents;
    }

    @Override
    public JsonNode handle(String subtype, JsonNode request) throws Exception {
        return switch (subtype) {
            case "can_use_tool" -> observed(new CallbackCall(CallbackCall.Kind.CAN_USE_TOOL,
                    Json.text(request, "tool_name", ""), Json.text(request, "tool_use_id")),
                    observation -> permissions.handle(request, observation));
            case "hook_callback" -> observed(new CallbackCall(CallbackCall.Kind.HOOK,
                    hooks.eventOf(request).orElse(Json.text(request, "callback_id", "")), Json.text(request, "tool_use_id")),
                    observation -> hooks.handle(request, observation));
            case "mcp_message" -> isToolCall(request)
                    ? observed(mcpToolCall(request), observation -> mcp.handle(request, observation))
                    : mcp.handle(request);
            default -> throw new UnsupportedOperationException("Unsupported control request subtype: " + subtype);
        };
    }

    /** Answers a request whose Java code is observed, within the operation it belongs to. */
    private JsonNode observed(CallbackCall call, ObservedAnswer answer) throws Exception {
        if (observers.isEmpty()) {
            return answer.answer(Observation.none());
        }
        Observation<String> observation = observers.callback(call, parents.of(call.toolUseId()));
        try {
            JsonNode response = answer.answer(observation);
            observation.end("ok");
            return response;
        } catch (Exception e) {
            observation.fail(e);
            throw e;
        }
    }

    private static boolean isToolCall(JsonNode request) {
        return "tools/call".equals(Json.text(request.path("message"), "method", ""));
    }

    private static CallbackCall mcpToolCall(JsonNode request) {
        JsonNode params = request.path("message").path("params");
        return new CallbackCall(CallbackCall.Kind.MCP_TOOL,
                Json.text(request, "server_name", "") + "/" + Json.text(params, "name", ""),
                Json.text(params.path("_meta"), TOOL_USE_ID_META));
    }

    /** A handler's answer to a request, given the observation its Java code runs in. */
    @FunctionalInterface
    private interface ObservedAnswer {
        JsonNode answer(Observation<String> observation) throws Exception;
    }

    /**
     * Serves the in-process servers among MCP servers given while the session runs, so that the
     * CLI can reach them once it is told about them; the other servers are the CLI's business.
     *
     * @param servers MCP servers by name
     */
    public void registerSdkServers(Map<String, ? extends McpServerConfig> servers) {
        servers.forEach((name, config) -> {
            if (config instanceof McpServerConfig.Sdk sdk) {
                mcp.register(name, sdk.server());
            }
        });
    }

    /** Closes the in-process MCP servers. */
    @Override
    public void close() {
        mcp.close();
    }
}
