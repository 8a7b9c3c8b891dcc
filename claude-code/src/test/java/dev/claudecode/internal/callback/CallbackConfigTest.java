package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.launch.OptionsCallbacks;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.hook.HookCallback;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CallbackConfigTest {

    private static final HookCallback NOTHING = (input, toolUseId, context) -> HookOutput.empty();

    private static SdkMcpServer server(String name) {
        return SdkMcpServer.builder(name).tool("t", "d", Map.of("type", "object"), args -> ToolResult.text("")).build();
    }

    @Test
    void anEmptyConfigAddsNothing() {
        CallbackConfig config = CallbackConfig.builder().build();
        ObjectNode initialize = Json.object();
        config.addTo(initialize);
        assertThat(config.isEmpty()).isTrue();
        assertThat(initialize.isEmpty()).isTrue();
    }

    @Test
    void hooksAreNumberedByEventMatcherAndCallbackWithTimeoutsInSeconds() {
        Map<HookEvent, List<HookMatcher>> hooks = new LinkedHashMap<>();
        hooks.put(HookEvent.PRE_TOOL_USE, List.of(
                HookMatcher.of("Bash", NOTHING, NOTHING).withTimeout(Duration.ofSeconds(30)),
                HookMatcher.builder().matcher("Write|Edit").hook(NOTHING).timeout(Duration.ofMillis(1500)).build()));
        hooks.put(HookEvent.STOP, List.of(HookMatcher.all(NOTHING)));
        CallbackConfig config = CallbackConfig.builder().hooks(hooks).build();
        ObjectNode initialize = Json.object();
        config.addTo(initialize);
        assertThat(Json.parse(Json.write(initialize))).isEqualTo(Json.parse("""
                {"hooks":{
                  "PreToolUse":[{"matcher":"Bash","hookCallbackIds":["hook_0","hook_1"],"timeout":30},
                                {"matcher":"Write|Edit","hookCallbackIds":["hook_2"],"timeout":1.5}],
                  "Stop":[{"hookCallbackIds":["hook_3"]}]}}
                """));
        assertThat(config.hookRegistrations()).extracting(HookRegistration::id)
                .containsExactly("hook_0", "hook_1", "hook_2", "hook_3");
        assertThat(config.hookRegistrations().get(3).event()).isEqualTo(HookEvent.STOP);
        assertThat(config.hookRegistrations().get(2).timeout()).contains(Duration.ofMillis(1500));
    }

    @Test
    void sdkServersAreAnnouncedByTheirConfiguredNamesAndOnlyThoseAreTaken() {
        Map<String, McpServerConfig> servers = new LinkedHashMap<>();
        servers.put("calc", McpServerConfig.sdk(server("calculator")));
        servers.put("files", McpServerConfig.stdio("mcp-files"));
        servers.put("weather", McpServerConfig.sdk(server("weather")));
        CallbackConfig config = CallbackConfig.builder().mcpServers(servers).build();
        ObjectNode initialize = Json.object();
        config.addTo(initialize);
        assertThat(initialize).isEqualTo(Json.parse("{\"sdkMcpServers\":[\"calc\",\"weather\"]}"));
        assertThat(config.sdkMcpServers()).containsOnlyKeys("calc", "weather");
        assertThat(config.isEmpty()).isFalse();
    }

    @Test
    void theCallbacksOfOptionsAreTaken() {
        CanUseTool policy = request -> PermissionResult.allow();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .canUseTool(policy)
                .hook(HookEvent.STOP, HookMatcher.all(NOTHING))
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", NOTHING))
                .hook(HookEvent.STOP, HookMatcher.all(NOTHING))
                .mcpServer("calc", McpServerConfig.sdk(server("calc")))
                .mcpServer("files", McpServerConfig.stdio("mcp-files"))
                .permissionCallbackTimeout(Duration.ofSeconds(9))
                .hookTimeout(Duration.ofSeconds(8))
                .mcpToolTimeout(Duration.ofSeconds(7))
                .build();
        CallbackConfig config = OptionsCallbacks.callbacks(options);
        assertThat(config.canUseTool()).containsSame(policy);
        assertThat(config.hookRegistrations()).extracting(r -> r.id() + ":" + r.event())
                .containsExactly("hook_0:Stop", "hook_1:Stop", "hook_2:PreToolUse");
        assertThat(config.sdkMcpServers()).containsOnlyKeys("calc");
        assertThat(config.permissionTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.hookTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(config.mcpTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(OptionsCallbacks.callbacks(ClaudeCodeOptions.builder().build()).isEmpty()).isTrue();
    }

    @Test
    void optionsThatKeepThePermissionCallbackFromBeingAskedAreNamed() {
        CanUseTool policy = request -> PermissionResult.allow();
        assertThat(OptionsCallbacks.shadowedPermissionCallback(ClaudeCodeOptions.builder().canUseTool(policy).build())).isEmpty();
        assertThat(OptionsCallbacks.shadowedPermissionCallback(ClaudeCodeOptions.builder()
                .permissionMode(PermissionMode.BYPASS_PERMISSIONS).allowedTools("Bash(git *)").build())).isEmpty();
        assertThat(OptionsCallbacks.shadowedPermissionCallback(ClaudeCodeOptions.builder().canUseTool(policy)
                .permissionMode(PermissionMode.BYPASS_PERMISSIONS).allowedTools("Bash(git *)").build()))
                .hasSize(2).anyMatch(p -> p.contains("bypassPermissions")).anyMatch(p -> p.contains("Bash(git *)"));
        assertThat(OptionsCallbacks.shadowedPermissionCallback(ClaudeCodeOptions.builder().canUseTool(policy)
                .dangerouslySkipPermissions(true).build())).singleElement().asString().contains("bypassPermissions");
        assertThat(OptionsCallbacks.shadowedPermissionCallback(ClaudeCodeOptions.builder().canUseTool(policy)
                .permissionMode(PermissionMode.DONT_ASK).build())).singleElement().asString().contains("dontAsk");
    }

    @Test
    void timeoutsHaveDefaultsAndMustBePositive() {
        CallbackConfig config = CallbackConfig.builder().build();
        assertThat(config.hookTimeout()).isEqualTo(ClaudeCodeOptions.DEFAULT_HOOK_TIMEOUT);
        assertThat(config.permissionTimeout()).isEqualTo(ClaudeCodeOptions.DEFAULT_PERMISSION_TIMEOUT);
        assertThat(config.mcpTimeout()).isEqualTo(ClaudeCodeOptions.DEFAULT_MCP_TIMEOUT);
        assertThatThrownBy(() -> CallbackConfig.builder().hookTimeout(Duration.ZERO)).isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> CallbackConfig.builder().permissionTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidOptionsException.class);
        assertThatThrownBy(() -> CallbackConfig.builder().sdkMcpServer(" ", server("x")))
                .isInstanceOf(InvalidOptionsException.class);
    }
}
