package dev.claudecode.internal.control;

import dev.claudecode.control.AgentInfo;
import dev.claudecode.control.HooksListing;
import dev.claudecode.control.PermissionRules;
import dev.claudecode.control.PluginsReload;
import dev.claudecode.control.UsageReport;
import dev.claudecode.internal.protocol.Fields;
import dev.claudecode.internal.protocol.SystemMessageDecoder;
import dev.claudecode.internal.protocol.UsageDecoder;
import dev.claudecode.message.SlashCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the larger structured answers of the runtime controls: {@code get_usage},
 * {@code list_permission_rules}, {@code get_hooks_listing}, {@code reload_plugins} and
 * {@code reload_skills}. Tolerant like every decoder here: a missing field reads as absent, and
 * each record keeps the whole answer in {@code raw}.
 */
public final class ReportDecoder {

    private ReportDecoder() {
    }

    /**
     * @param response the {@code response} payload of a {@code get_usage} answer
     * @return the usage report
     */
    public static UsageReport usage(JsonNode response) {
        JsonNode session = Fields.object(response, "session");
        UsageReport.SessionTotals totals = new UsageReport.SessionTotals(
                Fields.doubleValue(session, "total_cost_usd"),
                Fields.longValue(session, "total_api_duration_ms"),
                Fields.longValue(session, "total_duration_ms"),
                Fields.longValue(session, "total_lines_added"),
                Fields.longValue(session, "total_lines_removed"),
                UsageDecoder.modelUsage(session.get("model_usage")));
        return new UsageReport(totals,
                Fields.optString(response, "subscription_type"),
                Fields.bool(response, "rate_limits_available"),
                optionalObject(response, "rate_limits"),
                optionalObject(response, "behaviors"),
                Fields.raw(response));
    }

    /**
     * @param response the {@code response} payload of a {@code list_permission_rules} answer
     * @return the rules state ({@code state})
     */
    public static PermissionRules permissionRules(JsonNode response) {
        JsonNode state = Fields.object(response, "state");
        return new PermissionRules(
                Fields.objects(state, "rules", rule -> {
                    JsonNode description = rule.get("description");
                    return new PermissionRules.Rule(
                            Fields.string(rule, "behavior"),
                            Fields.string(rule, "source"),
                            Fields.string(rule, "rule"),
                            description != null && description.isObject()
                                    ? Optional.of(new PermissionRules.Description(Fields.string(description, "prefix"),
                                            Fields.optString(description, "emphasis"), Fields.optString(description, "suffix")))
                                    : Optional.empty(),
                            Fields.string(rule, "editability"),
                            Fields.bool(rule, "notInEffect"));
                }),
                Fields.objects(state, "workspaceDirectories", directory -> new PermissionRules.WorkspaceDirectory(
                        Fields.string(directory, "path"), Fields.string(directory, "source"))),
                Fields.string(state, "originalCwd"),
                Fields.bool(state, "managedOnly"),
                Fields.bool(state, "withheld"),
                Fields.raw(state));
    }

    /**
     * @param response the {@code response} payload of a {@code get_hooks_listing} answer
     * @return the listing
     */
    public static HooksListing hooksListing(JsonNode response) {
        JsonNode policy = Fields.object(response, "policy");
        return new HooksListing(
                Fields.objects(response, "events", event -> new HooksListing.Event(Fields.string(event, "name"),
                        Fields.string(event, "summary"), Fields.bool(event, "supportsMatcher"), Fields.longValue(event, "hookCount"))),
                Fields.objects(response, "hooks", hook -> new HooksListing.Hook(
                        Fields.string(hook, "event"),
                        Fields.string(hook, "matcher"),
                        Fields.string(hook, "source"),
                        Fields.string(hook, "sourceLabel"),
                        Fields.string(hook, "type"),
                        Fields.string(hook, "displayText"),
                        Fields.string(hook, "commandText"),
                        Fields.optLong(hook, "timeout"),
                        Fields.bool(hook, "disabled"))),
                Fields.objects(response, "eventCatalog", entry -> new HooksListing.CatalogEntry(Fields.string(entry, "name"),
                        Fields.string(entry, "summary"), Fields.bool(entry, "supportsMatcher"))),
                new HooksListing.Policy(
                        Fields.bool(policy, "disabledByPolicy"),
                        Fields.bool(policy, "managedOnly"),
                        Fields.bool(policy, "pluginOnly"),
                        Fields.bool(policy, "allDisabled"),
                        Fields.longValue(policy, "policyHookCount"),
                        Fields.bool(policy, "policyUnreadable")),
                Fields.raw(response));
    }

    /**
     * @param response the {@code response} payload of a {@code reload_plugins} answer
     * @return the session's components after the reload
     */
    public static PluginsReload pluginsReload(JsonNode response) {
        JsonNode impact = response.get("cache_impact");
        return new PluginsReload(
                SystemMessageDecoder.slashCommands(response.get("commands")),
                Fields.objects(response, "agents", agent -> new AgentInfo(Fields.string(agent, "name"),
                        Fields.string(agent, "description"), Fields.optString(agent, "model"))),
                Fields.objects(response, "plugins", plugin -> new PluginsReload.Plugin(Fields.string(plugin, "name"),
                        Fields.string(plugin, "path"), Fields.optString(plugin, "source"), Fields.optString(plugin, "version"))),
                Fields.objects(response, "mcpServers", McpDecoder::server),
                Fields.longValue(response, "error_count"),
                Fields.optBool(response, "held"),
                impact != null && impact.isObject()
                        ? Optional.of(new PluginsReload.CacheImpact(Fields.strings(impact, "mcp_servers_added"),
                                Fields.strings(impact, "mcp_servers_removed"), Fields.optString(impact, "lsp_tool_change")))
                        : Optional.empty(),
                Fields.raw(response));
    }

    /**
     * @param response the {@code response} payload of a {@code reload_skills} answer
     * @return the skill commands ({@code skills})
     */
    public static List<SlashCommand> skills(JsonNode response) {
        return SystemMessageDecoder.slashCommands(response.get("skills"));
    }

    private static Optional<Map<String, Object>> optionalObject(JsonNode response, String field) {
        JsonNode value = response.get(field);
        return value != null && value.isObject() ? Optional.of(Fields.map(response, field)) : Optional.empty();
    }
}
