package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.usage.ModelUsage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data behind the CLI's {@code /usage} command: the session's cost and usage, and the plan's
 * rate-limit windows where a claude.ai plan applies. The answer to {@link SessionControl#usage()}
 * ({@code get_usage}); the CLI calls its shape experimental, so the rate limits and the usage
 * behaviours are kept as plain JSON.
 *
 * @param session what the current session has cost and used ({@code session})
 * @param subscriptionType the claude.ai plan ({@code subscription_type}), empty for API keys and cloud providers
 * @param rateLimitsAvailable whether plan rate limits apply ({@code rate_limits_available})
 * @param rateLimits the plan's rate-limit windows ({@code rate_limits}: {@code five_hour},
 *     {@code seven_day}, ..., each with {@code utilization} and {@code resets_at}), when available
 * @param behaviors what contributes to the plan's usage, from a scan of local transcripts
 *     ({@code behaviors}); empty for API keys, when the scan was skipped or failed
 * @param raw the whole answer as plain JSON
 */
public record UsageReport(SessionTotals session, Optional<String> subscriptionType, boolean rateLimitsAvailable,
        Optional<Map<String, Object>> rateLimits, Optional<Map<String, Object>> behaviors, Map<String, Object> raw) {

    /** Validates and copies the components. */
    public UsageReport {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(subscriptionType, "subscriptionType");
        rateLimits = Objects.requireNonNull(rateLimits, "rateLimits").map(JsonValues::copyMap);
        behaviors = Objects.requireNonNull(behaviors, "behaviors").map(JsonValues::copyMap);
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * The cost and usage the session has accumulated.
     *
     * @param totalCostUsd the estimated cost in US dollars ({@code total_cost_usd})
     * @param totalApiDurationMs the time spent waiting for the API ({@code total_api_duration_ms})
     * @param totalDurationMs the session's wall time ({@code total_duration_ms})
     * @param linesAdded lines added by edits ({@code total_lines_added})
     * @param linesRemoved lines removed by edits ({@code total_lines_removed})
     * @param modelUsage usage per model ({@code model_usage})
     */
    public record SessionTotals(double totalCostUsd, long totalApiDurationMs, long totalDurationMs, long linesAdded,
            long linesRemoved, Map<String, ModelUsage> modelUsage) {

        /** Validates and copies the components. */
        public SessionTotals {
            modelUsage = Map.copyOf(Objects.requireNonNull(modelUsage, "modelUsage"));
        }
    }
}
