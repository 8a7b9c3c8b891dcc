package dev.claudecode.mcp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code session.control().setMcpServers(...)} changed.
 *
 * @param added the servers that were added
 * @param removed the servers that were removed
 * @param errors the servers that could not be started, with the reason, by name
 */
public record McpSetServersResult(List<String> added, List<String> removed, Map<String, String> errors) {

    /** Copies the components. */
    public McpSetServersResult {
        added = List.copyOf(Objects.requireNonNull(added, "added"));
        removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(errors, "errors")));
    }
}
