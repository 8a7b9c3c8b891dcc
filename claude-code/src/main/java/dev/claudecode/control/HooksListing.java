package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The hooks the session runs, as the terminal's read-only {@code /hooks} menu lists them, with
 * display-ready strings: the answer to {@link SessionControl#hooksListing()}
 * ({@code get_hooks_listing}, introduced after CLI 2.1.197). A snapshot; ask again to refresh.
 *
 * @param events the events that have hooks, in lifecycle order ({@code events})
 * @param hooks one row per hook ({@code hooks})
 * @param eventCatalog every hook event the CLI knows, in lifecycle order ({@code eventCatalog})
 * @param policy what managed settings allow ({@code policy})
 * @param raw the whole answer as plain JSON: safe and bare mode, editable entries, settings errors
 */
public record HooksListing(List<Event> events, List<Hook> hooks, List<CatalogEntry> eventCatalog, Policy policy,
        Map<String, Object> raw) {

    /** Validates and copies the components. */
    public HooksListing {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        hooks = List.copyOf(Objects.requireNonNull(hooks, "hooks"));
        eventCatalog = List.copyOf(Objects.requireNonNull(eventCatalog, "eventCatalog"));
        Objects.requireNonNull(policy, "policy");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * An event with hooks.
     *
     * @param name the event, e.g. {@code PreToolUse} ({@code name})
     * @param summary the one-line summary the menu shows ({@code summary})
     * @param supportsMatcher whether its hooks take a matcher ({@code supportsMatcher})
     * @param hookCount how many hooks it has ({@code hookCount})
     */
    public record Event(String name, String summary, boolean supportsMatcher, long hookCount) {

        /** Validates the components. */
        public Event {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * One hook.
     *
     * @param event its event ({@code event})
     * @param matcher its matcher with control characters revealed, empty when it has none ({@code matcher})
     * @param source its raw source, e.g. {@code userSettings}, {@code sessionHook}, {@code pluginHook} ({@code source})
     * @param sourceLabel the source for people ({@code sourceLabel})
     * @param type the hook type: {@code command}, {@code prompt}, {@code http}, ... ({@code type})
     * @param displayText the row label ({@code displayText})
     * @param commandText the command, prompt or URL that runs ({@code commandText})
     * @param timeoutSeconds its timeout in seconds, when set ({@code timeout})
     * @param disabled whether the session's mode or policy keeps it from running ({@code disabled})
     */
    public record Hook(String event, String matcher, String source, String sourceLabel, String type, String displayText,
            String commandText, OptionalLong timeoutSeconds, boolean disabled) {

        /** Validates the components. */
        public Hook {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(matcher, "matcher");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sourceLabel, "sourceLabel");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(displayText, "displayText");
            Objects.requireNonNull(commandText, "commandText");
            Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
        }
    }

    /**
     * A hook event the CLI knows.
     *
     * @param name the event ({@code name})
     * @param summary what it is ({@code summary})
     * @param supportsMatcher whether its hooks take a matcher ({@code supportsMatcher})
     */
    public record CatalogEntry(String name, String summary, boolean supportsMatcher) {

        /** Validates the components. */
        public CatalogEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * What managed settings say about hooks.
     *
     * @param disabledByPolicy managed {@code disableAllHooks}: nothing runs ({@code disabledByPolicy})
     * @param managedOnly managed {@code allowManagedHooksOnly} ({@code managedOnly})
     * @param pluginOnly managed {@code strictPluginOnlyCustomization} ({@code pluginOnly})
     * @param allDisabled {@code disableAllHooks} in effect from any source ({@code allDisabled})
     * @param policyHookCount hooks configured in managed settings ({@code policyHookCount})
     * @param policyUnreadable whether a managed settings source exists but could not be read ({@code policyUnreadable})
     */
    public record Policy(boolean disabledByPolicy, boolean managedOnly, boolean pluginOnly, boolean allDisabled,
            long policyHookCount, boolean policyUnreadable) {
    }

    /**
     * Finds the hooks of one event.
     *
     * @param event the event, e.g. {@code PreToolUse}
     * @return its hooks, in the menu's order
     */
    public List<Hook> hooksOf(String event) {
        return hooks.stream().filter(hook -> hook.event().equals(event)).toList();
    }

    /**
     * {@return its catalog entry, when the CLI knows it}
     *
     * @param name an event name
     */
    public Optional<CatalogEntry> catalogEntry(String name) {
        return eventCatalog.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }
}
