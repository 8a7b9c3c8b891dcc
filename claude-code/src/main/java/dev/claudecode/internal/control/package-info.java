/**
 * Runtime control requests and the decoding of their responses into the values of {@code dev.claudecode.control}. Implementation, not API.
 */
package dev.claudecode.internal.control;
