package dev.claudecode.mcp;

import java.util.Objects;
import java.util.Optional;

/**
 * The MCP {@code annotations} of a tool of an in-process server: hints about its behaviour that
 * the CLI shows and uses in its permission decisions (it reports them back in {@code mcp_status}
 * as {@code readOnly}, {@code destructive} and {@code openWorld}). Hints, not guarantees.
 *
 * <pre>{@code
 * McpToolAnnotations.builder().readOnly(true).openWorld(false).build()
 * }</pre>
 *
 * @param title a human-readable title ({@code title})
 * @param readOnly whether the tool changes nothing ({@code readOnlyHint})
 * @param destructive whether it may destroy or overwrite data ({@code destructiveHint})
 * @param idempotent whether calling it twice with the same arguments does no more than once ({@code idempotentHint})
 * @param openWorld whether it reaches beyond a closed set of entities, e.g. the web ({@code openWorldHint})
 */
public record McpToolAnnotations(Optional<String> title, Optional<Boolean> readOnly, Optional<Boolean> destructive,
        Optional<Boolean> idempotent, Optional<Boolean> openWorld) {

    /** Validates the components. */
    public McpToolAnnotations {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(readOnly, "readOnly");
        Objects.requireNonNull(destructive, "destructive");
        Objects.requireNonNull(idempotent, "idempotent");
        Objects.requireNonNull(openWorld, "openWorld");
    }

    /** {@return a builder with no hint set} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the hints of {@link McpToolAnnotations}. Not thread-safe. */
    public static final class Builder {

        private String title;
        private Boolean readOnly;
        private Boolean destructive;
        private Boolean idempotent;
        private Boolean openWorld;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param value a human-readable title; null for none
         */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value whether the tool changes nothing
         */
        public Builder readOnly(boolean value) {
            this.readOnly = value;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value whether the tool may destroy or overwrite data
         */
        public Builder destructive(boolean value) {
            this.destructive = value;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value whether repeated calls with the same arguments do no more than one
         */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value whether the tool reaches beyond a closed set of entities
         */
        public Builder openWorld(boolean value) {
            this.openWorld = value;
            return this;
        }

        /** {@return the annotations} */
        public McpToolAnnotations build() {
            return new McpToolAnnotations(Optional.ofNullable(title), Optional.ofNullable(readOnly),
                    Optional.ofNullable(destructive), Optional.ofNullable(idempotent), Optional.ofNullable(openWorld));
        }
    }
}
