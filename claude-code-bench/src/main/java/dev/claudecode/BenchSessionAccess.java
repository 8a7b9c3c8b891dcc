package dev.claudecode;

import dev.claudecode.internal.json.Json;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's way to send control requests on a {@link Session}: the session's public method
 * when it has one ({@code setModel}, {@code mcpStatus}), else the session's own internal control
 * route, which is what those methods send. Lives in the SDK's package to reach that route.
 */
public final class BenchSessionAccess {

    private static final Optional<MethodHandle> SET_MODEL = publicMethod("setModel", MethodType.methodType(void.class, String.class));
    private static final Optional<MethodHandle> MCP_STATUS = publicMethod("mcpStatus", MethodType.methodType(java.util.List.class));

    private BenchSessionAccess() {
    }

    /** @return how {@link #setModel} reaches the CLI, for the report */
    public static String setModelRoute() {
        return SET_MODEL.isPresent() ? "Session.setModel" : "internal control route (Session has no setModel yet)";
    }

    /** @return how {@link #mcpStatus} reaches the CLI, for the report */
    public static String mcpStatusRoute() {
        return MCP_STATUS.isPresent() ? "Session.mcpStatus" : "internal control route (Session has no mcpStatus yet)";
    }

    /**
     * Switches the session's model.
     *
     * @param session a live session
     * @param model the model id
     */
    public static void setModel(Session session, String model) {
        if (SET_MODEL.isPresent()) {
            invoke(SET_MODEL.get(), session, model);
            return;
        }
        ObjectNode request = Json.object();
        request.put("subtype", "set_model");
        request.put("model", model);
        session.control(request);
    }

    /**
     * Asks for the MCP servers' status.
     *
     * @param session a live session
     * @return the answer, whatever its form
     */
    public static Object mcpStatus(Session session) {
        if (MCP_STATUS.isPresent()) {
            return invoke(MCP_STATUS.get(), session, null);
        }
        ObjectNode request = Json.object();
        request.put("subtype", "mcp_status");
        return session.control(request);
    }

    private static Object invoke(MethodHandle handle, Session session, String argument) {
        try {
            return argument == null ? handle.invoke(session) : handle.invoke(session, argument);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<MethodHandle> publicMethod(String name, MethodType type) {
        try {
            return Optional.of(MethodHandles.publicLookup().findVirtual(Session.class, name, type));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }
}
