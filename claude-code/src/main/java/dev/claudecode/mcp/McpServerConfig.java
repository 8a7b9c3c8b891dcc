package dev.claudecode.mcp;

import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.internal.Masking;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the CLI reaches one MCP server: a child process speaking stdio, a remote server over SSE or
 * streamable HTTP (the CLI connects to these itself and expands {@code ${VAR}} references in their
 * values from its own environment), or an in-process {@link SdkMcpServer} that the CLI reaches
 * through the session.
 *
 * <p>The {@code env} and {@code headers} values often carry tokens: {@code toString()} names them
 * without their values, and shows URLs without user information and query. The session sends these
 * configurations to the CLI in its {@code initialize} request or in a private file (see
 * {@code ClaudeCodeOptions.mcpServersDelivery}), never on a command line, and masks their values in
 * what it reports from the CLI.
 *
 * <p>Each kind can carry a per-server tool-call {@code timeout} (at least one second; it replaces
 * {@code MCP_TOOL_TIMEOUT} for this server) and, where the CLI reads them, {@code alwaysLoad}
 * (whether the server's tools are always in the prompt instead of deferred behind tool search) and
 * per-tool {@linkplain McpToolPolicy permission policies}. Set them with the {@code with...}
 * methods, e.g. {@code McpServerConfig.http(url).withTimeout(Duration.ofSeconds(30)).withAlwaysLoad(true)}.
 * They travel in the server's JSON ({@code --mcp-config}, {@code mcp_set_servers}) or, for
 * in-process servers, in the {@code initialize} request's {@code sdkMcpServerConfigs}. CLI 2.1.332
 * applies the tool policies of an SSE or HTTP server only when the server is given at runtime
 * ({@link dev.claudecode.control.SessionControl#setMcpServers}); for a server of the options it
 * keeps asking. Those of in-process servers apply at start. {@code timeout} and
 * {@code alwaysLoad} apply either way; CLI 2.1.197 knows only those two.
 */
public sealed interface McpServerConfig
        permits McpServerConfig.Stdio, McpServerConfig.Sse, McpServerConfig.Http, McpServerConfig.Sdk {

    /**
     * {@return a stdio server without extra environment}
     *
     * @param command the executable
     * @param args its arguments
     */
    static Stdio stdio(String command, String... args) {
        return new Stdio(command, List.of(args), Map.of());
    }

    /**
     * {@return an SSE server without extra headers}
     *
     * @param url the SSE endpoint
     */
    static Sse sse(String url) {
        return new Sse(url, Map.of());
    }

    /**
     * {@return an HTTP server without extra headers}
     *
     * @param url the streamable HTTP endpoint
     */
    static Http http(String url) {
        return new Http(url, Map.of());
    }

    /**
     * {@return the configuration that serves it inside this process}
     *
     * @param server the in-process server
     */
    static Sdk sdk(SdkMcpServer server) {
        return new Sdk(server);
    }

    /**
     * {@return the per-server tool-call timeout ({@code timeout}, sent in milliseconds), when set}
     */
    Optional<Duration> timeout();

    /**
     * A server the CLI starts as a child process and talks to over its stdin and stdout.
     *
     * @param command the executable
     * @param args its arguments
     * @param env variables added to the server's environment
     * @param timeout the tool-call timeout ({@code timeout}), when set
     * @param alwaysLoad whether the tools are always in the prompt ({@code alwaysLoad}); empty for the CLI's default
     */
    record Stdio(String command, List<String> args, Map<String, String> env, Optional<Duration> timeout,
            Optional<Boolean> alwaysLoad) implements McpServerConfig {

        /**
         * Copies and validates the values.
         *
         * @param command the executable, not blank
         * @param args its arguments
         * @param env extra environment
         * @param timeout the timeout, at least one second when set
         * @param alwaysLoad whether the tools are always loaded, or empty
         */
        public Stdio {
            Objects.requireNonNull(command, "command");
            if (command.isBlank()) {
                throw new InvalidOptionsException("an MCP stdio server needs a command");
            }
            args = List.copyOf(Objects.requireNonNull(args, "args"));
            env = copy(env, "env");
            checkTimeout(timeout);
            Objects.requireNonNull(alwaysLoad, "alwaysLoad");
        }

        /**
         * A stdio server with the CLI's defaults for timeout and loading.
         *
         * @param command the executable, not blank
         * @param args its arguments
         * @param env extra environment
         */
        public Stdio(String command, List<String> args, Map<String, String> env) {
            this(command, args, env, Optional.empty(), Optional.empty());
        }

        /**
         * {@return a copy with that timeout}
         *
         * @param timeout the tool-call timeout, at least one second
         */
        public Stdio withTimeout(Duration timeout) {
            return new Stdio(command, args, env, Optional.of(timeout), alwaysLoad);
        }

        /**
         * {@return a copy with that setting}
         *
         * @param load whether the tools are always in the prompt (true) or always deferred (false)
         */
        public Stdio withAlwaysLoad(boolean load) {
            return new Stdio(command, args, env, timeout, Optional.of(load));
        }

        /**
         * {@return the command, its arguments and the names of its variables, their values masked}
         */
        @Override
        public String toString() {
            return "Stdio[command=" + command + ", args=" + args + ", env=" + Masking.keys(env)
                    + ", timeout=" + timeout + ", alwaysLoad=" + alwaysLoad + "]";
        }
    }

    /**
     * A remote server reached over server-sent events.
     *
     * @param url the endpoint
     * @param headers HTTP headers sent with every request
     * @param timeout the tool-call timeout ({@code timeout}), when set
     * @param alwaysLoad whether the tools are always in the prompt ({@code alwaysLoad}); empty for the CLI's default
     * @param tools per-tool permission policies ({@code tools}); applied when the server is set at runtime
     */
    record Sse(String url, Map<String, String> headers, Optional<Duration> timeout, Optional<Boolean> alwaysLoad,
            List<McpToolPolicy> tools) implements McpServerConfig {

        /**
         * Copies and validates the values.
         *
         * @param url the endpoint, not blank
         * @param headers the headers
         * @param timeout the timeout, at least one second when set
         * @param alwaysLoad whether the tools are always loaded, or empty
         * @param tools the tool policies
         */
        public Sse {
            requireUrl(url);
            headers = copy(headers, "headers");
            checkTimeout(timeout);
            Objects.requireNonNull(alwaysLoad, "alwaysLoad");
            tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
        }

        /**
         * A server with the CLI's defaults for timeout, loading and tool policies.
         *
         * @param url the endpoint, not blank
         * @param headers the headers
         */
        public Sse(String url, Map<String, String> headers) {
            this(url, headers, Optional.empty(), Optional.empty(), List.of());
        }

        /**
         * {@return a copy with that timeout}
         *
         * @param timeout the tool-call timeout, at least one second
         */
        public Sse withTimeout(Duration timeout) {
            return new Sse(url, headers, Optional.of(timeout), alwaysLoad, tools);
        }

        /**
         * {@return a copy with that setting}
         *
         * @param load whether the tools are always in the prompt (true) or always deferred (false)
         */
        public Sse withAlwaysLoad(boolean load) {
            return new Sse(url, headers, timeout, Optional.of(load), tools);
        }

        /**
         * {@return a copy with those policies}
         *
         * @param policies the per-tool permission policies, replacing earlier ones
         */
        public Sse withToolPolicies(List<McpToolPolicy> policies) {
            return new Sse(url, headers, timeout, alwaysLoad, policies);
        }

        /** {@return the URL without credentials and the header names, their values masked} */
        @Override
        public String toString() {
            return "Sse[url=" + Masking.url(url) + ", headers=" + Masking.keys(headers)
                    + ", timeout=" + timeout + ", alwaysLoad=" + alwaysLoad + ", tools=" + tools + "]";
        }
    }

    /**
     * A remote server reached over streamable HTTP.
     *
     * @param url the endpoint
     * @param headers HTTP headers sent with every request
     * @param timeout the tool-call timeout ({@code timeout}), when set
     * @param alwaysLoad whether the tools are always in the prompt ({@code alwaysLoad}); empty for the CLI's default
     * @param tools per-tool permission policies ({@code tools}); applied when the server is set at runtime
     */
    record Http(String url, Map<String, String> headers, Optional<Duration> timeout, Optional<Boolean> alwaysLoad,
            List<McpToolPolicy> tools) implements McpServerConfig {

        /**
         * Copies and validates the values.
         *
         * @param url the endpoint, not blank
         * @param headers the headers
         * @param timeout the timeout, at least one second when set
         * @param alwaysLoad whether the tools are always loaded, or empty
         * @param tools the tool policies
         */
        public Http {
            requireUrl(url);
            headers = copy(headers, "headers");
            checkTimeout(timeout);
            Objects.requireNonNull(alwaysLoad, "alwaysLoad");
            tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
        }

        /**
         * A server with the CLI's defaults for timeout, loading and tool policies.
         *
         * @param url the endpoint, not blank
         * @param headers the headers
         */
        public Http(String url, Map<String, String> headers) {
            this(url, headers, Optional.empty(), Optional.empty(), List.of());
        }

        /**
         * {@return a copy with that timeout}
         *
         * @param timeout the tool-call timeout, at least one second
         */
        public Http withTimeout(Duration timeout) {
            return new Http(url, headers, Optional.of(timeout), alwaysLoad, tools);
        }

        /**
         * {@return a copy with that setting}
         *
         * @param load whether the tools are always in the prompt (true) or always deferred (false)
         */
        public Http withAlwaysLoad(boolean load) {
            return new Http(url, headers, timeout, Optional.of(load), tools);
        }

        /**
         * {@return a copy with those policies}
         *
         * @param policies the per-tool permission policies, replacing earlier ones
         */
        public Http withToolPolicies(List<McpToolPolicy> policies) {
            return new Http(url, headers, timeout, alwaysLoad, policies);
        }

        /** {@return the URL without credentials and the header names, their values masked} */
        @Override
        public String toString() {
            return "Http[url=" + Masking.url(url) + ", headers=" + Masking.keys(headers)
                    + ", timeout=" + timeout + ", alwaysLoad=" + alwaysLoad + ", tools=" + tools + "]";
        }
    }

    /**
     * An MCP server defined in Java and served inside this process. The CLI learns its name from
     * the session's {@code initialize} request (a CLI older than 2.1.326 also from the session's
     * private {@code --mcp-config} file, which makes it connect the server as it starts) and sends
     * it MCP messages through the control protocol; there is one MCP handshake per CLI process. Its
     * timeout and tool policies go in the request's {@code sdkMcpServerConfigs} (CLI 2.1.332); only
     * {@link McpToolPolicy.Permission#ALWAYS_ASK} and {@link McpToolPolicy.Permission#ALWAYS_DENY}
     * apply to such a server. Whether its tools are always loaded is a property of the tools
     * ({@link SdkMcpServer.Builder#alwaysLoad(boolean)}).
     *
     * @param server the server
     * @param timeout the tool-call timeout ({@code timeout}), when set
     * @param tools per-tool permission policies ({@code tools})
     */
    record Sdk(SdkMcpServer server, Optional<Duration> timeout, List<McpToolPolicy> tools) implements McpServerConfig {

        /**
         * Validates the values.
         *
         * @param server the server
         * @param timeout the timeout, at least one second when set
         * @param tools the tool policies: {@code always_ask} or {@code always_deny}, no ceiling
         */
        public Sdk {
            Objects.requireNonNull(server, "server");
            checkTimeout(timeout);
            tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
            for (McpToolPolicy policy : tools) {
                if (policy.permission().filter(p -> p == McpToolPolicy.Permission.ALWAYS_ALLOW).isPresent()
                        || policy.orgMaxPermission().isPresent()) {
                    throw new InvalidOptionsException("the in-process MCP server '" + server.name() + "' takes only the"
                            + " always_ask and always_deny policies (tool '" + policy.name() + "'); allow its tools with"
                            + " allowedTools or canUseTool");
                }
            }
        }

        /**
         * An in-process server with the CLI's default timeout and no tool policies.
         *
         * @param server the server
         */
        public Sdk(SdkMcpServer server) {
            this(server, Optional.empty(), List.of());
        }

        /**
         * {@return a copy with that timeout}
         *
         * @param timeout the tool-call timeout, at least one second
         */
        public Sdk withTimeout(Duration timeout) {
            return new Sdk(server, Optional.of(timeout), tools);
        }

        /**
         * {@return a copy with those policies}
         *
         * @param policies the per-tool permission policies, replacing earlier ones
         */
        public Sdk withToolPolicies(List<McpToolPolicy> policies) {
            return new Sdk(server, timeout, policies);
        }
    }

    // The CLI ignores a timeout below one second and falls back to MCP_TOOL_TIMEOUT: refuse it instead.
    private static void checkTimeout(Optional<Duration> timeout) {
        Objects.requireNonNull(timeout, "timeout").ifPresent(value -> {
            if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.toMillis() > Integer.MAX_VALUE) {
                throw new InvalidOptionsException("an MCP server timeout must be at least one second (the CLI ignores"
                        + " a shorter one) and fit in an int of milliseconds, was " + value);
            }
        });
    }

    private static void requireUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new InvalidOptionsException("an MCP server url must not be blank");
        }
    }

    private static Map<String, String> copy(Map<String, String> map, String what) {
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(map, what).forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, what + " key"), Objects.requireNonNull(value, what + " value")));
        return Collections.unmodifiableMap(copy);
    }
}
