package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.Test;

/**
 * Ed25519, the key type OpenSSH generates by default, works through Bouncy Castle: the provider
 * MINA SSHD supports, not the unmaintained net.i2p EdDSA library.
 */
class Ed25519ProviderTest {

    private static final byte[] DATA = "exchange hash".getBytes(StandardCharsets.UTF_8);

    @Test
    void theOldEdDsaLibraryIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("net.i2p.crypto.eddsa.EdDSAEngine"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void minaFindsAnEd25519ProviderAndItIsBouncyCastle() throws Exception {
        assertThat(SecurityUtils.isEDDSACurveSupported()).isTrue();
        assertThat(BuiltinSignatures.ed25519.isSupported()).isTrue();

        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);

        assertThat(pair.getPublic().getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(KeyUtils.getKeyType(pair)).isEqualTo("ssh-ed25519");
    }

    @Test
    void anEd25519SignatureVerifiesAndATamperedOneDoesNot() throws Exception {
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        byte[] signature = sign(pair);

        assertThat(verify(pair, DATA, signature)).isTrue();
        byte[] tampered = signature.clone();
        tampered[5] ^= 1;
        assertThat(verify(pair, DATA, tampered)).isFalse();
        assertThat(verify(pair, "another hash".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void aKeyOfTheJdksOwnEd25519ProviderIsUnderstoodToo() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();

        assertThat(KeyUtils.getKeyType(jdk.getPublic())).isEqualTo("ssh-ed25519");
    }

    private static byte[] sign(KeyPair pair) throws Exception {
        Signature signer = BuiltinSignatures.ed25519.create();
        signer.initSigner(null, pair.getPrivate());
        signer.update(null, DATA);
        return signer.sign(null);
    }

    private static boolean verify(KeyPair pair, byte[] data, byte[] signature) throws Exception {
        Signature verifier = BuiltinSignatures.ed25519.create();
        verifier.initVerifier(null, pair.getPublic());
        verifier.update(null, data);
        return verifier.verify(null, signature);
    }
}
