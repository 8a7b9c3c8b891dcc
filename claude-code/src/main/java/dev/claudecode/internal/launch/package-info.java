/**
 * Turns options into what starts a CLI: its command line ({@code CliArguments}), environment
 * ({@code CliEnvironment}), callback wiring, and the delivery of what may hold secrets
 * ({@code ConfigDelivery}: MCP servers and settings in the {@code initialize} request or in private
 * launch files, never as argument values; {@code LaunchSecrets}: the values masked in what the CLI
 * reports). Implementation, not API.
 */
package dev.claudecode.internal.launch;
