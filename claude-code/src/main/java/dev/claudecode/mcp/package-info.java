/**
 * MCP servers for a session: configurations of external servers (stdio, HTTP, SSE) the CLI connects
 * to, in-process servers whose tools, prompts and resources are answered by Java code in this JVM
 * ({@link dev.claudecode.mcp.SdkMcpServer}), and the status values the CLI reports about them.
 */
package dev.claudecode.mcp;
