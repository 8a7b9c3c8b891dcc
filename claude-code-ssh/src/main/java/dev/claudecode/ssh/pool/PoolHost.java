package dev.claudecode.ssh.pool;

import dev.claudecode.transport.Transport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One host of a {@link SessionPool}: where its sessions run, how many it takes, and what differs
 * about it.
 *
 * @param transport how the CLI is started there, usually a {@link dev.claudecode.ssh.SshTransport};
 *     the pool owns it from then on and closes it when the pool closes
 * @param capacity how many sessions the host runs at most (each CLI takes about 300 MB)
 * @param environment variables added to every session's environment on this host, over the
 *     session's own; for example {@code CLAUDE_CONFIG_DIR} where hosts keep their config apart
 */
public record PoolHost(Transport transport, int capacity, Map<String, String> environment) {

    /** Checks and copies the components. */
    public PoolHost {
        Objects.requireNonNull(transport, "transport");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        environment = Map.copyOf(environment);
    }

    /**
     * A host with no variables of its own.
     *
     * @param transport how the CLI is started there
     * @param capacity how many sessions it runs at most
     * @return the host
     */
    public static PoolHost of(Transport transport, int capacity) {
        return builder().transport(transport).capacity(capacity).build();
    }

    /** @return the host's name, capacity and variable names; the values are masked, as they may hold secrets */
    @Override
    public String toString() {
        StringBuilder variables = new StringBuilder("{");
        new java.util.TreeSet<>(environment.keySet()).forEach(name -> variables.append(variables.length() > 1 ? ", " : "")
                .append(name).append("=***"));
        return "PoolHost[" + name() + ", capacity=" + capacity + ", environment=" + variables.append('}') + "]";
    }

    /** @return the transport's name, which names the host in metrics and logs */
    public String name() {
        return transport.name();
    }

    /** @return a builder; the transport is required, the capacity defaults to 1 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this host's values */
    public Builder toBuilder() {
        return new Builder().transport(transport).capacity(capacity).environment(environment);
    }

    /** Builds a {@link PoolHost}. */
    public static final class Builder {

        private Transport transport;
        private int capacity = 1;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param transport how the CLI is started on the host
         * @return this builder
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param capacity how many sessions the host runs at most
         * @return this builder
         */
        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /**
         * @param environment variables for every session on the host, replacing those set before
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment.clear();
            this.environment.putAll(environment);
            return this;
        }

        /**
         * @param name a variable for every session on the host
         * @param value its value
         * @return this builder
         */
        public Builder env(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the host
         * @throws NullPointerException when no transport was given
         */
        public PoolHost build() {
            return new PoolHost(Objects.requireNonNull(transport, "the transport is required"), capacity, environment);
        }
    }
}
