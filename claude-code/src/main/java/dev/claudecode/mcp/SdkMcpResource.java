package dev.claudecode.mcp;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource of an in-process MCP server, or a family of resources under a URI template such as
 * {@code notes://{name}}.
 *
 * @param uri the resource's URI, or the URI template when {@code template} is true
 * @param name a short name
 * @param description what it holds
 * @param mimeType its media type
 * @param template whether {@code uri} is a URI template
 * @param reader reads it
 */
public record SdkMcpResource(
        String uri, String name, Optional<String> description, Optional<String> mimeType, boolean template,
        ResourceReader reader) {

    /** Validates the components. */
    public SdkMcpResource {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("a resource needs a URI");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(reader, "reader");
    }
}
