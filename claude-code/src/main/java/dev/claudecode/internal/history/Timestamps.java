package dev.claudecode.internal.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the ISO-8601 timestamps of transcript records. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Parses a record timestamp.
     *
     * @param timestamp an ISO-8601 instant such as {@code 2026-11-24T15:00:45.634Z}, or null
     * @return the instant, or null when absent or unreadable
     */
    public static Instant parse(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
