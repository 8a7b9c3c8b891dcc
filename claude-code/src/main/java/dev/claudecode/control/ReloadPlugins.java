package dev.claudecode.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link SessionControl#reloadPlugins(ReloadPlugins)} reloads: the fields of the
 * {@code reload_plugins} request besides its subtype. {@link #defaults()} reloads unconditionally.
 *
 * <pre>{@code
 * control.reloadPlugins(ReloadPlugins.builder().addPlugin(dir).refuseIfBusy(true).build());
 * }</pre>
 *
 * @param holdOnCacheImpact whether a reload that would change the tool list the prompt cache depends
 *     on is held instead of applied ({@code hold_on_cache_impact}, CLI 2.1.332)
 * @param refuseIfBusy whether a busy session refuses the reload with the error code
 *     {@code reload_plugins_busy} instead of reloading under a running turn ({@code refuse_if_busy}, CLI 2.1.332)
 * @param addPlugins plugin directories loaded as well, as {@code --plugin-dir} would ({@code add_plugins}, CLI 2.1.332)
 * @param addPluginsWithoutMcp plugins loaded as well without their MCP servers, as
 *     {@code --plugin-dir-no-mcp} would ({@code add_plugins} with {@code skipMcpDiscovery})
 */
public record ReloadPlugins(boolean holdOnCacheImpact, boolean refuseIfBusy, List<Path> addPlugins,
        List<Path> addPluginsWithoutMcp) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when a plugin path is not absolute, which the CLI refuses
     */
    public ReloadPlugins {
        addPlugins = List.copyOf(Objects.requireNonNull(addPlugins, "addPlugins"));
        addPluginsWithoutMcp = List.copyOf(Objects.requireNonNull(addPluginsWithoutMcp, "addPluginsWithoutMcp"));
        for (Path path : addPlugins) {
            requireAbsolute(path);
        }
        for (Path path : addPluginsWithoutMcp) {
            requireAbsolute(path);
        }
    }

    /** {@return a plain reload, applied at once} */
    public static ReloadPlugins defaults() {
        return new ReloadPlugins(false, false, List.of(), List.of());
    }

    /** {@return a builder for a plain reload} */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireAbsolute(Path path) {
        if (!Objects.requireNonNull(path, "plugin path").isAbsolute()) {
            throw new IllegalArgumentException("a plugin added by a reload needs an absolute path, was '" + path + "'");
        }
    }

    /** Collects the fields of {@link ReloadPlugins}. Not thread-safe. */
    public static final class Builder {

        private boolean holdOnCacheImpact;
        private boolean refuseIfBusy;
        private final List<Path> addPlugins = new ArrayList<>();
        private final List<Path> addPluginsWithoutMcp = new ArrayList<>();

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param hold whether a reload that would change the cached tool list is held
         */
        public Builder holdOnCacheImpact(boolean hold) {
            this.holdOnCacheImpact = hold;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param refuse whether a busy session refuses the reload
         */
        public Builder refuseIfBusy(boolean refuse) {
            this.refuseIfBusy = refuse;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param plugin an absolute plugin directory or .zip file to load as well
         */
        public Builder addPlugin(Path plugin) {
            addPlugins.add(plugin);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param plugin an absolute plugin path to load as well, without its MCP servers
         */
        public Builder addPluginWithoutMcp(Path plugin) {
            addPluginsWithoutMcp.add(plugin);
            return this;
        }

        /** {@return the reload's fields} */
        public ReloadPlugins build() {
            return new ReloadPlugins(holdOnCacheImpact, refuseIfBusy, addPlugins, addPluginsWithoutMcp);
        }
    }
}
