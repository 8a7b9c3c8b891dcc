package dev.claudecode.message;

import dev.claudecode.store.SessionKey;
import java.util.Objects;

/**
 * The session could not append a batch of transcript lines to its
 * {@linkplain dev.claudecode.options.ClaudeCodeOptions#sessionStore() session store}: the append
 * failed three times (retried after 200 ms and 800 ms) or did not finish within a minute, and the
 * batch was given up ({@code system/mirror_error}). The conversation goes on, and the CLI's own
 * transcript file is complete; what the store lacks can be added with
 * {@link dev.claudecode.store.SessionImport} from that file. The session makes these itself and
 * hands them to its {@linkplain dev.claudecode.Session#addListener listeners}.
 *
 * @param error why the last attempt failed
 * @param key the transcript the batch belonged to
 * @param envelope the session id (the key's), the message id and the message as plain JSON
 */
public record MirrorErrorMessage(String error, SessionKey key, Envelope envelope) implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "mirror_error";

    /** Validates and copies the components. */
    public MirrorErrorMessage {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
