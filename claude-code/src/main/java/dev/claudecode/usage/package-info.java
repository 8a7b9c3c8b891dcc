/**
 * Token counts and costs the model API reports: per message ({@link dev.claudecode.usage.Usage}) and
 * per model over a turn ({@link dev.claudecode.usage.ModelUsage}). Messages and stream events share them.
 */
package dev.claudecode.usage;
