/**
 * Facts about the library build itself, such as the CLI version it pins. Implementation, not API.
 */
package dev.claudecode.internal;
