package dev.claudecode.testkit;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How {@link FakeClaudeApi} picks a reply for a {@code /v1/messages} request.
 *
 * @param consumesScript which requests take the next scripted reply
 * @param defaultReply the answer to such a request when the script is empty
 * @param sideReply the answer to every other request
 */
record ServerSettings(
        Predicate<? super RecordedRequest> consumesScript,
        Reply defaultReply,
        Function<? super RecordedRequest, ? extends Reply> sideReply) {

    ServerSettings {
        Objects.requireNonNull(consumesScript, "consumesScript");
        Objects.requireNonNull(defaultReply, "defaultReply");
        Objects.requireNonNull(sideReply, "sideReply");
    }
}
