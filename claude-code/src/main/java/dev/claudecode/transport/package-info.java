/**
 * Where the Claude Code CLI runs: the {@link dev.claudecode.transport.Transport} service
 * interface and the {@link dev.claudecode.transport.LocalTransport} that runs it as a child
 * process. A transport only launches the process and connects its standard streams; the
 * protocol spoken over them is the session's business.
 */
package dev.claudecode.transport;
