package dev.claudecode.internal.callback;

import dev.claudecode.hook.HookInput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.Fields;
import dev.claudecode.permission.PermissionUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The fields of one hook input object, read by wire name into the Java types of {@link HookInput}:
 * the tolerant readers of {@link Fields} bound to one object, plus the shapes only hook inputs have.
 * A missing text field reads as empty, a missing list or object as empty, a missing flag as false,
 * so that a newer CLI that drops or renames a field still reaches the callback. Objects and values
 * become plain Java at once (not lazily), since every input is copied into its record.
 */
final class HookFields {

    private final JsonNode node;

    /**
     * @param node the JSON object to read, may be missing or of another type (then every field is absent)
     */
    HookFields(JsonNode node) {
        this.node = node;
    }

    /** @return the whole object as plain JSON */
    Map<String, Object> all() {
        return Json.toMap(node);
    }

    /** @return the fields of a nested object, e.g. {@code effort} */
    HookFields object(String field) {
        return new HookFields(Fields.object(node, field));
    }

    /** @return the fields of a nested object, when present and an object */
    Optional<HookFields> optionalObject(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(new HookFields(value)) : Optional.empty();
    }

    /** @return a string field, or {@code ""} */
    String text(String field) {
        return Fields.string(node, field);
    }

    /** @return a string field, when present and a string */
    Optional<String> optionalText(String field) {
        return Fields.optString(node, field);
    }

    /** @return a string field, when present, a string and not blank */
    Optional<String> nonBlankText(String field) {
        return Fields.optString(node, field).filter(text -> !text.isBlank());
    }

    /** @return an object field as plain JSON, or an empty map */
    Map<String, Object> map(String field) {
        return Json.toMap(node.get(field));
    }

    /** @return an object field as plain JSON, when present and an object */
    Optional<Map<String, Object>> optionalMap(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(Json.toMap(value)) : Optional.empty();
    }

    /** @return any field as plain JSON, or an empty map when absent or null */
    Object plain(String field) {
        Object value = Json.toJava(node.get(field));
        return value == null ? Map.of() : value;
    }

    /** @return any field as plain JSON, when present and not null */
    Optional<Object> optionalPlain(String field) {
        return Optional.ofNullable(Json.toJava(node.get(field)));
    }

    /** @return a boolean field, or false */
    boolean bool(String field) {
        return Fields.bool(node, field);
    }

    /** @return a numeric field, or 0 */
    long longValue(String field) {
        return Fields.longValue(node, field);
    }

    /** @return a numeric field, when present and a number */
    OptionalLong optionalLong(String field) {
        return Fields.optLong(node, field);
    }

    /** @return a numeric field as a double, or 0 */
    double doubleValue(String field) {
        return Fields.doubleValue(node, field);
    }

    /** @return a numeric field as a double, when present and a number */
    OptionalDouble optionalDouble(String field) {
        return Fields.optDouble(node, field);
    }

    /** @return a boolean field, when present and a boolean */
    Optional<Boolean> optionalBool(String field) {
        return Fields.optBool(node, field);
    }

    /** @return the strings of an array field, or an empty list */
    List<String> strings(String field) {
        return Fields.strings(node, field);
    }

    /** @return the objects of an array field as plain JSON, skipping other elements */
    List<Map<String, Object>> maps(String field) {
        return Fields.objects(node, field, Json::toMap);
    }

    /** @return the objects of an array field, skipping other elements */
    List<HookFields> objects(String field) {
        return Fields.objects(node, field, HookFields::new);
    }

    /** @return the permission changes of an array field, in order */
    List<PermissionUpdate> permissionUpdates(String field) {
        return PermissionUpdates.decodeAll(node.get(field));
    }
}
