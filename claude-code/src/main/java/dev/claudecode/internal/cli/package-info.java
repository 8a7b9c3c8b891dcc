/**
 * Helpers of the managed CLI install: platform detection, the npm registry client, integrity checks, archive extraction and the install lock. Implementation, not API.
 */
package dev.claudecode.internal.cli;
