package dev.claudecode.internal.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The {@code host:pid} mark a transport puts on what it creates (a container's label, a pod's
 * annotation), by which what a dead JVM left behind is found later.
 */
public final class Owner {

    private Owner() {
    }

    /** {@return {@code host:pid} of this JVM} */
    public static String current() {
        return hostName() + ":" + ProcessHandle.current().pid();
    }

    /**
     * Whether a mark names a JVM on this machine that is gone.
     *
     * @param owner the mark, {@code host:pid}; may be null
     * @return whether it names this host and a process that no longer runs
     */
    public static boolean isGone(String owner) {
        int colon = owner == null ? -1 : owner.lastIndexOf(':');
        if (colon < 0 || !owner.substring(0, colon).equals(hostName())) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(colon + 1));
            return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        return Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }
}
