/**
 * A session's moving parts: the connection to one CLI process, turns and their queue, health, inactivity and stderr. Implementation, not API.
 */
package dev.claudecode.internal.session;
