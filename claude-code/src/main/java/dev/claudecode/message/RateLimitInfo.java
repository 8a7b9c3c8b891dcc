package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The state of a claude.ai subscription rate limit ({@code rate_limit_info}).
 *
 * @param status {@code "allowed"}, {@code "allowed_warning"} or {@code "rejected"}
 * @param resetsAt when the limit resets, in seconds since the epoch ({@code resetsAt})
 * @param rateLimitType which limit, such as {@code "five_hour"} or {@code "seven_day"}
 * @param utilization how much of the limit is used, as a fraction
 * @param isUsingOverage whether requests are billed as overage ({@code isUsingOverage})
 * @param raw the whole object as plain JSON, with fields not modelled here; empty when built in code
 */
public record RateLimitInfo(
        String status,
        OptionalLong resetsAt,
        Optional<String> rateLimitType,
        OptionalDouble utilization,
        boolean isUsingOverage,
        Map<String, Object> raw) {

    /** Validates and copies the components. */
    public RateLimitInfo {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resetsAt, "resetsAt");
        Objects.requireNonNull(rateLimitType, "rateLimitType");
        Objects.requireNonNull(utilization, "utilization");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }
}
