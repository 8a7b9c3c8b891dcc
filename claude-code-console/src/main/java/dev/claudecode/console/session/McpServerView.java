package dev.claudecode.console.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One MCP server of a session, as the console shows it.
 *
 * @param name the server's name
 * @param status {@code connected}, {@code failed}, {@code pending} or what the CLI reports
 * @param error why it failed, when it did
 * @param tools the names of the tools it offers, when known
 */
public record McpServerView(String name, String status, Optional<String> error, List<String> tools) {

    /** Checks and copies the components. */
    public McpServerView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        tools = List.copyOf(tools);
    }
}
