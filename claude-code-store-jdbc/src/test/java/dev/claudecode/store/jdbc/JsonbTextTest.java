package dev.claudecode.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonbTextTest {

    @Test
    void jsonbTakesOrdinaryTextAndPairedSurrogateEscapes() {
        assertThat(JsonbText.fitsJsonb("{\"a\":\"é \\u00e9 \\ud83c\\udf89 \\n\"}")).isTrue();
        assertThat(JsonbText.fitsJsonb("{\"a\":\"ends with \\u\"}")).isTrue();
    }

    @Test
    void jsonbRefusesNulAndUnpairedSurrogates() {
        assertThat(JsonbText.fitsJsonb("{\"a\":\"\\u0000\"}")).isFalse();
        assertThat(JsonbText.fitsJsonb("{\"a\":\"\\uD83D\"}")).isFalse();
        assertThat(JsonbText.fitsJsonb("{\"a\":\"\\ud83d\\u0041\"}")).isFalse();
        assertThat(JsonbText.fitsJsonb("{\"a\":\"\\udf89\"}")).isFalse();
    }
}
