package dev.claudecode.internal.ssh.pool;

import dev.claudecode.options.ClaudeCodeOptions;

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
}
