package dev.fap.report.plotly;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes Plotly objects as compact, deterministic JSON: keys sorted, numbers rounded to 12
 * significant digits (so {@code 0.1 + 0.2} is written {@code 0.3}), whole numbers without a
 * fraction, {@code NaN} and infinities as {@code null} (a gap in Plotly), and {@code "</"} escaped so
 * the text can sit inside an HTML {@code <script>} element.
 *
 * <pre>{@code
 * String json = PlotlyJson.write(figure);  // same figure => same bytes
 * }</pre>
 */
public final class PlotlyJson {
    /** Significant digits kept for floating-point values. */
    public static final int SIGNIFICANT_DIGITS = 12;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS);

    private PlotlyJson() {
    }

    /** The JSON text of any supported value (a Plotly object, list, map, number, string ...). */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().replace("</", "<\\/");
    }

    /** The canonical text of one number as written in Plotly JSON; {@code "null"} for NaN and infinities. */
    public static String formatNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0.0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(ROUNDING).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        return exponent < -6 || exponent > 20 ? rounded.toString() : rounded.toPlainString();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Character c) {
            g.writeString(c.toString());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            String text = formatNumber(((Number) value).doubleValue());
            if (text.equals("null")) {
                g.writeNull();
            } else {
                g.writeNumber(text);
            }
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            g.writeNumber(value.toString());
        } else if (value instanceof Number n) {
            writeValue(g, n.doubleValue());
        } else if (value instanceof PlotlyEnum e) {
            writeValue(g, e.jsonValue());
        } else if (value instanceof PlotlyObject<?> o) {
            writeMap(g, o.attributes());
        } else if (value instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            writeMap(g, sorted);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object element : list) {
                writeValue(g, element);
            }
            g.writeEndArray();
        } else {
            Object normalized = PlotlyObject.normalize(value);
            if (normalized == value) {
                throw new FapException(ErrorCode.REPORT_FAILED, "cannot write " + value.getClass().getName() + " as JSON",
                        "pass strings, numbers, booleans, dates, lists, maps or Plotly objects");
            }
            writeValue(g, normalized);
        }
    }

    private static void writeMap(JsonGenerator g, Map<String, ?> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            g.writeFieldName(entry.getKey());
            writeValue(g, entry.getValue());
        }
        g.writeEndObject();
    }
}
