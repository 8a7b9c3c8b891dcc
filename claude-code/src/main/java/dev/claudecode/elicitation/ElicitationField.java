package dev.claudecode.elicitation;

import dev.claudecode.internal.json.JsonValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One field of an elicitation form, read from its JSON schema property. MCP restricts forms to
 * simple values: text, numbers, booleans and choices from a list; anything else is
 * {@link Type#OTHER} and read as text.
 *
 * <p>{@link #parse(String)} turns what a person typed into the field's JSON value, with the
 * checks the schema states, so that a form rendered from these fields can be sent back as
 * {@link ElicitationResult#accept(Map)}.
 *
 * @param name the property name, the key of the value in the answer
 * @param type the kind of value
 * @param title the field's label, when the schema gives one
 * @param description a help text, when the schema gives one
 * @param required whether the form needs a value
 * @param choices for {@link Type#CHOICE} and {@link Type#CHOICES}: the allowed values; empty otherwise
 * @param choiceLabels the labels of {@link #choices()}, one each (the value itself when the schema has none)
 * @param defaultValue the schema's default, as a plain JSON value
 * @param format the string format, e.g. {@code email}, {@code uri}, {@code date}
 * @param minimum the smallest number allowed
 * @param maximum the largest number allowed
 * @param minLength the fewest characters, or for {@link Type#CHOICES} the fewest choices
 * @param maxLength the most characters, or for {@link Type#CHOICES} the most choices
 * @param schema the property's whole schema
 */
public record ElicitationField(
        String name,
        Type type,
        Optional<String> title,
        Optional<String> description,
        boolean required,
        List<String> choices,
        List<String> choiceLabels,
        Optional<Object> defaultValue,
        Optional<String> format,
        OptionalDouble minimum,
        OptionalDouble maximum,
        OptionalInt minLength,
        OptionalInt maxLength,
        Map<String, Object> schema) {

    /** The kinds of form values. */
    public enum Type {
        /** Text ({@code "type":"string"}). */
        STRING,
        /** A number ({@code "type":"number"}). */
        NUMBER,
        /** A whole number ({@code "type":"integer"}). */
        INTEGER,
        /** Yes or no ({@code "type":"boolean"}). */
        BOOLEAN,
        /** One value from a list ({@code enum}, or {@code oneOf} of {@code const}s). */
        CHOICE,
        /** Several values from a list ({@code "type":"array"} whose items are a choice). */
        CHOICES,
        /** Any other schema; read as text. */
        OTHER
    }

    /**
     * Checks and copies the components.
     *
     * @param name the name
     * @param type the type
     * @param title the label
     * @param description the help text
     * @param required whether a value is needed
     * @param choices the allowed values
     * @param choiceLabels their labels
     * @param defaultValue the default
     * @param format the string format
     * @param minimum the smallest number
     * @param maximum the largest number
     * @param minLength the fewest characters or choices
     * @param maxLength the most characters or choices
     * @param schema the property's schema
     */
    public ElicitationField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        choiceLabels = List.copyOf(choiceLabels);
        if (choiceLabels.size() != choices.size()) {
            throw new IllegalArgumentException("choiceLabels must match choices one to one");
        }
        defaultValue = Objects.requireNonNull(defaultValue, "defaultValue").map(JsonValues::copy);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(minLength, "minLength");
        Objects.requireNonNull(maxLength, "maxLength");
        schema = JsonValues.copyMap(Objects.requireNonNull(schema, "schema"));
    }

    /**
     * Reads a field from its JSON schema property.
     *
     * @param name the property name
     * @param schema the property's schema
     * @param required whether the form lists it as required
     * @return the field
     */
    public static ElicitationField of(String name, Map<String, ?> schema, boolean required) {
        Map<String, Object> property = JsonValues.copyMap(schema);
        String jsonType = property.get("type") instanceof String t ? t : "";
        List<String> choices = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Type type;
        boolean hasChoices = readChoices(property, choices, labels);
        if (hasChoices && !jsonType.equals("array")) {
            type = Type.CHOICE;
        } else if (jsonType.equals("array") && property.get("items") instanceof Map<?, ?> items
                && readChoices(JsonValues.copyMap(stringKeyed(items)), choices, labels)) {
            type = Type.CHOICES;
        } else {
            type = switch (jsonType) {
                case "string" -> Type.STRING;
                case "number" -> Type.NUMBER;
                case "integer" -> Type.INTEGER;
                case "boolean" -> Type.BOOLEAN;
                default -> Type.OTHER;
            };
        }
        boolean array = type == Type.CHOICES;
        return new ElicitationField(name, type, text(property, "title"), text(property, "description"), required,
                choices, labels, Optional.ofNullable(property.get("default")), text(property, "format"),
                number(property, "minimum"), number(property, "maximum"),
                whole(property, array ? "minItems" : "minLength"), whole(property, array ? "maxItems" : "maxLength"),
                property);
    }

    /** {@return the title, or the name when there is none} */
    public String label() {
        return title.orElse(name);
    }

    /**
     * What the field takes, in a few words for a person, e.g. {@code a whole number from 0 to 150},
     * {@code yes or no}, {@code one of: red, green, blue}.
     *
     * @return the hint
     */
    public String hint() {
        String range = range();
        return switch (type) {
            case STRING, OTHER -> format.map(f -> "text (" + f + ")").orElse("text") + lengths("characters");
            case NUMBER -> "a number" + range;
            case INTEGER -> "a whole number" + range;
            case BOOLEAN -> "yes or no";
            case CHOICE -> "one of: " + String.join(", ", choiceLabels);
            case CHOICES -> "some of, separated by commas: " + String.join(", ", choiceLabels) + lengths("choices");
        };
    }

    /**
     * Reads what a person typed into the field's value.
     *
     * <ul>
     * <li>Blank text: the default when the schema has one, else no value for an optional field;
     *     a required field without a default needs a value.</li>
     * <li>{@link Type#BOOLEAN}: {@code y}, {@code yes}, {@code true}, {@code 1} and {@code n},
     *     {@code no}, {@code false}, {@code 0}.</li>
     * <li>{@link Type#CHOICE}: a value or its label (any letter case), or its position from 1;
     *     {@link Type#CHOICES}: several of those separated by commas.</li>
     * <li>Numbers, lengths and counts are checked against the schema's bounds.</li>
     * </ul>
     *
     * @param text what was typed
     * @return the value as a plain JSON value ({@code String}, {@code Long}, {@code Double},
     *     {@code BigDecimal}, {@code Boolean} or a list of strings); empty to leave the field out
     * @throws IllegalArgumentException saying what the field needs, when the text does not fit
     */
    public Optional<Object> parse(String text) {
        String value = Objects.requireNonNull(text, "text").strip();
        if (value.isEmpty()) {
            if (defaultValue.isPresent()) {
                return defaultValue;
            }
            if (required) {
                throw new IllegalArgumentException("a value is required (" + hint() + ")");
            }
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case STRING, OTHER -> string(value);
            case NUMBER -> bounded(decimal(value), value);
            case INTEGER -> integer(value);
            case BOOLEAN -> bool(value);
            case CHOICE -> choice(value);
            case CHOICES -> choiceList(value);
        });
    }

    private String string(String text) {
        int length = text.codePointCount(0, text.length());
        if (minLength.isPresent() && length < minLength.getAsInt() || maxLength.isPresent() && length > maxLength.getAsInt()) {
            throw new IllegalArgumentException("needs " + hint());
        }
        return text;
    }

    private static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    private Object bounded(BigDecimal number, String value) {
        double asDouble = number.doubleValue();
        if (minimum.isPresent() && asDouble < minimum.getAsDouble() || maximum.isPresent() && asDouble > maximum.getAsDouble()) {
            throw new IllegalArgumentException("'" + value + "' is not " + hint());
        }
        return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                ? (Object) number.longValueExact() : number;
    }

    private Object integer(String value) {
        BigDecimal number = decimal(value);
        if (number.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
        return bounded(number.setScale(0), value);
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1", "on" -> true;
            case "n", "no", "false", "0", "off" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not yes or no");
        };
    }

    private String choice(String value) {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).equals(value)) {
                return choices.get(i);
            }
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).equalsIgnoreCase(value) || choiceLabels.get(i).equalsIgnoreCase(value)
                    || String.valueOf(i + 1).equals(value)) {
                return choices.get(i);
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not " + hint());
    }

    private List<String> choiceList(String value) {
        List<String> chosen = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                String one = choice(part.strip());
                if (!chosen.contains(one)) {
                    chosen.add(one);
                }
            }
        }
        if (minLength.isPresent() && chosen.size() < minLength.getAsInt() || maxLength.isPresent() && chosen.size() > maxLength.getAsInt()) {
            throw new IllegalArgumentException("needs " + hint());
        }
        return List.copyOf(chosen);
    }

    private String range() {
        if (minimum.isPresent() && maximum.isPresent()) {
            return " from " + plain(minimum.getAsDouble()) + " to " + plain(maximum.getAsDouble());
        }
        if (minimum.isPresent()) {
            return " of at least " + plain(minimum.getAsDouble());
        }
        return maximum.isPresent() ? " of at most " + plain(maximum.getAsDouble()) : "";
    }

    private String lengths(String unit) {
        if (minLength.isPresent() && maxLength.isPresent()) {
            return ", " + minLength.getAsInt() + " to " + maxLength.getAsInt() + " " + unit;
        }
        if (minLength.isPresent()) {
            return ", at least " + minLength.getAsInt() + " " + unit;
        }
        return maxLength.isPresent() ? ", at most " + maxLength.getAsInt() + " " + unit : "";
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number) : String.valueOf(number);
    }

    // enum (+ legacy enumNames), or oneOf/anyOf of {"const": v, "title": t}
    private static boolean readChoices(Map<String, Object> schema, List<String> choices, List<String> labels) {
        if (schema.get("enum") instanceof List<?> values) {
            List<?> names = schema.get("enumNames") instanceof List<?> given && given.size() == values.size() ? given : values;
            for (int i = 0; i < values.size(); i++) {
                choices.add(String.valueOf(values.get(i)));
                labels.add(String.valueOf(names.get(i)));
            }
            return true;
        }
        Object options = schema.containsKey("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (options instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.containsKey("const"))) {
            for (Object option : list) {
                Map<?, ?> entry = (Map<?, ?>) option;
                String constant = String.valueOf(entry.get("const"));
                choices.add(constant);
                labels.add(entry.get("title") instanceof String title ? title : constant);
            }
            return true;
        }
        return false;
    }

    private static Optional<String> text(Map<String, Object> schema, String key) {
        return schema.get(key) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    private static OptionalDouble number(Map<String, Object> schema, String key) {
        return schema.get(key) instanceof Number value ? OptionalDouble.of(value.doubleValue()) : OptionalDouble.empty();
    }

    private static OptionalInt whole(Map<String, Object> schema, String key) {
        return schema.get(key) instanceof Number value ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeyed(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
