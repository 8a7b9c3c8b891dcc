package dev.claudecode.mcp;

import java.util.Objects;
import java.util.Optional;

/**
 * The permission policy the host declares for one tool of an MCP server: an entry of the server's
 * {@code tools} list, applied by CLI 2.1.332 from {@code mcp_set_servers} for SSE and HTTP servers
 * (not from {@code --mcp-config}) and from the {@code initialize} request's
 * {@code sdkMcpServerConfigs} for in-process servers. CLI 2.1.197 ignores it.
 *
 * @param name the tool's name as the server lists it (without the {@code mcp__server__} prefix)
 * @param permission how calls of the tool are decided ({@code permission_policy}); empty states none
 * @param orgMaxPermission an organisation administrator's ceiling for the tool
 *     ({@code org_max_permission}); remote servers only
 */
public record McpToolPolicy(String name, Optional<Permission> permission, Optional<OrgMaxPermission> orgMaxPermission) {

    /** How calls of a tool are decided ({@code permission_policy}). */
    public enum Permission {
        /** Calls run without asking ({@code always_allow}); remote servers only. */
        ALWAYS_ALLOW("always_allow"),
        /** The CLI asks the host before every call, even where a rule allows the tool ({@code always_ask}). */
        ALWAYS_ASK("always_ask"),
        /** Calls are refused; the CLI drops the tool ({@code always_deny}). */
        ALWAYS_DENY("always_deny");

        private final String value;

        Permission(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    /** An administrator's ceiling for a tool ({@code org_max_permission}). */
    public enum OrgMaxPermission {
        /** No ceiling. */
        ALLOW("allow"),
        /** Calls ask a person, even in auto mode. */
        ASK("ask"),
        /** Calls are blocked. */
        BLOCKED("blocked");

        private final String value;

        OrgMaxPermission(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    /**
     * Validates the components.
     *
     * @param name the tool's name, not blank
     * @param permission the policy, or empty
     * @param orgMaxPermission the ceiling, or empty
     */
    public McpToolPolicy {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool policy needs the tool's name");
        }
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(orgMaxPermission, "orgMaxPermission");
    }

    /**
     * A policy for one tool.
     *
     * @param tool the tool's name
     * @param permission how its calls are decided
     * @return the policy
     */
    public static McpToolPolicy of(String tool, Permission permission) {
        return new McpToolPolicy(tool, Optional.of(Objects.requireNonNull(permission, "permission")), Optional.empty());
    }
}
