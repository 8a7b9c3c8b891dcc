package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Host and Origin checks for each kind of bind address; nothing is bound here. */
class OriginPolicyTest {

    private static final int PORT = 8484;

    @Test
    void onTheDefaultLoopbackBindTheLoopbackNamesAreTheOnlyOrigins() {
        OriginPolicy policy = OriginPolicy.of("127.0.0.1", List.of(), () -> PORT);

        assertThat(policy.allowsHost("127.0.0.1:8484")).isTrue();
        assertThat(policy.allowsHost("localhost:8484")).isTrue();
        assertThat(policy.allowsHost("[::1]:8484")).isTrue();
        assertThat(policy.allowsHost("LOCALHOST:8484")).isTrue();
        assertThat(policy.allowsHost("127.0.0.1:8485")).isFalse();
        assertThat(policy.allowsHost("127.0.0.1")).isFalse();
        assertThat(policy.allowsHost("attacker.example:8484")).as("DNS rebinding").isFalse();
        assertThat(policy.allowsHost(null)).isFalse();

        assertThat(policy.allowsOrigin("http://127.0.0.1:8484")).isTrue();
        assertThat(policy.allowsOrigin("http://localhost:8484")).isTrue();
        assertThat(policy.allowsOrigin("http://evil.example")).isFalse();
        assertThat(policy.allowsOrigin("http://127.0.0.1:3000")).as("another local site").isFalse();
        assertThat(policy.allowsOrigin("https://127.0.0.1:8484")).isFalse();
        assertThat(policy.allowsOrigin("null")).isFalse();
        assertThat(policy.allowsOrigin("")).isFalse();
        assertThat(policy.pageOrigin()).hasToString("http://127.0.0.1:8484");
    }

    @Test
    void anotherLoopbackAddressAnswersOnlyToItsOwnAddressAndTheListedOrigins() {
        OriginPolicy policy = OriginPolicy.of("127.0.0.2", List.of("http://console.test"), () -> PORT);

        assertThat(policy.allowsHost("127.0.0.2:8484")).isTrue();
        assertThat(policy.allowsHost("console.test:8484")).isTrue();
        assertThat(policy.allowsHost("localhost:8484")).isFalse();
        assertThat(policy.allowsOrigin("http://console.test:8484")).isTrue();
        assertThat(policy.allowsOrigin("http://console.test:9000")).isFalse();
    }

    @Test
    void everyInterfaceOrAnotherAddressNeedsTheListAndAcceptsNothingElse() {
        for (String host : List.of("0.0.0.0", "::", "192.0.2.10", "devbox.example")) {
            assertThatThrownBy(() -> OriginPolicy.of(host, List.of(), () -> PORT))
                    .as(host).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-origin");
        }

        OriginPolicy policy = OriginPolicy.of("0.0.0.0", List.of("http://devbox.example:8484", "https://console.example"), () -> PORT);

        assertThat(policy.allowsHost("devbox.example:8484")).isTrue();
        assertThat(policy.allowsHost("console.example:8484")).as("listed without a port: the console's port").isTrue();
        assertThat(policy.allowsHost("0.0.0.0:8484")).isFalse();
        assertThat(policy.allowsHost("127.0.0.1:8484")).as("nothing is implied on a non-loopback bind").isFalse();
        assertThat(policy.allowsHost("192.0.2.10:8484")).isFalse();
        assertThat(policy.allowsHost("evil.example:8484")).isFalse();
        assertThat(policy.allowsOrigin("http://devbox.example:8484")).isTrue();
        assertThat(policy.allowsOrigin("https://console.example:8484")).isTrue();
        assertThat(policy.allowsOrigin("http://console.example:8484")).as("scheme differs").isFalse();
        assertThat(policy.allowsOrigin("http://evil.example")).isFalse();
        assertThat(policy.allowsOrigin("http://devbox.example:8484.evil.example")).isFalse();
        assertThat(policy.pageOrigin()).hasToString("http://devbox.example:8484");
    }

    @Test
    void malformedOriginsAreRefusedAtStart() {
        for (String origin : List.of("devbox.example", "ftp://devbox.example", "http://devbox.example/path", "http://user@devbox.example",
                "http://devbox.example?x=1", "http://")) {
            assertThatThrownBy(() -> OriginPolicy.of("0.0.0.0", List.of(origin), () -> PORT))
                    .as(origin).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void onlyLiteralLoopbackAddressesAndLocalhostCountAsLoopback() {
        assertThat(OriginPolicy.isLoopback("127.0.0.1")).isTrue();
        assertThat(OriginPolicy.isLoopback("127.0.0.2")).isTrue();
        assertThat(OriginPolicy.isLoopback("::1")).isTrue();
        assertThat(OriginPolicy.isLoopback("localhost")).isTrue();
        assertThat(OriginPolicy.isLoopback("0.0.0.0")).isFalse();
        assertThat(OriginPolicy.isLoopback("::")).isFalse();
        assertThat(OriginPolicy.isLoopback("192.0.2.10")).isFalse();
        assertThat(OriginPolicy.isLoopback("localhost.attacker.example")).isFalse();
    }
}
