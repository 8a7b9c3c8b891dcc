/**
 * A {@link dev.claudecode.node.Node} for machines that are reached only through commands, such as
 * a container or a Kubernetes pod: {@link dev.claudecode.internal.node.CommandNode} runs commands
 * through a {@link dev.claudecode.internal.node.CommandRunner}, and its file system, {@link
 * dev.claudecode.internal.node.CommandFileSystem}, is a {@link java.nio.file.FileSystem} whose
 * operations are POSIX shell commands ({@code stat}, {@code find}, {@code cat}, {@code mkdir},
 * {@code rm}, {@code mv}, {@code cp}, {@code readlink}) run the same way. {@link
 * dev.claudecode.internal.node.CommandRun} is the one {@code Node.run} of every node reached through
 * commands (the SSH node's too); {@link dev.claudecode.internal.node.TargetRunner} makes the runner
 * of one container or pod, or of the newest that runs; {@link
 * dev.claudecode.internal.node.PidLineProcess} is the base of commands that can only be signalled
 * by the process id their {@link dev.claudecode.internal.node.PidLine} reports.
 */
package dev.claudecode.internal.node;
