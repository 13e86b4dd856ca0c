package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * One month of macroeconomic indicators (rates in percent).
 *
 * <p>A row of {@code bronze.economic_indicators}; components in contract order: date, gdp_growth_rate, unemployment_rate, inflation_rate, federal_funds_rate, sp500_index, vix_index, consumer_confidence_index, housing_price_index, treasury_yield_10yr, mortgage_rate_30yr.
 * See {@link BronzeTable#ECONOMIC_INDICATORS} for each column's meaning.
 */
public record EconomicIndicator(
        LocalDate date,
        double gdpGrowthRate,
        double unemploymentRate,
        double inflationRate,
        double federalFundsRate,
        double sp500Index,
        double vixIndex,
        double consumerConfidenceIndex,
        double housingPriceIndex,
        double treasuryYield10yr,
        double mortgageRate30yr) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.ECONOMIC_INDICATORS;
    }

    @Override
    public String key() {
        return date == null ? null : date.toString();
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.date(date);
        w.decimal(gdpGrowthRate);
        w.decimal(unemploymentRate);
        w.decimal(inflationRate);
        w.decimal(federalFundsRate);
        w.decimal(sp500Index);
        w.decimal(vixIndex);
        w.decimal(consumerConfidenceIndex);
        w.decimal(housingPriceIndex);
        w.decimal(treasuryYield10yr);
        w.decimal(mortgageRate30yr);
        w.endRow();
    }
}
