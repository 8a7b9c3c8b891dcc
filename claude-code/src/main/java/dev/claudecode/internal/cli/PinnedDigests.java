package dev.claudecode.internal.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The digests of the CLI packages this library was released with, built in so that a registry
 * cannot swap the binary: for these versions the registry's own {@code dist.integrity} must agree,
 * and the download is checked against the built-in value. They are the {@code dist.integrity}
 * (SHA-512 of the tarball) of every platform package of the pinned version and of the oldest
 * supported one, as the public npm registry publishes them; moving the pin adds the new version's
 * here (a test fails until it does).
 */
public final class PinnedDigests {

    /** {@code <package>@<version>} to its Subresource Integrity string. */
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("@anthropic-ai/claude-code-linux-x64@2.1.332",
                    "sha512-f4JWhzwYutJIHScC7/dYOPX6s28tt7ZADhsOi8zwOHq5fFPEuUeChh2NMfinSg0GrUckYxaeebC4h0DqiKzLcw=="),
            Map.entry("@anthropic-ai/claude-code-linux-arm64@2.1.332",
                    "sha512-BlHNEtK38KBPWU31F4lUSS9sHclCyfWbThT1CErvxxH8+XcljYLZlQwdyXBkTD62rw1TgfE1u1a+quMWS0NSJg=="),
            Map.entry("@anthropic-ai/claude-code-linux-x64-musl@2.1.332",
                    "sha512-QoQzwipnqRAdBKDAJNJ2Qvl37G6x8nCugfOQa+nuMcGIRgGEOLeWoq3pTLMQRScL37estAQBGH9ygR3WFVbIfw=="),
            Map.entry("@anthropic-ai/claude-code-linux-arm64-musl@2.1.332",
                    "sha512-jdjkkJLfAQ9M1HbT05tZHQpGNZUEPUebYwW/xpiMypZddB0lNlHlB9mXfOVV/UUPO0JCghj1NSQjxhhJc4L4CA=="),
            Map.entry("@anthropic-ai/claude-code-darwin-x64@2.1.332",
                    "sha512-i0GV2ejBOeHMXs+XPCd1IaJj1GV3VdZl8hiQD6hLMR/N7f4Nt8q4Edj1GYJCKXPLJa/zsE9Uv6r9rZ/ldVFQPQ=="),
            Map.entry("@anthropic-ai/claude-code-darwin-arm64@2.1.332",
                    "sha512-L/F5mypyB7SK59cesiAqGv1bVNd+8xTn0LF5kV6EGL6UMhofVJMFlokhDRoxNzANNC5i/5JdzfJyDOKUbZObiA=="),
            Map.entry("@anthropic-ai/claude-code-win32-x64@2.1.332",
                    "sha512-BqPm3Fqw8LqRooC8QZUVAfaepl+jNb7JV1yp1atCyoU6kpm1CZ7z/6+IUHsrD8ljq/K2yb13obMw0mo3BA5dzw=="),
            Map.entry("@anthropic-ai/claude-code-win32-arm64@2.1.332",
                    "sha512-rd2vER0bvylh1FHmXH/xC0SjoSF6RCsP+ezmDPR6qJLn+Mm4qfmBNC2JYfAH6KmrYq6u0O8m8YL/R95yAMgNvA=="),
            Map.entry("@anthropic-ai/claude-code-linux-x64@2.1.197",
                    "sha512-rIlKmrY0QMyHgPRX/MYWNj039vbypICvI9jVe3rs9Xy2RnNklySjyPxqh62QadznzoftEO23uYQ1tFePcQ//bg=="),
            Map.entry("@anthropic-ai/claude-code-linux-arm64@2.1.197",
                    "sha512-sx6SoGj3MNR5CV+YDkNtbLHXa1tn3G8qcYFgm1gnvOi9ODQUKbhiPfankJfkTMDVekOvnKJhm6i9hGFIPzp7cQ=="),
            Map.entry("@anthropic-ai/claude-code-linux-x64-musl@2.1.197",
                    "sha512-/Ij3+inZf96Lb1BLnO0rWArRi1HqIMh6HeGrQoykrp7a8Yj0SA1EQIO42kpNeVxM9z3o3xUaiIf0FRMzLIp6oQ=="),
            Map.entry("@anthropic-ai/claude-code-linux-arm64-musl@2.1.197",
                    "sha512-r3taVK9rDaMahHkrCGV8wF1Sjphs7fqXy2ZEznyDGxUqeW6HxgkbG7dPplXnwwGiMTdYLrtQTQMN21ZTxcVHBA=="),
            Map.entry("@anthropic-ai/claude-code-darwin-x64@2.1.197",
                    "sha512-DOPeGTQqJWVENJsxwMxJtLOx+7OBINEDg9trQldlJR1nBssaYzNj1WWxp37JYSBRjeYLhqLipvDqEA0LMglL7A=="),
            Map.entry("@anthropic-ai/claude-code-darwin-arm64@2.1.197",
                    "sha512-1FOVhJzkKGWgOEEsvaK3ylCEmjKeJiXwfKl7RtNEbiDj7OxhRQ1G1CLN0HGDTTq1QwY+Dm2x1Yscdv5NfobAxQ=="),
            Map.entry("@anthropic-ai/claude-code-win32-x64@2.1.197",
                    "sha512-bH/146HdS+MO2ndTvljKUJQbcKuvOWujH02WiLkhQJmo/YJLTCMnn1P/jxjjv6W9y/+LGxN58SfdHa6zobatTw=="),
            Map.entry("@anthropic-ai/claude-code-win32-arm64@2.1.197",
                    "sha512-P/1y1JcBSKNRt9asd0bhGRwLdD7yLnq9BlXdA0KHC+0zTm/WPqsCHupt8C7f7adb14//dVlkkbRT+9F5Iup/qA=="));

    private PinnedDigests() {
    }

    /**
     * The built-in digest of a package version.
     *
     * @param packageName e.g. {@code @anthropic-ai/claude-code-linux-x64}
     * @param version e.g. {@code 2.1.332}
     * @return the digest, when this library carries one for that package version
     */
    public static Optional<Integrity> of(String packageName, String version) {
        return Optional.ofNullable(DIGESTS.get(packageName + "@" + version))
                .map(sri -> Integrity.of(Optional.of(sri), Optional.empty()));
    }

    /** @return every built-in entry, {@code <package>@<version>} to its SRI string */
    static Map<String, String> all() {
        return DIGESTS;
    }
}
