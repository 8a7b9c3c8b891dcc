package dev.claudecode.options;

/**
 * How the {@linkplain ClaudeCodeOptions#plugins() plugins} of a session reach the CLI.
 */
public enum PluginDelivery {

    /** One {@code --plugin-dir} (or {@code --plugin-dir-no-mcp}) flag per plugin: any CLI version. The default. */
    ARGV,
    /**
     * In the {@code plugins} field of the {@code initialize} request, with the CLI started as
     * {@code --await-initialize}, so that the command line does not grow with the plugin count.
     * Needs CLI 2.1.261 or newer (2.1.197 does not know {@code --await-initialize} and exits).
     */
    INITIALIZE
}
