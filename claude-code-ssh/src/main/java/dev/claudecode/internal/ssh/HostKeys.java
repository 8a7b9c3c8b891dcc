package dev.claudecode.internal.ssh;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.signature.Signature;

/**
 * Host key checking for one host: strictly against a known_hosts file, or (only when asked for
 * explicitly) not at all. It remembers the last key it refused, for the error message.
 */
public final class HostKeys implements ServerKeyVerifier {

    private final Optional<Path> knownHosts;
    private final ServerKeyVerifier verifier;
    private final AtomicReference<String> refused = new AtomicReference<>();

    private HostKeys(Optional<Path> knownHosts) {
        this.knownHosts = knownHosts;
        // an unknown or changed key is refused and known_hosts is never written
        this.verifier = knownHosts.<ServerKeyVerifier>map(file -> new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, file))
                .orElse(AcceptAllServerKeyVerifier.INSTANCE);
    }

    /**
     * Checks keys against a known_hosts file; a missing file knows no host.
     *
     * @param knownHosts the file, in OpenSSH's format (hashed host names included)
     * @return the checker
     */
    public static HostKeys strict(Path knownHosts) {
        return new HostKeys(Optional.of(knownHosts));
    }

    /** @return a checker that accepts any key */
    public static HostKeys acceptAny() {
        return new HostKeys(Optional.empty());
    }

    /** @return the known_hosts file, unless every key is accepted */
    public Optional<Path> knownHosts() {
        return knownHosts;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        boolean accepted = verifier.verifyServerKey(session, remoteAddress, serverKey);
        if (!accepted) {
            refused.set(KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey));
        }
        return accepted;
    }

    /** @return the type and fingerprint of the last key refused, once one was */
    public Optional<String> lastRefused() {
        return Optional.ofNullable(refused.get());
    }

    /** Forgets the last refused key before a new attempt. */
    public void reset() {
        refused.set(null);
    }

    /**
     * Orders signature algorithms so that the ones whose key type known_hosts lists for the host
     * come first. The server presents the key of the first algorithm both sides know; MINA SSHD
     * prefers ECDSA while OpenSSH records Ed25519, and a key type known_hosts does not list for a
     * known host is refused as a changed key. OpenSSH's client does the same reordering.
     *
     * @param factories the algorithms, in the client's order
     * @param host the host as connected to
     * @param port its port
     * @return the algorithms, reordered; unchanged when nothing is known about the host
     * @throws IOException when the known_hosts file cannot be read
     */
    public List<NamedFactory<Signature>> preferKnownTypes(List<NamedFactory<Signature>> factories, String host, int port)
            throws IOException {
        if (knownHosts.isEmpty() || !Files.isReadable(knownHosts.get())) {
            return factories;
        }
        Set<String> types = KnownHostEntry.readKnownHostEntries(knownHosts.get()).stream()
                .filter(entry -> entry.getMarker() == null || entry.getMarker().isEmpty())
                .filter(entry -> entry.isHostMatch(host, port))
                .map(entry -> entry.getKeyEntry().getKeyType())
                .collect(Collectors.toSet());
        if (types.isEmpty()) {
            return factories;
        }
        List<NamedFactory<Signature>> known = new ArrayList<>();
        List<NamedFactory<Signature>> others = new ArrayList<>();
        for (NamedFactory<Signature> factory : factories) {
            String name = factory.getName();
            boolean certificate = name.contains("-cert-");
            (!certificate && types.contains(KeyUtils.getCanonicalKeyType(name)) ? known : others).add(factory);
        }
        known.addAll(others);
        return known;
    }
}
