package dev.claudecode.internal.ssh;

import dev.claudecode.ssh.SshConnectionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * Where and as whom to connect for a host as the transport was given it, after OpenSSH's client
 * configuration ({@code ~/.ssh/config}): a {@code Host} alias becomes its {@code HostName}, and
 * {@code User}, {@code Port}, {@code IdentityFile} and {@code IdentitiesOnly} apply, the first
 * value found for each winning as in OpenSSH. What the builder says explicitly wins over the file,
 * as the command line does for {@code ssh}. Other keywords are not read.
 *
 * @param hostName the host to connect to
 * @param port the port
 * @param user the remote user
 * @param identityFiles the key files the configuration names for the host
 * @param identitiesOnly whether the configuration says to offer only those (no agent keys)
 */
public record HostConfig(String hostName, int port, String user, List<Path> identityFiles, boolean identitiesOnly) {

    private static final int DEFAULT_PORT = 22;

    /** Copies the list. */
    public HostConfig {
        identityFiles = List.copyOf(identityFiles);
    }

    /**
     * Resolves a host.
     *
     * @param configFile the OpenSSH client configuration to read, when one is to be read; a missing
     *     file says nothing
     * @param host the host or alias given
     * @param port the port given explicitly, if any
     * @param user the user given explicitly, if any
     * @param defaultUser the user when neither the builder nor the file names one
     * @return the effective settings
     * @throws SshConnectionException when the file exists but cannot be read or parsed
     */
    public static HostConfig resolve(Optional<Path> configFile, String host, Optional<Integer> port, Optional<String> user,
            String defaultUser) {
        HostConfig plain = new HostConfig(host, port.orElse(DEFAULT_PORT), user.orElse(defaultUser), List.of(), false);
        if (configFile.isEmpty() || !Files.exists(configFile.get())) {
            return plain;
        }
        Path file = configFile.get();
        try {
            List<HostConfigEntry> entries = HostConfigEntry.readHostConfigEntries(file);
            HostConfigEntry entry = HostConfigEntry.toHostConfigEntryResolver(entries)
                    .resolveEffectiveHost(host, port.orElse(0), null, user.orElse(null), null, null);
            if (entry == null) {
                return plain;
            }
            List<Path> identities = new ArrayList<>();
            for (String identity : entry.getIdentities()) {
                identities.add(Path.of(identity));
            }
            String effectiveUser = user.orElseGet(() -> Optional.ofNullable(entry.getUsername())
                    .filter(name -> !name.isBlank()).orElse(defaultUser));
            return new HostConfig(entry.getHostName(), entry.getPort() > 0 ? entry.getPort() : DEFAULT_PORT, effectiveUser,
                    identities, entry.isIdentitiesOnly());
        } catch (IOException | IllegalArgumentException e) { // a malformed value or path included
            throw new SshConnectionException("cannot read the SSH client configuration " + file + " for " + host + ": "
                    + e.getMessage(), e);
        }
    }
}
