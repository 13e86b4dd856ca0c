package dev.fap.generator.internal;

import java.nio.charset.StandardCharsets;

/** Fast, allocation-light text for identifiers and amounts (no {@link String#format}, no locale). */
public final class Ids {
    private static final String ZEROS = "000000000000000000";

    private Ids() {}

    /** {@code prefix} followed by {@code v} left-padded with zeros to {@code width} digits. */
    public static String id(char prefix, long v, int width) {
        return digits(prefix, v, width);
    }

    /** {@code v} left-padded with zeros to {@code width} digits. */
    public static String pad(long v, int width) {
        return digits((char) 0, v, width);
    }

    private static String digits(char prefix, long v, int width) {
        if (v < 0) {
            return (prefix == 0 ? "" : String.valueOf(prefix)) + v;
        }
        int len = 1;
        for (long t = v; t >= 10; t /= 10) {
            len++;
        }
        int n = Math.max(width, len);
        int off = prefix == 0 ? 0 : 1;
        byte[] b = new byte[off + n];
        if (off == 1) {
            b[0] = (byte) prefix;
        }
        for (int i = off + n - 1; i >= off; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A money amount with exactly two decimals, e.g. {@code 1234.50}. */
    public static String money(double v) {
        long cents = Math.round(Math.abs(v) * 100);
        String s = (v < 0 && cents != 0 ? "-" : "") + cents / 100 + "." + pad(cents % 100, 2);
        return s;
    }

    /** Lower-case hexadecimal of the low {@code digits * 4} bits, zero-padded. */
    public static String hex(long v, int digits) {
        String s = Long.toHexString(v & (digits >= 16 ? -1L : (1L << (4 * digits)) - 1));
        int missing = digits - s.length();
        return missing <= 0 ? s : ZEROS.substring(0, missing).concat(s);
    }
}
