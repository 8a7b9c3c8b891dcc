/**
 * Turns options into what starts a CLI: its command line, environment and callback wiring. Implementation, not API.
 */
package dev.claudecode.internal.launch;
