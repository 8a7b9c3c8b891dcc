package dev.claudecode.internal.container;

import dev.claudecode.internal.transport.Owner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on every container a transport starts, by which leftovers are found: that it is
 * managed by this library, which machine and process started it, and which transport.
 */
public final class Labels {

    /** Present, {@code true}, on every container this library starts. */
    public static final String MANAGED = "dev.claudecode.managed";
    /** {@code host:pid} of the JVM that started it (see {@link Owner}). */
    public static final String OWNER = "dev.claudecode.owner";
    /** The id of the transport that started it. */
    public static final String TRANSPORT = "dev.claudecode.transport";
    /** What runs in it: {@code cli}. */
    public static final String ROLE = "dev.claudecode.role";

    private Labels() {
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
        labels.put(OWNER, Owner.current());
        labels.put(TRANSPORT, transportId);
        labels.put(ROLE, "cli");
        return labels;
    }
}
