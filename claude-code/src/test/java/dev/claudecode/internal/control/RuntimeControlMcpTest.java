package dev.claudecode.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.ControlException;
import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The MCP controls and the session's in-process servers: switched off first, listed once connected. */
class RuntimeControlMcpTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Set<String> connected = new java.util.concurrent.CopyOnWriteArraySet<>();

    private final RuntimeControl.SdkServers servers = new RuntimeControl.SdkServers() {
        private final Set<String> off = new java.util.HashSet<>();

        @Override
        public void register(Map<String, ? extends McpServerConfig> given) {
            events.add("register " + given.keySet());
        }

        @Override
        public synchronized boolean switched(String name, boolean enabled) {
            events.add("switch " + name + " " + enabled);
            return enabled ? !off.remove(name) : off.add(name);
        }

        @Override
        public Set<String> connectedWithin(Duration window) {
            return connected;
        }
    };

    private RuntimeControl control(RuntimeControl.Caller caller) {
        return new RuntimeControl(caller, () -> null, new RuntimeSettings(), Optional.empty(), servers);
    }

    @Test
    void aServerIsSwitchedOffInTheSessionBeforeTheCliIsAskedAndBackWhenTheCliRefuses() {
        RuntimeControl ok = control(request -> {
            events.add("cli " + request.path("serverName").asString() + " " + request.path("enabled").asBoolean());
            return Json.object();
        });
        ok.mcpToggle("calc", false);
        ok.mcpToggle("calc", true);
        assertThat(events).containsExactly("switch calc false", "cli calc false", "cli calc true", "switch calc true");

        events.clear();
        RuntimeControl refusing = control(request -> {
            throw new ControlException("mcp_toggle", "Server not found: calc");
        });
        assertThatThrownBy(() -> refusing.mcpToggle("calc", false)).isInstanceOf(ControlException.class);
        assertThat(events).containsExactly("switch calc false", "switch calc true");
    }

    @Test
    void aServerJustConnectedIsAskedForUntilTheCliListsIt() {
        connected.add("calc");
        AtomicInteger asked = new AtomicInteger();
        RuntimeControl control = control(request -> asked.incrementAndGet() < 3
                ? Json.parse("{\"mcpServers\":[]}")
                : Json.parse("{\"mcpServers\":[{\"name\":\"calc\",\"status\":\"connected\"}]}"));

        List<McpServerStatus> status = control.mcpStatus();

        assertThat(status).extracting(McpServerStatus::name).containsExactly("calc");
        assertThat(asked).hasValue(3);
        connected.clear();
        asked.set(0);
        assertThat(control.mcpStatus()).isEmpty();
        assertThat(asked).hasValue(1);
    }
}
