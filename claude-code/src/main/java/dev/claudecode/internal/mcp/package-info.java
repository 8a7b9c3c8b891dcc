/**
 * Bridges in-process MCP servers to the CLI's {@code mcp_message} requests through the MCP Java SDK. Implementation, not API.
 */
package dev.claudecode.internal.mcp;
