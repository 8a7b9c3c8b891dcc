/**
 * Child processes: bounded output capture, descendants, environment reads and reaping. Implementation, not API.
 */
package dev.claudecode.internal.process;
