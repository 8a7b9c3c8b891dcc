package dev.claudecode.internal.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * A private key file to authenticate with, in any format OpenSSH writes (the OpenSSH format,
 * PEM, PKCS#8), encrypted or not.
 *
 * @param path the private key file
 * @param passphrase the passphrase of an encrypted key
 */
public record IdentityFile(Path path, Optional<String> passphrase) {

    /** Validates the components. */
    public IdentityFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    /**
     * Reads the key pairs of the file.
     *
     * @param session the session they are for
     * @return the key pairs, at least one
     * @throws IOException when the file cannot be read, holds no key, or cannot be decrypted
     */
    public List<KeyPair> load(SessionContext session) throws IOException {
        FilePasswordProvider passwords = passphrase.map(FilePasswordProvider::of).orElse(FilePasswordProvider.EMPTY);
        if (!Files.isReadable(path)) {
            throw new IOException("cannot read the private key " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(session, new PathResource(path), in, passwords);
            List<KeyPair> loaded = new ArrayList<>();
            if (pairs != null) {
                pairs.forEach(loaded::add);
            }
            if (loaded.isEmpty()) {
                throw new IOException("no private key in " + path);
            }
            return loaded;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IOException("cannot read the private key " + path
                    + (passphrase.isEmpty() ? " (is it encrypted? give its passphrase)" : " (wrong passphrase?)") + ": " + e.getMessage(), e);
        }
    }
}
