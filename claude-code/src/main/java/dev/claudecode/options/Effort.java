package dev.claudecode.options;

import java.util.List;
import java.util.Objects;

/**
 * How much effort the model puts into a turn ({@code --effort}). A value type rather than an enum
 * so that levels added by newer CLI versions can be used through {@link #of(String)}; the pinned
 * CLI warns on stderr about a level it does not know and uses its default instead.
 *
 * @param value the wire value, e.g. {@code high}
 */
public record Effort(String value) {

    /** Low effort. */
    public static final Effort LOW = new Effort("low");
    /** Medium effort. */
    public static final Effort MEDIUM = new Effort("medium");
    /** High effort. */
    public static final Effort HIGH = new Effort("high");
    /** Extra-high effort. */
    public static final Effort XHIGH = new Effort("xhigh");
    /** The most effort the model offers. */
    public static final Effort MAX = new Effort("max");

    private static final List<Effort> KNOWN = List.of(LOW, MEDIUM, HIGH, XHIGH, MAX);

    /**
     * Validates the wire value.
     *
     * @param value the wire value, not blank
     */
    public Effort {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an effort level must not be blank");
        }
    }

    /**
     * Returns the level with this wire value: a constant when it is known, otherwise a new value
     * passed through unchanged.
     *
     * @param value the wire value
     * @return the level
     */
    public static Effort of(String value) {
        for (Effort known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new Effort(value);
    }

    /** {@return the wire value} */
    @Override
    public String toString() {
        return value;
    }
}
