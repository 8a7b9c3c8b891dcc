package dev.claudecode.ssh.pool;

/** Whether a {@link SessionPool} places sessions on a host. */
public enum HostState {

    /** The host answered its last health check; new sessions and failovers may go there. */
    UP,

    /**
     * The host failed enough health checks in a row, or a session found it unreachable. No new
     * session goes there; its sessions move to another host at their next turn. Health checks go
     * on, and the first one that passes brings it back up.
     */
    DOWN
}
