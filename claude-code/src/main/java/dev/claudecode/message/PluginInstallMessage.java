package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * Progress of installing the plugins the session's settings ask for ({@code system/plugin_install}).
 *
 * <p>Since CLI 2.1.108.
 *
 * @param status {@code "started"}, {@code "installed"}, {@code "failed"}, {@code "completed"} or a
 *     newer status
 * @param name the plugin, on {@code "installed"} and {@code "failed"}
 * @param error why it failed
 * @param envelope the session id, uuid and JSON of the message
 */
public record PluginInstallMessage(String status, Optional<String> name, Optional<String> error, Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "plugin_install";

    /** Validates the components. */
    public PluginInstallMessage {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
