package dev.fap.report.internal;

import dev.fap.analytics.AnalyticsReport;
import dev.fap.analytics.stats.ConfidenceInterval;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.util.Currency;
import java.util.Locale;

/**
 * How the reports write amounts of one currency: the symbol as a prefix in texts, tick prefixes and hover
 * templates ({@code $1.23M}, {@code €1.23M}, {@code £41.20}, {@code CHF 12.5K}), the ISO 4217 code in
 * axis titles ({@code Difference in means (EUR)}). The symbol is the English one of
 * {@link Currency#getSymbol(Locale)}; a currency without a symbol of its own is written with its code and
 * a non-breaking space; {@code XXX} (no currency) with neither.
 *
 * <pre>{@code
 * Money eur = Money.of("EUR");
 * eur.format(1_234_567.0);            // €1.23M
 * eur.hover("y:,.0f");                // €%{y:,.0f}
 * eur.titled("Difference in means");  // Difference in means (EUR)
 * }</pre>
 *
 * @param code   ISO 4217 code
 * @param symbol the prefix of an amount ({@code "$"}, {@code "€"}, {@code ""} for {@code XXX})
 */
public record Money(String code, String symbol) {
    /** US dollars, the generator's default currency. */
    public static final Money USD = new Money("USD", "$");

    /** The money format of an ISO 4217 code ({@code USD}, {@code EUR}, {@code GBP}, ...); null or blank is {@code XXX}. */
    public static Money of(String code) {
        if (code == null || code.isBlank() || code.equals(AnalyticsReport.NO_CURRENCY)) {
            return new Money(AnalyticsReport.NO_CURRENCY, "");
        }
        if (!code.matches("[A-Z]{3}")) {
            throw new FapException(ErrorCode.INVALID_ARGUMENT, "'" + code + "' is not an ISO 4217 currency code",
                    "pass three capital letters such as USD, EUR or GBP (AnalyticsReport.currency())");
        }
        if (code.equals(USD.code)) {
            return USD;
        }
        String symbol;
        try {
            symbol = Currency.getInstance(code).getSymbol(Locale.ENGLISH);
        } catch (IllegalArgumentException unknownToTheJdk) {
            symbol = code;
        }
        return new Money(code, symbol.equals(code) ? code + "\u00a0" : symbol);
    }

    /** {@code $1.23M}, {@code -€4,210.50} (see {@link Fmt#compact}). */
    public String format(double value) {
        return (value < 0 ? "-" : "") + symbol + Fmt.compact(Math.abs(value));
    }

    /** {@code 95% CI $41.20–$44.90}. */
    public String interval(ConfidenceInterval ci) {
        return Fmt.level(ci) + " CI " + format(ci.lower()) + "–" + format(ci.upper());
    }

    /** A Plotly template placeholder with the symbol before it: {@code hover("y:,.0f")} is {@code $%{y:,.0f}}. */
    public String hover(String placeholder) {
        return symbol + "%{" + placeholder + "}";
    }

    /**
     * A d3 number format for Plotly hover and tick formats: {@code "$" + spec} for US dollars (d3's
     * currency, written {@code −$12.00} for negatives), {@code spec} alone for any other currency (d3 knows
     * no other symbol; pair it with {@link #titled} so the code is on the axis).
     */
    public String d3(String spec) {
        return this.equals(USD) ? "$" + spec : spec;
    }

    /** {@code Total EV ($)}, {@code Total EV (€)}, {@code Total EV (CHF)} for a short title; the title alone for {@code XXX}. */
    public String titledBySymbol(String title) {
        if (symbol.isEmpty()) {
            return title;
        }
        return title + " (" + (symbol.endsWith("\u00a0") ? code : symbol) + ")";
    }

    /** {@code Difference in means (EUR)}; the title alone for {@code XXX}. */
    public String titled(String title) {
        return code.equals(AnalyticsReport.NO_CURRENCY) ? title : title + " (" + code + ")";
    }
}
