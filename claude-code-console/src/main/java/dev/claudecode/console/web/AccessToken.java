package dev.claudecode.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's secret for one run: 256 random bits, printed once inside the address that
 * {@code serve} prints, and required (as that address's {@code token} parameter, as the cookie it is
 * exchanged for, or as an {@code Authorization: Bearer} header) by every request. Compared in
 * constant time; never shown by {@link #toString()}.
 */
final class AccessToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    /** @return a fresh random token */
    static AccessToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * @param candidate what a request presents; may be null
     * @return whether it is this token
     */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                candidate.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the token itself, for the printed address and the cookie */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
