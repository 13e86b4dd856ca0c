package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * A merchant with its location and fraud risk.
 *
 * <p>A row of {@code bronze.merchants}; components in contract order: merchant_id, merchant_name, category, mcc_code, city, state, country, latitude, longitude, risk_rating, avg_transaction_amount, is_online, established_date.
 * See {@link BronzeTable#MERCHANTS} for each column's meaning.
 */
public record Merchant(
        String merchantId,
        String merchantName,
        String category,
        String mccCode,
        String city,
        String state,
        String country,
        double latitude,
        double longitude,
        String riskRating,
        double avgTransactionAmount,
        boolean isOnline,
        LocalDate establishedDate) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.MERCHANTS;
    }

    @Override
    public String key() {
        return merchantId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(merchantId);
        w.text(merchantName);
        w.text(category);
        w.text(mccCode);
        w.text(city);
        w.text(state);
        w.text(country);
        w.fixed(latitude, 6);
        w.fixed(longitude, 6);
        w.text(riskRating);
        w.money(avgTransactionAmount);
        w.bool(isOnline);
        w.date(establishedDate);
        w.endRow();
    }
}
