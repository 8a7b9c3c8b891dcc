package dev.claudecode.internal.launch;

import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.LaunchFiles.Lifetime;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.McpServersDelivery;
import dev.claudecode.options.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides how the configuration that may hold secrets reaches the CLI, so that none of it is on
 * the CLI's command line, which every user of the machine can read ({@code /proc/<pid>/cmdline}):
 *
 * <ul>
 * <li>MCP servers ({@code mcpServers}): in the {@code initialize} request ({@code mcpServers}, with
 *     {@code --await-initialize}) on a CLI that reads them there, else in a private file named by
 *     {@code --mcp-config} and removed once the CLI has answered {@code initialize}. In the file,
 *     in-process servers are listed too ({@code "type":"sdk"}), which makes an older CLI connect
 *     them when it starts rather than at the first message. Inline JSON in {@code mcpConfig} always
 *     goes to a private file of its own; paths in {@code mcpConfig} are passed as they are.</li>
 * <li>Settings given as values, with {@code sandbox} merged in: in the {@code initialize} request
 *     ({@code settings}, with {@code --initialize-fields=settings}) on a CLI that reads them there,
 *     else in a private file named by {@code --settings}, kept until the CLI exits, since an older
 *     CLI reads that file again whenever it refreshes its settings. A settings file is passed as it
 *     is.</li>
 * <li>Managed settings: in the {@code initialize} request ({@code managedSettings}, with
 *     {@code --managed-settings-in-initialize}) on a CLI that reads them there; an older CLI takes
 *     them only as {@code --managed-settings <json>}, which is what it gets.</li>
 * </ul>
 *
 * <p>A CLI reads the {@code initialize} request this way from version {@value #INITIALIZE_SINCE};
 * the version is asked only when something above depends on it.
 */
public final class ConfigDelivery {

    /** The first CLI version that reads MCP servers and settings from the {@code initialize} request. */
    public static final String INITIALIZE_SINCE = "2.1.326";

    /** The flag that makes the CLI wait for {@code initialize} before it starts. */
    static final String AWAIT_INITIALIZE = "--await-initialize";

    /**
     * What a launch gets from the plan.
     *
     * @param arguments the arguments to add to the command line
     * @param initialize the fields to add to the {@code initialize} request
     * @param sdkServersAtStart the in-process servers the CLI connects as it starts, before any
     *     message: all of them when they are in a private {@code --mcp-config} file or the CLI reads
     *     the {@code initialize} request at start, none otherwise
     */
    public record Plan(List<String> arguments, Map<String, Object> initialize, Set<String> sdkServersAtStart) {

        /** Copies the components. */
        public Plan {
            arguments = List.copyOf(arguments);
            initialize = Collections.unmodifiableMap(new LinkedHashMap<>(initialize));
            sdkServersAtStart = Collections.unmodifiableSet(new LinkedHashSet<>(sdkServersAtStart));
        }
    }

    private ConfigDelivery() {
    }

    /**
     * Plans the delivery for one launch, adding the private files it needs.
     *
     * @param options the launch's options
     * @param cliVersion tells the CLI's version when asked; asked at most once, and only when the
     *     options leave the choice to it
     * @param files the launch's private files
     * @return the arguments and {@code initialize} fields
     */
    static Plan plan(ClaudeCodeOptions options, Supplier<Optional<String>> cliVersion, LaunchFiles files) {
        List<String> arguments = new ArrayList<>();
        Map<String, Object> initialize = new LinkedHashMap<>();
        Optional<Map<String, Object>> settings = settingsValues(options);
        boolean anyServers = !options.mcpServers().isEmpty();
        boolean anySettings = settings.isPresent() || options.managedSettings().isPresent();
        Optional<McpServersDelivery> chosen = options.mcpServersDelivery();
        // a caller who chose INITIALIZE vouches for the CLI; otherwise its version decides, when it matters
        boolean readsInitialize = chosen.isPresent() && chosen.get() == McpServersDelivery.INITIALIZE
                || (anySettings || anyServers && chosen.isEmpty())
                && cliVersion.get().map(ConfigDelivery::readsInitialize).orElse(false);
        McpServersDelivery mcpRoute = chosen.orElse(readsInitialize ? McpServersDelivery.INITIALIZE : McpServersDelivery.COMMAND_LINE);

        int inline = 0;
        for (String config : options.mcpConfig()) {
            arguments.add("--mcp-config=" + (isInlineJson(config)
                    ? files.add("mcp-config-" + ++inline + ".json", config, Lifetime.HANDSHAKE) : config));
        }
        Map<String, McpServerConfig> external = new LinkedHashMap<>();
        Set<String> sdk = new LinkedHashSet<>();
        options.mcpServers().forEach((name, config) -> {
            if (config instanceof McpServerConfig.Sdk) {
                sdk.add(name);
            } else {
                external.put(name, config);
            }
        });
        if (mcpRoute == McpServersDelivery.INITIALIZE) {
            if (!external.isEmpty()) {
                initialize.put("mcpServers", McpServerJson.encode(external));
            }
        } else if (anyServers) {
            arguments.add("--mcp-config=" + files.add("mcp-servers.json",
                    Json.write(Map.of("mcpServers", McpServerJson.encode(options.mcpServers()))), Lifetime.HANDSHAKE));
        }

        if (options.settings().orElse(null) instanceof Settings.File file) {
            arguments.add("--settings=" + file.path());
        } else if (settings.isPresent() && readsInitialize) {
            arguments.add("--initialize-fields=settings");
            initialize.put("settings", settings.get());
        } else if (settings.isPresent()) {
            arguments.add("--settings=" + files.add("settings.json", Json.write(settings.get()), Lifetime.PROCESS));
        }

        if (options.managedSettings().isPresent() && readsInitialize) {
            arguments.add("--managed-settings-in-initialize");
            initialize.put("managedSettings", options.managedSettings().get());
        } else {
            options.managedSettings().ifPresent(managed -> arguments.add("--managed-settings=" + Json.write(managed)));
        }

        if (!initialize.isEmpty()) {
            arguments.add(AWAIT_INITIALIZE);
        }
        // listed in the file, or announced to a CLI that connects what initialize names at start
        boolean connectsAtStart = mcpRoute == McpServersDelivery.COMMAND_LINE || readsInitialize;
        return new Plan(arguments, initialize, connectsAtStart ? sdk : Set.of());
    }

    /**
     * Tells whether a CLI reads MCP servers and settings from the {@code initialize} request.
     *
     * @param version its version
     * @return whether it is {@value #INITIALIZE_SINCE} or newer
     */
    static boolean readsInitialize(String version) {
        try {
            return CliVersionRange.compare(version, INITIALIZE_SINCE) >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Tells an inline JSON configuration from a path, as the CLI does.
     *
     * @param config an {@code mcpConfig} entry
     * @return whether it is JSON text rather than a file
     */
    static boolean isInlineJson(String config) {
        return config.strip().startsWith("{");
    }

    // The settings given as values, with the sandbox merged in; empty for a settings file or none.
    private static Optional<Map<String, Object>> settingsValues(ClaudeCodeOptions options) {
        Optional<Map<String, Object>> sandbox = options.sandbox().map(ConfigDelivery::strictSandbox);
        return switch (options.settings().orElse(null)) {
            case null -> sandbox.map(s -> Map.of("sandbox", s));
            case Settings.File file -> Optional.empty();
            case Settings.Values values -> {
                Map<String, Object> merged = new LinkedHashMap<>(values.values());
                sandbox.ifPresent(s -> merged.put("sandbox", s));
                yield Optional.of(merged);
            }
        };
    }

    // An enabled sandbox that cannot start would otherwise only print a warning and run commands
    // unsandboxed; a caller who asked for one gets a CLI that refuses to start instead.
    private static Map<String, Object> strictSandbox(Map<String, Object> sandbox) {
        if (Boolean.TRUE.equals(sandbox.get("enabled")) && !sandbox.containsKey("failIfUnavailable")) {
            Map<String, Object> strict = new LinkedHashMap<>(sandbox);
            strict.put("failIfUnavailable", true);
            return strict;
        }
        return sandbox;
    }
}
