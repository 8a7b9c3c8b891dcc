package dev.claudecode.internal.launch;

import dev.claudecode.internal.callback.CallbackConfig;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.permission.PermissionMode;
import java.util.ArrayList;
import java.util.List;

/** Turns a session's options into the callback wiring the protocol layer uses. */
public final class OptionsCallbacks {

    private OptionsCallbacks() {
    }

    /**
     * The callbacks of a session's options: the permission callback, the hooks, the in-process
     * servers among the MCP servers, the elicitation and user dialog handlers with the dialog
     * kinds, and the timeouts.
     *
     * @param options the session's options
     * @return the configuration
     */
    public static CallbackConfig callbacks(ClaudeCodeOptions options) {
        CallbackConfig.Builder builder = CallbackConfig.builder()
                .hooks(options.hooks())
                .mcpServers(options.mcpServers())
                .permissionTimeout(options.permissionCallbackTimeout())
                .hookTimeout(options.hookTimeout())
                .mcpTimeout(options.mcpToolTimeout())
                .elicitationTimeout(options.elicitationTimeout())
                .userDialogTimeout(options.userDialogTimeout())
                .dialogKinds(options.supportedDialogKinds());
        options.canUseTool().ifPresent(builder::canUseTool);
        options.onElicitation().ifPresent(builder::elicitationHandler);
        options.onUserDialog().ifPresent(builder::userDialogHandler);
        return builder.build();
    }

    /**
     * What in the options keeps the permission callback from being asked about some or all tool
     * uses, or the user dialog handler from being asked at all; worth a warning, since the options
     * are legal but probably not what was meant.
     *
     * @param options a session's options
     * @return one sentence per problem; empty when nothing shadows a callback
     */
    public static List<String> shadowedPermissionCallback(ClaudeCodeOptions options) {
        List<String> problems = new ArrayList<>();
        if (options.onUserDialog().isPresent() && options.supportedDialogKinds().isEmpty()) {
            problems.add("onUserDialog is never asked: the CLI sends only the dialog kinds named in supportedDialogKinds");
        }
        if (options.canUseTool().isEmpty()) {
            return problems;
        }
        if (options.dangerouslySkipPermissions()
                || options.permissionMode().filter(PermissionMode.BYPASS_PERMISSIONS::equals).isPresent()) {
            problems.add("canUseTool is never asked: bypassPermissions runs every tool without a permission prompt");
        }
        if (options.permissionMode().filter(PermissionMode.DONT_ASK::equals).isPresent()) {
            problems.add("canUseTool is never asked: the dontAsk permission mode denies whatever is not pre-approved");
        }
        if (!options.allowedTools().isEmpty()) {
            problems.add("tools matching allowedTools " + options.allowedTools()
                    + " run without asking canUseTool");
        }
        return problems;
    }
}
