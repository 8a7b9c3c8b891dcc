/**
 * Permissions: the session's {@link dev.claudecode.permission.PermissionMode}, and Java code that
 * decides each permission prompt of the CLI.
 *
 * <p>A {@link dev.claudecode.permission.CanUseTool} callback receives a
 * {@link dev.claudecode.permission.ToolPermissionRequest} and answers with a
 * {@link dev.claudecode.permission.PermissionResult}: allow (optionally with changed input and
 * {@link dev.claudecode.permission.PermissionUpdate}s that stop the CLI from asking again) or deny
 * (optionally stopping the turn).
 */
package dev.claudecode.permission;
