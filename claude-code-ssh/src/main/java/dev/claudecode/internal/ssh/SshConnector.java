package dev.claudecode.internal.ssh;

import dev.claudecode.ssh.HostKeyException;
import dev.claudecode.ssh.SshConnectionException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens authenticated SSH connections to one host with a MINA SSHD client that reads nothing
 * from {@code ~/.ssh} on its own: the settings say which keys, agent and known_hosts to use.
 */
public final class SshConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);
    /** The name OpenSSH's own client uses; servers answer any name, so any name proves liveness. */
    private static final String KEEPALIVE_REQUEST = "keepalive@openssh.com";
    /**
     * The I/O threads of every SSH client in the JVM, shared: a transport has a client of its own,
     * and MINA would give each client its own pool of I/O threads and its own timer, so that
     * connections to many hosts would add threads per host. A client's channel group still adds
     * one thread that waits for its sockets; the work runs here. Daemon threads, never shut down.
     */
    private static final CloseableExecutorService IO_THREADS =
            ThreadUtils.newFixedThreadPool("claude-code-ssh-io", Runtime.getRuntime().availableProcessors() + 1);
    /** The timer of every SSH client in the JVM (keepalives, timeouts), shared for the same reason. */
    private static final ScheduledExecutorService TIMER = ThreadUtils.newSingleThreadScheduledExecutor("claude-code-ssh-timer");

    // a lock rather than a monitor: connecting holds it for the whole SSH handshake, and a virtual
    // thread waiting for it must not pin its carrier on Java 21
    private final ReentrantLock lock = new ReentrantLock();
    private final SshSettings settings;
    private final HostKeys hostKeys;
    private SshClient client;
    private List<NamedFactory<Signature>> defaultSignatures;
    private boolean closed;

    /**
     * Creates the connector; nothing is started until the first connection.
     *
     * @param settings the transport's settings
     */
    public SshConnector(SshSettings settings) {
        this.settings = settings;
        this.hostKeys = settings.knownHosts().map(HostKeys::strict).orElseGet(HostKeys::acceptAny);
    }

    /**
     * Connects and authenticates.
     *
     * @param onUse called whenever the connection's file system is used, for idle tracking
     * @return the connection
     * @throws SshConnectionException when the host cannot be reached, its key is refused, or
     *     authentication fails
     */
    public SshConnection connect(Runnable onUse) {
        lock.lock();
        try {
            return connectLocked(onUse);
        } finally {
            lock.unlock();
        }
    }

    private SshConnection connectLocked(Runnable onUse) {
        if (closed) {
            throw new SshConnectionException("the SSH transport for " + settings.address() + " is closed");
        }
        SshClient started = client();
        ClientSession session;
        try {
            started.setSignatureFactories(hostKeys.preferKnownTypes(defaultSignatures, settings.host(), settings.port()));
            hostKeys.reset();
            session = started.connect(settings.user(), settings.host(), settings.port())
                    .verify(settings.connectTimeout())
                    .getClientSession();
        } catch (IOException | RuntimeException e) {
            throw new SshConnectionException("cannot connect to " + settings.address() + ": " + e.getMessage(), e);
        }
        try {
            addIdentities(session);
            session.auth().verify(settings.connectTimeout());
            LOG.debug("Connected to {}", settings.address());
            return new SshConnection(session, settings, onUse);
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw failure(e);
        }
    }

    private SshConnectionException failure(Exception e) {
        Optional<HostKeys.Refusal> refusal = hostKeys.lastRefused();
        if (refusal.isPresent()) {
            return hostKeyFailure(refusal.get());
        }
        return new SshConnectionException("cannot log in to " + settings.address() + " with public key authentication ("
                + describeCredentials() + "): " + e.getMessage(), e);
    }

    // OpenSSH's advice, by case: only a host never met before may be added after checking its
    // fingerprint; a changed key must never be accepted from the host itself (ssh-keyscan would
    // fetch the very key under suspicion)
    private HostKeyException hostKeyFailure(HostKeys.Refusal refusal) {
        Path knownHosts = hostKeys.knownHosts().orElseThrow();
        String target = settings.address() + " (" + refusal.presented() + ")";
        String entryName = settings.port() == 22 ? settings.host() : "[" + settings.host() + "]:" + settings.port();
        String message = switch (refusal.kind()) {
            case CHANGED -> "WARNING: the host key of " + settings.address() + " has CHANGED. " + knownHosts
                    + " records " + refusal.recorded().orElse("another key") + " for it, but the host presented "
                    + refusal.presented() + ". Someone may be intercepting the connection (a machine in the middle),"
                    + " or the host was reinstalled. Do not connect until its administrator confirms the new"
                    + " fingerprint by another channel; only then remove the old entry (ssh-keygen -R '" + entryName
                    + "' -f " + knownHosts + ") and add the confirmed key";
            case REVOKED -> "the host key of " + target + " is marked @revoked in " + knownHosts
                    + "; the host must be given a new key";
            case UNKNOWN -> refusal.otherTypes().isEmpty()
                    ? "the host " + target + " is unknown: " + knownHosts + " has no key for " + entryName
                            + ". Compare the fingerprint with the one its administrator gives (on the host: ssh-keygen"
                            + " -lf on its public host key), then add the key to known_hosts, for example with ssh-keyscan -p "
                            + settings.port() + " " + settings.host() + " checked against that fingerprint"
                    : "the host " + target + " presented a key of a type " + knownHosts + " does not know for "
                            + entryName + ", which records only " + String.join(", ", refusal.otherTypes())
                            + " keys for it, and the host did not offer one. That can be an attack: verify the new key"
                            + " with the host's administrator before adding it to known_hosts";
        };
        return new HostKeyException(message, refusal.kind(), refusal.presented(), knownHosts);
    }

    private String describeCredentials() {
        StringBuilder text = new StringBuilder();
        settings.agentSocket().ifPresent(socket -> text.append("ssh-agent at ").append(socket));
        for (IdentityFile identity : settings.identityFiles()) {
            text.append(text.isEmpty() ? "" : ", ").append(identity.path());
        }
        for (IdentityFile identity : settings.optionalIdentityFiles()) {
            text.append(text.isEmpty() ? "" : ", ").append(identity.path()).append(" if usable");
        }
        return text.isEmpty() ? "no key configured" : text.toString();
    }

    private void addIdentities(ClientSession session) throws IOException {
        for (IdentityFile identity : settings.identityFiles()) {
            for (KeyPair pair : identity.load(session)) {
                session.addPublicKeyIdentity(pair);
            }
        }
        for (IdentityFile identity : settings.optionalIdentityFiles()) {
            try {
                for (KeyPair pair : identity.load(session)) {
                    session.addPublicKeyIdentity(pair);
                }
            } catch (IOException e) {
                LOG.debug("Skipping {}: {}", identity.path(), e.getMessage());
            }
        }
    }

    private SshClient client() {
        if (client == null) {
            SshClient created = SshClient.setUpDefaultClient();
            // MINA wraps the pool so that closing this client's channel group leaves it running
            created.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(() -> ThreadUtils.noClose(IO_THREADS)));
            created.setScheduledExecutorService(TIMER, false);
            created.setServerKeyVerifier(hostKeys);
            created.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            created.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            created.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
            settings.agentSocket().ifPresent(socket -> created.setAgentFactory(new UnixSocketAgentFactory(socket)));
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(created, settings.keepAliveInterval());
            CoreModuleProperties.HEARTBEAT_REQUEST.set(created, KEEPALIVE_REQUEST);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(created, settings.keepAliveMaxMissed());
            // the transport closes idle connections itself; MINA's idle timer would also count
            // a long-quiet CLI as idle whenever keepalives are off
            CoreModuleProperties.IDLE_TIMEOUT.set(created, java.time.Duration.ZERO);
            CoreModuleProperties.IO_CONNECT_TIMEOUT.set(created, settings.connectTimeout());
            // many sessions share one connection, and each of their lines is a small write:
            // Nagle's algorithm would hold each behind the acknowledgement of the one before
            // (1,000 sessions on one connection: 61 s to all results with it, 16 s without)
            CoreModuleProperties.TCP_NODELAY.set(created, true);
            defaultSignatures = List.copyOf(created.getSignatureFactories());
            created.start();
            client = created;
        }
        return client;
    }

    @Override
    public String toString() {
        return settings.address();
    }

    /** Stops the client, which closes every connection it made. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (client != null) {
                client.stop();
                client = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
