package dev.claudecode.testkit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and evaluates a simple arithmetic question for the {@link StandInModel}: numbers,
 * {@code + - * /}, parentheses, and the words plus, minus, times, multiplied by and divided by.
 * A question that starts with an operator ("And times 2?") continues from the previous answer.
 */
final class Arithmetic {

    private static final Pattern EXPRESSION = Pattern.compile("[-+*/()\\d.\\s]*\\d[-+*/()\\d.\\s]*");
    private static final Pattern OPERATOR_BETWEEN = Pattern.compile("[\\d)]\\s*[-+*/]\\s*[-\\d(]");
    private static final Pattern LEADING_OPERATOR = Pattern.compile("^\\s*[-+*/]");

    private final String text;
    private int position;

    private Arithmetic(String text) {
        this.text = text;
    }

    /**
     * Answers a question, when it holds a computable expression.
     *
     * @param question what the user wrote
     * @param previous the previous answer, when it was a number
     * @return the result, formatted without trailing zeros
     */
    static Optional<String> answer(String question, Optional<BigDecimal> previous) {
        String normalized = normalize(question);
        Matcher matcher = EXPRESSION.matcher(normalized);
        while (matcher.find()) {
            String candidate = matcher.group().strip();
            if (previous.isPresent() && LEADING_OPERATOR.matcher(candidate).find()) {
                candidate = previous.get().toPlainString() + " " + candidate;
            }
            if (OPERATOR_BETWEEN.matcher(candidate).find()) {
                Optional<BigDecimal> value = evaluate(candidate);
                if (value.isPresent()) {
                    return Optional.of(format(value.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a whole text as one number, e.g. a previous answer.
     *
     * @param text the text
     * @return the number, when the text is exactly one
     */
    static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String normalize(String question) {
        return question.toLowerCase(Locale.ROOT)
                .replace("multiplied by", "*")
                .replace("divided by", "/")
                .replace("times", "*")
                .replace("plus", "+")
                .replace("minus", "-")
                .replace('×', '*')
                .replace('÷', '/')
                .replaceAll("(?<=\\d)\\s*x\\s*(?=\\d)", " * ")
                // a sentence's final full stop is not a decimal point
                .replaceAll("\\.(?!\\d)", " ");
    }

    private static Optional<BigDecimal> evaluate(String expression) {
        Arithmetic parser = new Arithmetic(expression);
        try {
            BigDecimal value = parser.sum();
            parser.skipSpaces();
            return parser.position == expression.length() ? Optional.of(value) : Optional.empty();
        } catch (ArithmeticException | NumberFormatException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String format(BigDecimal value) {
        BigDecimal rounded = value.setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    private BigDecimal sum() {
        BigDecimal value = product();
        while (true) {
            if (accept('+')) {
                value = value.add(product());
            } else if (accept('-')) {
                value = value.subtract(product());
            } else {
                return value;
            }
        }
    }

    private BigDecimal product() {
        BigDecimal value = factor();
        while (true) {
            if (accept('*')) {
                value = value.multiply(factor());
            } else if (accept('/')) {
                value = value.divide(factor(), MathContext.DECIMAL64);
            } else {
                return value;
            }
        }
    }

    private BigDecimal factor() {
        if (accept('-')) {
            return factor().negate();
        }
        if (accept('(')) {
            BigDecimal value = sum();
            if (!accept(')')) {
                throw new IllegalStateException("unbalanced parentheses");
            }
            return value;
        }
        skipSpaces();
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (start == position) {
            throw new IllegalStateException("a number was expected at " + start);
        }
        return new BigDecimal(text.substring(start, position));
    }

    private boolean accept(char symbol) {
        skipSpaces();
        if (position < text.length() && text.charAt(position) == symbol) {
            position++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
