package dev.claudecode.internal.ssh;

import dev.claudecode.ssh.HostKeyException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier.HostEntryPair;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.signature.Signature;

/**
 * Host key checking for one host: strictly against a known_hosts file, or (only when asked for
 * explicitly) not at all. When it refuses a key it remembers why ({@link Refusal}): the host is
 * unknown, its key changed, or the key is revoked; the connection's error says which.
 */
public final class HostKeys implements ServerKeyVerifier {

    private static final String REVOKED = "revoked";

    private final Optional<Path> knownHosts;
    private final ServerKeyVerifier verifier;
    private final AtomicReference<Refusal> refused = new AtomicReference<>();

    /**
     * Why a key was refused.
     *
     * @param kind unknown, changed or revoked
     * @param presented the type and fingerprint of the key the host presented
     * @param recorded for a changed key, the type and fingerprint known_hosts records instead
     * @param otherTypes for an unknown key, the key types known_hosts does record for the host
     */
    public record Refusal(HostKeyException.Kind kind, String presented, Optional<String> recorded, List<String> otherTypes) {

        /** Copies the list. */
        public Refusal {
            otherTypes = List.copyOf(otherTypes);
        }
    }

    private HostKeys(Optional<Path> knownHosts) {
        this.knownHosts = knownHosts;
        // an unknown or changed key is refused and known_hosts is never written
        this.verifier = knownHosts.<ServerKeyVerifier>map(Classifying::new).orElse(AcceptAllServerKeyVerifier.INSTANCE);
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
            // a known_hosts file that could not be read at all is refused like an unknown host
            refused.compareAndSet(null, new Refusal(HostKeyException.Kind.UNKNOWN, describe(serverKey), Optional.empty(), List.of()));
        }
        return accepted;
    }

    /** @return why the last key was refused, once one was */
    public Optional<Refusal> lastRefused() {
        return Optional.ofNullable(refused.get());
    }

    /** Forgets the last refusal before a new attempt. */
    public void reset() {
        refused.set(null);
    }

    private static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }

    /**
     * MINA's known_hosts check, which refuses every key it does not find, and tells an unknown host
     * from a changed key the way OpenSSH does: a key of the same type recorded for the host that
     * is not this key is a change; no key of this type is an unknown host (a key of another type
     * recorded for it is named, since the host no longer offering it is suspicious too).
     */
    private final class Classifying extends KnownHostsServerKeyVerifier {

        Classifying(Path file) {
            super(RejectAllServerKeyVerifier.INSTANCE, file);
        }

        @Override
        protected boolean acceptKnownHostEntries(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey,
                Collection<HostEntryPair> entries) {
            boolean accepted = super.acceptKnownHostEntries(session, remoteAddress, serverKey, entries);
            if (!accepted) {
                refused.set(classify(findKnownHostEntries(session, remoteAddress, entries), serverKey));
            }
            return accepted;
        }

        private Refusal classify(List<HostEntryPair> forHost, PublicKey serverKey) {
            String presented = describe(serverKey);
            String type = KeyUtils.getKeyType(serverKey);
            boolean revoked = forHost.stream().anyMatch(pair -> REVOKED.equals(pair.getHostEntry().getMarker())
                    && KeyUtils.compareKeys(pair.getServerKey(), serverKey));
            if (revoked) {
                return new Refusal(HostKeyException.Kind.REVOKED, presented, Optional.empty(), List.of());
            }
            // @revoked and @cert-authority lines say nothing about which key the host has
            List<HostEntryPair> plain = forHost.stream()
                    .filter(pair -> pair.getHostEntry().getMarker() == null || pair.getHostEntry().getMarker().isEmpty())
                    .toList();
            Optional<String> sameType = plain.stream()
                    .filter(pair -> type.equals(pair.getHostEntry().getKeyEntry().getKeyType()))
                    .map(pair -> describe(pair.getServerKey()))
                    .findFirst();
            if (sameType.isPresent()) {
                return new Refusal(HostKeyException.Kind.CHANGED, presented, sameType, List.of());
            }
            List<String> otherTypes = plain.stream().map(pair -> pair.getHostEntry().getKeyEntry().getKeyType())
                    .distinct().sorted().toList();
            return new Refusal(HostKeyException.Kind.UNKNOWN, presented, Optional.empty(), otherTypes);
        }
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
