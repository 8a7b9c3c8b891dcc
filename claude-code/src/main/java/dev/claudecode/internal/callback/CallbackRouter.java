package dev.claudecode.internal.callback;

import dev.claudecode.internal.protocol.InboundRequestHandler;
import dev.claudecode.mcp.McpServerConfig;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Answers the control requests the CLI sends to the SDK, by subtype: {@code can_use_tool} with
 * the session's {@code CanUseTool} callback, {@code hook_callback} with the hook callback it
 * names, {@code mcp_message} with the in-process MCP server it names, {@code elicitation} with
 * the elicitation handler (a decline without one) and {@code request_user_dialog} with the user
 * dialog handler. Any other subtype is answered with an error, as the CLI itself answers subtypes
 * it does not support.
 *
 * <p>The {@link dev.claudecode.internal.protocol.ControlChannel} calls {@link #handle} on a
 * virtual thread per request, so requests are answered concurrently and never on the reader; the
 * Java code itself runs on one more virtual thread per call, under its timeout, so that a deadline
 * or a {@code control_cancel_request} always frees the answering thread. One router serves a
 * session for its whole life, across CLI restarts; close it with the session.
 */
public final class CallbackRouter implements InboundRequestHandler, AutoCloseable {

    private final PermissionHandler permissions;
    private final HookDispatcher hooks;
    private final McpMessageHandler mcp;
    private final ElicitationAnswerer elicitations;
    private final UserDialogAnswerer dialogs;

    CallbackRouter(CallbackConfig config, Supplier<Optional<String>> sessionId, Supplier<Optional<String>> cwd) {
        this.permissions = new PermissionHandler(config.canUseTool(), config.permissionTimeout(), sessionId, cwd);
        this.hooks = new HookDispatcher(config.hookRegistrations(), config.hookTimeout());
        this.mcp = new McpMessageHandler(config.sdkMcpServers(), config.mcpTimeout());
        this.elicitations = new ElicitationAnswerer(config.elicitationHandler(), config.elicitationTimeout());
        this.dialogs = new UserDialogAnswerer(config.userDialogHandler(), config.dialogKinds(), config.userDialogTimeout());
    }

    @Override
    public JsonNode handle(String subtype, JsonNode request) throws Exception {
        return switch (subtype) {
            case "can_use_tool" -> permissions.handle(request);
            case "hook_callback" -> hooks.handle(request);
            case "mcp_message" -> mcp.handle(request);
            case "elicitation" -> elicitations.handle(request);
            case "request_user_dialog" -> dialogs.handle(request);
            default -> throw new UnsupportedOperationException("Unsupported control request subtype: " + subtype);
        };
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
