/**
 * A session's moving parts: the {@link dev.claudecode.internal.session.Connector} that launches, resumes and replaces its CLI, the connection to one CLI process, turns and their queue, health, inactivity and stderr. Implementation, not API.
 */
package dev.claudecode.internal.session;
