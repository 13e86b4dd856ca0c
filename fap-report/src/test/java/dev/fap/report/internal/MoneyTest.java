package dev.fap.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.analytics.stats.ConfidenceInterval;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void symbolsOfTheGeneratorsCurrenciesAndOthers() {
        assertThat(Money.of("USD")).isSameAs(Money.USD);
        assertThat(Money.of("USD").format(1_234_567.0)).isEqualTo("$1.23M");
        assertThat(Money.of("EUR").format(-4_210.5)).isEqualTo("-€4,210.50");
        assertThat(Money.of("GBP").format(52_100)).isEqualTo("£52.1K");
        assertThat(Money.of("JPY").symbol()).isEqualTo("¥");
        // no symbol of its own: the code and a non-breaking space
        assertThat(Money.of("CHF").format(12_500)).isEqualTo("CHF\u00a012.5K");
        assertThat(Money.of("QQQ").symbol()).isEqualTo("QQQ\u00a0");
        // no currency: a bare number, the axis title alone
        assertThat(Money.of(null).format(3.5)).isEqualTo("3.50");
        assertThat(Money.of("XXX").titled("Spend")).isEqualTo("Spend");
    }

    @Test
    void templatesTitlesAndIntervals() {
        Money eur = Money.of("EUR");
        assertThat(eur.hover("y:,.0f")).isEqualTo("€%{y:,.0f}");
        assertThat(eur.titled("Difference in means")).isEqualTo("Difference in means (EUR)");
        assertThat(eur.titledBySymbol("Total EV")).isEqualTo("Total EV (€)");
        assertThat(Money.USD.titledBySymbol("Total EV")).isEqualTo("Total EV ($)");
        assertThat(Money.of("CHF").titledBySymbol("Total EV")).isEqualTo("Total EV (CHF)");
        assertThat(Money.of("XXX").titledBySymbol("Total EV")).isEqualTo("Total EV");
        assertThat(eur.d3(",.2f")).isEqualTo(",.2f");
        assertThat(Money.USD.d3(",.2f")).isEqualTo("$,.2f");
        assertThat(Money.USD.hover("x:,.0f")).isEqualTo("$%{x:,.0f}");
        assertThat(eur.interval(new ConfidenceInterval(41.2, 44.9, 0.95))).isEqualTo("95% CI €41.20–€44.90");
    }

    @Test
    void aMalformedCodeIsRejected() {
        assertThatThrownBy(() -> Money.of("euro")).isInstanceOfSatisfying(FapException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageContaining("'euro'");
    }
}
