package dev.claudecode.internal.callback;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.hook.HookCallback;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.observe.Observers;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.observe.Observation;
import dev.claudecode.permission.CanUseTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session's Java callbacks, as the CLI is told about them: the permission callback, the hook
 * callbacks under the ids the CLI calls them by, and the in-process MCP servers by name. It
 * produces what each CLI launch needs, the same at every launch (the permission callback's
 * {@code --permission-prompt-tool stdio} is the command line's, {@code CliArguments}):
 * <ul>
 * <li>the {@code initialize} fields ({@link #addTo}): {@code hooks} as
 *     {@code {"PreToolUse":[{"matcher":"Bash","hookCallbackIds":["hook_0"],"timeout":30}]}}
 *     (the matcher and timeout, in seconds, only when set) and {@code sdkMcpServers} as the list
 *     of server names;</li>
 * <li>the {@link CallbackRouter} that answers the CLI's requests ({@link #newRouter}).</li>
 * </ul>
 * Callback ids are {@code hook_<n>}, numbered from 0 in the order of the events, then of their
 * matchers, then of the matchers' callbacks.
 */
public final class CallbackConfig {

    private record MatcherEntry(HookEvent event, Optional<String> matcher, List<String> ids, Optional<Duration> timeout) {
    }

    private final Optional<CanUseTool> canUseTool;
    private final List<MatcherEntry> matchers;
    private final List<HookRegistration> hookRegistrations;
    private final Map<String, SdkMcpServer> sdkMcpServers;
    private final Duration permissionTimeout;
    private final Duration hookTimeout;
    private final Duration mcpTimeout;

    private CallbackConfig(Builder builder) {
        this.canUseTool = Optional.ofNullable(builder.canUseTool);
        List<MatcherEntry> entries = new ArrayList<>();
        List<HookRegistration> registrations = new ArrayList<>();
        int next = 0;
        for (Map.Entry<HookEvent, List<HookMatcher>> event : builder.hooks.entrySet()) {
            for (HookMatcher matcher : event.getValue()) {
                List<String> ids = new ArrayList<>();
                for (HookCallback callback : matcher.hooks()) {
                    String id = "hook_" + next++;
                    ids.add(id);
                    registrations.add(new HookRegistration(id, event.getKey(), matcher.matcher(), callback,
                            matcher.timeout()));
                }
                entries.add(new MatcherEntry(event.getKey(), matcher.matcher(), List.copyOf(ids), matcher.timeout()));
            }
        }
        this.matchers = List.copyOf(entries);
        this.hookRegistrations = List.copyOf(registrations);
        this.sdkMcpServers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.sdkMcpServers));
        this.permissionTimeout = builder.permissionTimeout;
        this.hookTimeout = builder.hookTimeout;
        this.mcpTimeout = builder.mcpTimeout;
    }


    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether there is nothing to tell the CLI and nothing to answer */
    public boolean isEmpty() {
        return canUseTool.isEmpty() && hookRegistrations.isEmpty() && sdkMcpServers.isEmpty();
    }

    /** @return the permission callback */
    public Optional<CanUseTool> canUseTool() {
        return canUseTool;
    }

    /** @return every hook callback with its id, in id order */
    public List<HookRegistration> hookRegistrations() {
        return hookRegistrations;
    }

    /** @return the in-process MCP servers by the name the CLI knows them by */
    public Map<String, SdkMcpServer> sdkMcpServers() {
        return sdkMcpServers;
    }

    /** @return how long the permission callback may take */
    public Duration permissionTimeout() {
        return permissionTimeout;
    }

    /** @return how long a hook callback may take when its matcher sets no timeout */
    public Duration hookTimeout() {
        return hookTimeout;
    }

    /** @return how long an in-process MCP request may take */
    public Duration mcpTimeout() {
        return mcpTimeout;
    }

    /**
     * Adds {@code hooks} and {@code sdkMcpServers} to an {@code initialize} request, when there
     * are any.
     *
     * @param initialize the request being built
     */
    public void addTo(ObjectNode initialize) {
        if (!matchers.isEmpty()) {
            ObjectNode hooks = initialize.putObject("hooks");
            for (MatcherEntry entry : matchers) {
                ArrayNode list = hooks.has(entry.event().name()) ? (ArrayNode) hooks.get(entry.event().name())
                        : hooks.putArray(entry.event().name());
                ObjectNode matcher = list.addObject();
                entry.matcher().ifPresent(pattern -> matcher.put("matcher", pattern));
                ArrayNode ids = matcher.putArray("hookCallbackIds");
                entry.ids().forEach(ids::add);
                entry.timeout().ifPresent(timeout -> putSeconds(matcher, timeout));
            }
        }
        if (!sdkMcpServers.isEmpty()) {
            ArrayNode names = initialize.putArray("sdkMcpServers");
            sdkMcpServers.keySet().forEach(names::add);
        }
    }

    /**
     * Creates the router that answers the CLI for one session.
     *
     * @param sessionId the session's id once the CLI has reported it, read at each permission prompt
     * @param cwd the session's working directory, read at each permission prompt
     * @return the router; close it with the session
     */
    public CallbackRouter newRouter(Supplier<Optional<String>> sessionId, Supplier<Optional<String>> cwd) {
        return newRouter(sessionId, cwd, Observers.NONE, toolUseId -> Observation.none());
    }

    /**
     * Creates the router that answers the CLI for one session and reports each callback it runs to
     * the session's observers.
     *
     * @param sessionId the session's id once the CLI has reported it, read at each permission prompt
     * @param cwd the session's working directory, read at each permission prompt
     * @param observers the session's observers
     * @param parents finds the operation a callback belongs to
     * @return the router; close it with the session
     */
    public CallbackRouter newRouter(Supplier<Optional<String>> sessionId, Supplier<Optional<String>> cwd,
            Observers observers, Observers.Parents parents) {
        return new CallbackRouter(this, sessionId, cwd, observers, parents);
    }

    @Override
    public String toString() {
        return "CallbackConfig[canUseTool=" + canUseTool.isPresent() + ", hooks=" + Json.write(hookIds())
                + ", sdkMcpServers=" + sdkMcpServers.keySet() + "]";
    }

    private Map<String, List<String>> hookIds() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        hookRegistrations.forEach(r -> ids.computeIfAbsent(r.event().name(), e -> new ArrayList<>()).add(r.id()));
        return ids;
    }

    // Whole seconds as an integer, like the official SDKs send them; fractions as a decimal.
    private static void putSeconds(ObjectNode matcher, Duration timeout) {
        long millis = timeout.toMillis();
        if (millis % 1000 == 0) {
            matcher.put("timeout", millis / 1000);
        } else {
            matcher.put("timeout", millis / 1000.0);
        }
    }

    /** Builds a {@link CallbackConfig}. */
    public static final class Builder {

        private CanUseTool canUseTool;
        private final Map<HookEvent, List<HookMatcher>> hooks = new LinkedHashMap<>();
        private final Map<String, SdkMcpServer> sdkMcpServers = new LinkedHashMap<>();
        private Duration permissionTimeout = ClaudeCodeOptions.DEFAULT_PERMISSION_TIMEOUT;
        private Duration hookTimeout = ClaudeCodeOptions.DEFAULT_HOOK_TIMEOUT;
        private Duration mcpTimeout = ClaudeCodeOptions.DEFAULT_MCP_TIMEOUT;

        private Builder() {
        }

        /**
         * @param callback the permission callback; null for none
         * @return this builder
         */
        public Builder canUseTool(CanUseTool callback) {
            this.canUseTool = callback;
            return this;
        }

        /**
         * @param byEvent hook matchers by event, added after those already given
         * @return this builder
         */
        public Builder hooks(Map<HookEvent, ? extends List<HookMatcher>> byEvent) {
            byEvent.forEach((event, list) -> list.forEach(matcher -> hook(event, matcher)));
            return this;
        }

        /**
         * @param event the event
         * @param matcher a matcher to add for it
         * @return this builder
         */
        public Builder hook(HookEvent event, HookMatcher matcher) {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(matcher, "matcher");
            hooks.computeIfAbsent(event, e -> new ArrayList<>()).add(matcher);
            return this;
        }

        /**
         * @param name the name the CLI knows the server by
         * @param server the in-process server
         * @return this builder
         */
        public Builder sdkMcpServer(String name, SdkMcpServer server) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(server, "server");
            if (name.isBlank()) {
                throw new InvalidOptionsException("an MCP server name must not be blank");
            }
            sdkMcpServers.put(name, server);
            return this;
        }

        /**
         * Takes the in-process servers of a session's MCP configuration; the others are the
         * command line's.
         *
         * @param servers MCP servers by name
         * @return this builder
         */
        public Builder mcpServers(Map<String, ? extends McpServerConfig> servers) {
            servers.forEach((name, config) -> {
                if (config instanceof McpServerConfig.Sdk sdk) {
                    sdkMcpServer(name, sdk.server());
                }
            });
            return this;
        }

        /**
         * @param timeout how long the permission callback may take
         * @return this builder
         */
        public Builder permissionTimeout(Duration timeout) {
            this.permissionTimeout = positive(timeout, "permissionTimeout");
            return this;
        }

        /**
         * @param timeout how long a hook callback may take when its matcher sets no timeout
         * @return this builder
         */
        public Builder hookTimeout(Duration timeout) {
            this.hookTimeout = positive(timeout, "hookTimeout");
            return this;
        }

        /**
         * @param timeout how long an in-process MCP request may take
         * @return this builder
         */
        public Builder mcpTimeout(Duration timeout) {
            this.mcpTimeout = positive(timeout, "mcpTimeout");
            return this;
        }

        /** @return the configuration */
        public CallbackConfig build() {
            return new CallbackConfig(this);
        }

        private static Duration positive(Duration timeout, String what) {
            Objects.requireNonNull(timeout, what);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidOptionsException(what + " must be positive, was " + timeout);
            }
            return timeout;
        }
    }
}
