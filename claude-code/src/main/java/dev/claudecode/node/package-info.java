/**
 * The machine a session's CLI runs on. A {@link dev.claudecode.node.Node} offers that machine's
 * file system as {@link java.nio.file.Path}s and runs commands there; a {@link
 * dev.claudecode.node.NodeTask} is code that works against a node, so the same task runs against
 * this machine ({@link dev.claudecode.node.LocalNode}) or a remote host.
 */
package dev.claudecode.node;
