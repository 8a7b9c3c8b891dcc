package dev.claudecode.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestGuardTest {

    @Test
    void theCleanedAddressKeepsTheOtherParametersAndStaysOnThisServer() {
        assertThat(RequestGuard.withoutToken("/", "token=abc")).isEqualTo("/");
        assertThat(RequestGuard.withoutToken("/", "token=abc&x=1")).isEqualTo("/?x=1");
        assertThat(RequestGuard.withoutToken("/api/info", "a=1&token=abc&b=2")).isEqualTo("/api/info?a=1&b=2");
        assertThat(RequestGuard.withoutToken("//evil.example/", "token=abc")).isEqualTo("/");
        assertThat(RequestGuard.withoutToken("/\\evil.example", "token=abc")).isEqualTo("/");
        assertThat(RequestGuard.withoutToken("", null)).isEqualTo("/");
    }

    @Test
    void theTokenIsLongRandomAndNeverPrinted() {
        AccessToken token = AccessToken.random();
        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(token.value()).isNotEqualTo(AccessToken.random().value());
        assertThat(token.toString()).doesNotContain(token.value());
        assertThat(token.matches(token.value())).isTrue();
        assertThat(token.matches(token.value().substring(1))).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("")).isFalse();
    }
}
