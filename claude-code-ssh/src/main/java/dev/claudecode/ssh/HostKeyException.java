package dev.claudecode.ssh;

import java.nio.file.Path;

/**
 * The host's key was refused, so the connection was not made: the host is unknown to known_hosts,
 * or its key changed, or the key is revoked there. Which one is {@link #kind()}; the message says
 * what to do, and for a changed key it warns that the connection may be intercepted.
 */
public class HostKeyException extends SshConnectionException {

    private static final long serialVersionUID = 1L;

    /** Why the key was refused. */
    public enum Kind {
        /**
         * known_hosts has no key of this type for the host (it may have keys of other types): a
         * host not met before. Check its fingerprint by a trusted way, then add it.
         */
        UNKNOWN,
        /**
         * known_hosts has a key of the same type for the host, and it is another key: the host was
         * reinstalled, or someone is in the middle. Do not connect before the new key is verified.
         */
        CHANGED,
        /** The key is marked {@code @revoked} in known_hosts. */
        REVOKED
    }

    private final Kind kind;
    private final String presentedKey;
    // a Path is not serializable
    private final String knownHosts;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param kind why the key was refused
     * @param presentedKey the type and SHA-256 fingerprint of the key the host presented
     * @param knownHosts the known_hosts file it was checked against
     */
    public HostKeyException(String message, Kind kind, String presentedKey, Path knownHosts) {
        super(message);
        this.kind = kind;
        this.presentedKey = presentedKey;
        this.knownHosts = knownHosts.toString();
    }

    /** @return why the key was refused */
    public Kind kind() {
        return kind;
    }

    /** @return the type and SHA-256 fingerprint of the key the host presented, e.g. {@code ssh-ed25519 SHA256:...} */
    public String presentedKey() {
        return presentedKey;
    }

    /** @return the known_hosts file the key was checked against */
    public Path knownHosts() {
        return Path.of(knownHosts);
    }
}
