package dev.claudecode.internal.container;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels on every container a transport starts, by which leftovers are found: that it is
 * managed by this library, which machine and process started it, and which transport.
 */
public final class Labels {

    /** Present, {@code true}, on every container this library starts. */
    public static final String MANAGED = "dev.claudecode.managed";
    /** {@code host:pid} of the JVM that started it. */
    public static final String OWNER = "dev.claudecode.owner";
    /** The id of the transport that started it. */
    public static final String TRANSPORT = "dev.claudecode.transport";
    /** What runs in it: {@code cli}. */
    public static final String ROLE = "dev.claudecode.role";

    private Labels() {
    }

    /** @return {@code host:pid} of this JVM */
    public static String thisOwner() {
        return hostName() + ":" + ProcessHandle.current().pid();
    }

    /**
     * Whether an owner label names a JVM on this machine that is gone.
     *
     * @param owner the label's value
     * @return whether it names this host and a process that no longer runs
     */
    public static boolean ownerIsGone(String owner) {
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

    /**
     * The labels of a new container.
     *
     * @param transportId the transport's id
     * @param extra the user's labels, which may not replace these
     * @return the labels
     */
    public static Map<String, String> of(String transportId, Map<String, String> extra) {
        Map<String, String> labels = new LinkedHashMap<>(extra);
        labels.put(MANAGED, "true");
        labels.put(OWNER, thisOwner());
        labels.put(TRANSPORT, transportId);
        labels.put(ROLE, "cli");
        return labels;
    }

    private static String hostName() {
        return Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "localhost";
            }
        });
    }
}
