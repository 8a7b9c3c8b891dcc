package dev.claudecode.mcp;

import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.internal.Masking;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 */
public sealed interface McpServerConfig
        permits McpServerConfig.Stdio, McpServerConfig.Sse, McpServerConfig.Http, McpServerConfig.Sdk {

    /**
     * @param command the executable
     * @param args its arguments
     * @return a stdio server without extra environment
     */
    static Stdio stdio(String command, String... args) {
        return new Stdio(command, List.of(args), Map.of());
    }

    /**
     * @param url the SSE endpoint
     * @return an SSE server without extra headers
     */
    static Sse sse(String url) {
        return new Sse(url, Map.of());
    }

    /**
     * @param url the streamable HTTP endpoint
     * @return an HTTP server without extra headers
     */
    static Http http(String url) {
        return new Http(url, Map.of());
    }

    /**
     * @param server the in-process server
     * @return the configuration that serves it inside this process
     */
    static Sdk sdk(SdkMcpServer server) {
        return new Sdk(server);
    }

    /**
     * A server the CLI starts as a child process and talks to over its stdin and stdout.
     *
     * @param command the executable
     * @param args its arguments
     * @param env variables added to the server's environment
     */
    record Stdio(String command, List<String> args, Map<String, String> env) implements McpServerConfig {

        /**
         * Copies and validates the values.
         *
         * @param command the executable, not blank
         * @param args its arguments
         * @param env extra environment
         */
        public Stdio {
            Objects.requireNonNull(command, "command");
            if (command.isBlank()) {
                throw new InvalidOptionsException("an MCP stdio server needs a command");
            }
            args = List.copyOf(Objects.requireNonNull(args, "args"));
            env = copy(env, "env");
        }

        /** @return the command, its arguments and the names of its variables, their values masked */
        @Override
        public String toString() {
            return "Stdio[command=" + command + ", args=" + args + ", env=" + Masking.keys(env) + "]";
        }
    }

    /**
     * A remote server reached over server-sent events.
     *
     * @param url the endpoint
     * @param headers HTTP headers sent with every request
     */
    record Sse(String url, Map<String, String> headers) implements McpServerConfig {

        /**
         * Copies and validates the values.
         *
         * @param url the endpoint, not blank
         * @param headers the headers
         */
        public Sse {
            requireUrl(url);
            headers = copy(headers, "headers");
        }

        /** @return the URL without credentials and the header names, their values masked */
        @Override
        public String toString() {
            return "Sse[url=" + Masking.url(url) + ", headers=" + Masking.keys(headers) + "]";
        }
    }

    /**
     * A remote server reached over streamable HTTP.
     *
     * @param url the endpoint
     * @param headers HTTP headers sent with every request
     */
    record Http(String url, Map<String, String> headers) implements McpServerConfig {

        /**
         * Copies and validates the values.
         *
         * @param url the endpoint, not blank
         * @param headers the headers
         */
        public Http {
            requireUrl(url);
            headers = copy(headers, "headers");
        }

        /** @return the URL without credentials and the header names, their values masked */
        @Override
        public String toString() {
            return "Http[url=" + Masking.url(url) + ", headers=" + Masking.keys(headers) + "]";
        }
    }

    /**
     * An MCP server defined in Java and served inside this process. The CLI learns its name from
     * the session's {@code initialize} request (a CLI older than 2.1.326 also from the session's
     * private {@code --mcp-config} file, which makes it connect the server as it starts) and sends
     * it MCP messages through the control protocol; there is one MCP handshake per CLI process.
     *
     * @param server the server
     */
    record Sdk(SdkMcpServer server) implements McpServerConfig {

        /**
         * Validates the server.
         *
         * @param server the server
         */
        public Sdk {
            Objects.requireNonNull(server, "server");
        }
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
