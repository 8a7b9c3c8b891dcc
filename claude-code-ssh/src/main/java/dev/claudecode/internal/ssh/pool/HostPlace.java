package dev.claudecode.internal.ssh.pool;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.internal.session.SessionPlace;
import dev.claudecode.node.Node;

/**
 * A session's options on one host: the host's variables merged in, so the config directory and
 * working directory are the ones the CLI uses there.
 *
 * @param slot the host
 * @param options the options the session runs with on that host
 */
public record HostPlace(HostSlot slot, ClaudeCodeOptions options) {

    /**
     * The session's options on a host: the host's variables win over the session's.
     *
     * @param slot the host
     * @param sessionOptions the session's options
     * @return the place
     */
    public static HostPlace of(HostSlot slot, ClaudeCodeOptions sessionOptions) {
        if (slot.host().environment().isEmpty()) {
            return new HostPlace(slot, sessionOptions);
        }
        ClaudeCodeOptions.Builder builder = sessionOptions.toBuilder();
        slot.host().environment().forEach(builder::env);
        return new HostPlace(slot, builder.build());
    }

    /** @return the host as a node */
    public Node node() {
        return slot.transport().node();
    }

    /**
     * Where the session's files are on the host. Worked out on each call: a remote node's paths
     * belong to one connection, and a later call may be on a new one.
     *
     * @return the config and working directories, on the node's file system
     */
    public SessionPlace place() {
        return SessionPlace.on(options, node());
    }
}
