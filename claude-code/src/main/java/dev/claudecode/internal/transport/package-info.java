/**
 * What the library's own remote transports (container, Kubernetes, SSH) share: the base of their
 * processes, reached through streams ({@link dev.claudecode.internal.transport.StreamedProcess}),
 * the CLI processes a transport has launched ({@link dev.claudecode.internal.transport.LaunchedProcesses}), the
 * {@code host:pid} owner mark by which a dead JVM's leftovers are found ({@link
 * dev.claudecode.internal.transport.Owner}) and the checks of their builders' settings ({@link
 * dev.claudecode.internal.transport.SettingChecks}). Implementation, not API.
 */
package dev.claudecode.internal.transport;
