/**
 * The stream-json protocol: line reading with bounds, message decoding, stdin writing and the control channel. Implementation, not API.
 */
package dev.claudecode.internal.protocol;
