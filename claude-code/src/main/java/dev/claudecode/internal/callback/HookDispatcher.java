package dev.claudecode.internal.callback;

import dev.claudecode.hook.HookContext;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.observe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code hook_callback} requests by the callback id the CLI names. A callback that throws
 * or misses its deadline is answered with a control error carrying the reason: the CLI then logs
 * it and carries on as if the hook had returned nothing, which is also what it does for a failing
 * hook command.
 */
final class HookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(HookDispatcher.class);

    private final Map<String, HookRegistration> registrations = new LinkedHashMap<>();
    private final Duration defaultTimeout;

    HookDispatcher(List<HookRegistration> registrations, Duration defaultTimeout) {
        registrations.forEach(registration -> this.registrations.put(registration.id(), registration));
        this.defaultTimeout = defaultTimeout;
    }

    ObjectNode handle(JsonNode request) throws InterruptedException {
        return handle(request, Observation.none());
    }

    /**
     * @param request a {@code hook_callback} request
     * @return the hook event of the callback it names, when one is registered under that id
     */
    Optional<String> eventOf(JsonNode request) {
        HookRegistration registration = registrations.get(Json.text(request, "callback_id", ""));
        return registration == null ? Optional.empty() : Optional.of(registration.event().name());
    }

    /**
     * Runs the callback the request names within {@code observation}, which ends with {@code ok}
     * or fails when the callback throws or times out.
     */
    ObjectNode handle(JsonNode request, Observation<String> observation) throws InterruptedException {
        String id = Json.text(request, "callback_id", "");
        HookRegistration registration = registrations.get(id);
        if (registration == null) {
            throw new IllegalArgumentException("no hook callback is registered as '" + id + "'");
        }
        HookInput input = HookInputDecoder.decode(request.path("input"), registration.event());
        Optional<String> toolUseId = Json.text(request, "tool_use_id");
        Duration timeout = registration.timeout().orElse(defaultTimeout);
        AtomicBoolean cancelled = new AtomicBoolean();
        HookContext context = new Context(id, registration.event(), Instant.now().plus(timeout), cancelled);
        String what = "hook callback " + id + " (" + registration.event() + ")";
        HookOutput output;
        try {
            output = BoundedCall.run("claude-code-hook-" + id, timeout, cancelled, observation,
                    () -> registration.callback().call(input, toolUseId, context));
            observation.end("ok");
        } catch (TimeoutException e) {
            observation.fail(e);
            LOG.warn("the {} did not answer within {}", what, timeout);
            throw new IllegalStateException("the " + what + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            observation.fail(e.getCause());
            LOG.warn("the {} failed", what, e.getCause());
            throw new IllegalStateException("the " + what + " failed: " + PermissionHandler.describe(e.getCause()),
                    e.getCause());
        }
        return HookOutputEncoder.encode(output == null ? HookOutput.empty() : output);
    }

    private record Context(String callbackId, HookEvent event, Instant deadline, AtomicBoolean cancelled)
            implements HookContext {

        // Only the flag the waiting thread sets, once the answer is an error: reading the clock here
        // could report a cancellation that the waiting thread has not yet acted on.
        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
