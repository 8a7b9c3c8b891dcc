package dev.claudecode.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The median, quartiles and range of repeated measurements of one quantity.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 * @param lowerQuartile the median of the lower half
 * @param upperQuartile the median of the upper half
 */
public record Summary(double median, double min, double max, int count, double lowerQuartile, double upperQuartile) {

    /**
     * Summarizes values.
     *
     * @param values at least one value
     * @return the summary
     */
    public static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return new Summary(median(sorted), sorted.getFirst(), sorted.getLast(), n, median(sorted.subList(0, (n + 1) / 2)),
                median(sorted.subList(n / 2, n)));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Formats the quartiles as {@code lower–upper}.
     *
     * @param decimals digits after the point
     * @return the text
     */
    public String quartiles(int decimals) {
        String pattern = "%,." + decimals + "f";
        return String.format(Locale.ROOT, pattern, lowerQuartile) + " to " + String.format(Locale.ROOT, pattern, upperQuartile);
    }

    /** @return whether there is any value */
    public boolean present() {
        return count > 0;
    }

    /**
     * Formats the summary as {@code median (min–max)} with the given number of decimals.
     *
     * @param decimals digits after the point
     * @param scale what to divide every value by (e.g. 1000 for thousands)
     * @return the text
     */
    public String format(int decimals, double scale) {
        if (!present()) {
            return "n/a";
        }
        String pattern = "%,." + decimals + "f";
        return String.format(Locale.ROOT, pattern, median / scale) + " (" + String.format(Locale.ROOT, pattern, min / scale)
                + "–" + String.format(Locale.ROOT, pattern, max / scale) + ")";
    }
}
