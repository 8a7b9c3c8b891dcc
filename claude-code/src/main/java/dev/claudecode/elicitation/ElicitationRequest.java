package dev.claudecode.elicitation;

import dev.claudecode.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A question an MCP server asks the user through the CLI ({@code elicitation}): a form to fill in,
 * or a web page to open.
 *
 * @param serverName the MCP server that asks
 * @param message what the server says to the user
 * @param mode a form, or a URL step
 * @param url the page to open, for a URL step
 * @param elicitationId the server's id of a URL step; a {@code system/elicitation_complete}
 *     message names it when the server learns the step is done
 * @param requestedSchema the form as a JSON schema ({@code {"type":"object","properties":{...},
 *     "required":[...]}}); empty for a URL step. {@link #fields()} reads it
 * @param propertyOrder the form's field names in the order the server listed them, when the CLI
 *     says; empty otherwise
 * @param title a heading for the question, from the server's permission display metadata
 * @param displayName a short label of the tool or server, from the same metadata
 * @param description a subtitle, from the same metadata
 * @param raw the whole request as the CLI sent it, for fields this library does not read
 */
public record ElicitationRequest(
        String serverName,
        String message,
        ElicitationMode mode,
        Optional<String> url,
        Optional<String> elicitationId,
        Map<String, Object> requestedSchema,
        List<String> propertyOrder,
        Optional<String> title,
        Optional<String> displayName,
        Optional<String> description,
        Map<String, Object> raw) {

    /**
     * Checks and copies the components. Code that builds requests, for example to test a
     * handler, uses {@link #form} or {@link #url(String, String, String)}.
     *
     * @param serverName the server
     * @param message the message
     * @param mode the mode
     * @param url the URL
     * @param elicitationId the URL step's id
     * @param requestedSchema the form's schema
     * @param propertyOrder the fields' order
     * @param title the heading
     * @param displayName the label
     * @param description the subtitle
     * @param raw the request
     */
    public ElicitationRequest {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(elicitationId, "elicitationId");
        requestedSchema = JsonValues.copyMap(Objects.requireNonNull(requestedSchema, "requestedSchema"));
        propertyOrder = List.copyOf(Objects.requireNonNull(propertyOrder, "propertyOrder"));
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * A form request.
     *
     * @param serverName the server that asks
     * @param message what it says
     * @param requestedSchema the form as a JSON schema
     * @return the request
     */
    public static ElicitationRequest form(String serverName, String message, Map<String, ?> requestedSchema) {
        return new ElicitationRequest(serverName, message, ElicitationMode.FORM, Optional.empty(), Optional.empty(),
                JsonValues.copyMap(requestedSchema), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of());
    }

    /**
     * A URL step.
     *
     * @param serverName the server that asks
     * @param message what it says
     * @param url the page to open
     * @return the request
     */
    public static ElicitationRequest url(String serverName, String message, String url) {
        return new ElicitationRequest(serverName, message, ElicitationMode.URL, Optional.of(url), Optional.empty(),
                Map.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * The form's fields, read from {@link #requestedSchema()}: in {@link #propertyOrder()} when the
     * CLI gave it, else in the schema's order. MCP limits forms to flat objects of simple values
     * (text, numbers, booleans, choices), which is what {@link ElicitationField} describes.
     *
     * @return the fields; empty for a URL step or a form without properties
     */
    public List<ElicitationField> fields() {
        if (!(requestedSchema.get("properties") instanceof Map<?, ?> properties)) {
            return List.of();
        }
        Set<String> required = new LinkedHashSet<>();
        if (requestedSchema.get("required") instanceof List<?> names) {
            names.forEach(name -> required.add(String.valueOf(name)));
        }
        Set<String> names = new LinkedHashSet<>();
        propertyOrder.stream().filter(properties::containsKey).forEach(names::add);
        properties.keySet().forEach(name -> names.add(String.valueOf(name)));
        List<ElicitationField> fields = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> schema = properties.get(name) instanceof Map<?, ?> property
                    ? JsonValues.copyMap(stringKeys(property)) : Map.of();
            fields.add(ElicitationField.of(name, schema, required.contains(name)));
        }
        return List.copyOf(fields);
    }

    /**
     * Reads the answers typed for a form, one text per field name, into the values of an
     * {@link ElicitationResult#accept(Map)}: each text is read by its field's
     * {@link ElicitationField#parse(String)}, so a blank optional field is left out and a blank
     * field with a default takes the default.
     *
     * @param texts what was typed, by field name; a missing name counts as blank
     * @return the values by field name, in the form's order
     * @throws IllegalArgumentException naming the first field whose text does not fit
     */
    public Map<String, Object> parseForm(Map<String, String> texts) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (ElicitationField field : fields()) {
            try {
                field.parse(texts.getOrDefault(field.name(), "")).ifPresent(value -> values.put(field.name(), value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field.label() + ": " + e.getMessage(), e);
            }
        }
        return JsonValues.copyMap(values);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
