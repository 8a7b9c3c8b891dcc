package dev.claudecode.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Deep equality of plain JSON values as JSON means it: objects are equal when they have the same
 * members whatever their order, and numbers when they have the same value whatever their Java type
 * or notation ({@code 1}, {@code 1.0} and {@code 1e0} are one number). A database that stores JSON
 * in a binary form may give back another key order and another number notation; the values stay
 * equal under this relation.
 */
public final class JsonEquality {

    private JsonEquality() {
    }

    /**
     * Compares two plain JSON values.
     *
     * @param a a value ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or null)
     * @param b another
     * @return whether they are the same JSON value
     */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (!finite(x) || !finite(y)) {
                return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
            }
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !equal(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * A hash code consistent with {@link #equal}.
     *
     * @param value a plain JSON value
     * @return its hash code
     */
    public static int hash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            if (!finite(number)) {
                return Double.hashCode(number.doubleValue());
            }
            BigDecimal decimal = decimal(number);
            return decimal.signum() == 0 ? 0 : decimal.stripTrailingZeros().hashCode();
        }
        if (value instanceof Map<?, ?> map) {
            int hash = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                hash += entry.getKey().hashCode() ^ hash(entry.getValue());
            }
            return hash;
        }
        if (value instanceof List<?> list) {
            int hash = 1;
            for (Object element : list) {
                hash = 31 * hash + hash(element);
            }
            return hash;
        }
        return value.hashCode();
    }

    private static BigDecimal decimal(Number number) {
        return switch (number) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> new BigDecimal(Double.toString(number.doubleValue()));
        };
    }

    private static boolean finite(Number number) {
        return !(number instanceof Double || number instanceof Float) || Double.isFinite(number.doubleValue());
    }
}
