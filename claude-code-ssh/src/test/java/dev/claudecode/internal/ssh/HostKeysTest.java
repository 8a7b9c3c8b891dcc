package dev.claudecode.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.signature.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysTest {

    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhhuLFgHzi9V/Makl/yKE48yjut5SoVkMYMqYFc5PvU";
    private static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDvXqjg7wNzlqk3S4OrSqfNuJCVh6fpLgdHOmLSh2XXjD+Av461jWRj5x3ai75Q"
            + "OTgJyaUjIClV5YEuF3t6fu1mTdUoUDWJ5+lsJRkiIfh+pH4n4MlUmexvuhtNAG2UIZqhHLaHSfdd+BqamM26ZGbrKVB3vvuDh35bEu+vup7SDw==";
    private static final List<NamedFactory<Signature>> DEFAULTS = ClientBuilder.setUpDefaultSignatureFactories(true);

    @TempDir
    Path temp;

    @Test
    void theMinaDefaultsPutEcdsaBeforeEd25519() {
        List<String> names = NamedResource.getNameList(DEFAULTS);

        assertThat(names.indexOf("ecdsa-sha2-nistp256")).isLessThan(names.indexOf("ssh-ed25519"));
    }

    @Test
    void theKeyTypeKnownForTheHostComesFirst() throws Exception {
        HostKeys keys = HostKeys.strict(knownHosts("[example.org]:2222 " + ED25519, "other.org " + RSA));

        List<String> names = NamedResource.getNameList(keys.preferKnownTypes(DEFAULTS, "example.org", 2222));

        assertThat(names.get(0)).isEqualTo("ssh-ed25519");
        assertThat(names).containsExactlyInAnyOrderElementsOf(NamedResource.getNameList(DEFAULTS));
    }

    @Test
    void anRsaKeyBringsEveryRsaSignatureForward() throws Exception {
        HostKeys keys = HostKeys.strict(knownHosts("example.org " + RSA));

        List<String> names = NamedResource.getNameList(keys.preferKnownTypes(DEFAULTS, "example.org", 22));

        assertThat(names.subList(0, 3)).containsExactlyInAnyOrder("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
    }

    @Test
    void certificateAlgorithmsAreNotBroughtForward() throws Exception {
        HostKeys keys = HostKeys.strict(knownHosts("example.org " + ED25519));

        List<String> names = NamedResource.getNameList(keys.preferKnownTypes(DEFAULTS, "example.org", 22));

        assertThat(names.get(0)).isEqualTo("ssh-ed25519");
        assertThat(names.indexOf("ssh-ed25519-cert-v01@openssh.com")).isGreaterThan(0);
    }

    @Test
    void anUnknownHostOrPortKeepsTheOrder() throws Exception {
        HostKeys keys = HostKeys.strict(knownHosts("[example.org]:2222 " + ED25519));

        assertThat(keys.preferKnownTypes(DEFAULTS, "example.org", 22)).isEqualTo(DEFAULTS);
        assertThat(keys.preferKnownTypes(DEFAULTS, "elsewhere.org", 2222)).isEqualTo(DEFAULTS);
        assertThat(HostKeys.strict(temp.resolve("missing")).preferKnownTypes(DEFAULTS, "example.org", 2222)).isEqualTo(DEFAULTS);
        assertThat(HostKeys.acceptAny().preferKnownTypes(DEFAULTS, "example.org", 2222)).isEqualTo(DEFAULTS);
    }

    private Path knownHosts(String... lines) throws Exception {
        Path file = temp.resolve("known_hosts");
        Files.write(file, List.of(lines));
        return file;
    }
}
