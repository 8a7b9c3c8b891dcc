package dev.claudecode.mcp;

/** Reads an in-process MCP resource when the model (or the CLI) asks for it. */
@FunctionalInterface
public interface ResourceReader {

    /**
     * Reads the resource.
     *
     * @param uri the URI asked for; for a template, the concrete URI
     * @return the contents
     * @throws Exception any failure, reported to the CLI as an MCP error
     */
    ResourceContents read(String uri) throws Exception;
}
