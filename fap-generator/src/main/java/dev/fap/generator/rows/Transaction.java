package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDateTime;

/**
 * A card or account transaction; {@code amount} is signed and a declined transaction ({@code declineReason != null}) moves no money.
 *
 * <p>A row of {@code bronze.transactions}; components in contract order: transaction_id, account_id, customer_id, merchant_id, transaction_date, transaction_type, amount, currency, channel, merchant_category, mcc_code, description, is_fraud, fraud_score, location_city, location_state, location_country, latitude, longitude, device_id, ip_address, is_international, authorization_code, card_last_four, is_recurring, hour_of_day, day_of_week, is_weekend, distance_from_home_km, merchant_risk_score, velocity_24h, amount_deviation_score, processing_time_ms, decline_reason.
 * See {@link BronzeTable#TRANSACTIONS} for each column's meaning.
 */
public record Transaction(
        String transactionId,
        String accountId,
        String customerId,
        String merchantId,
        LocalDateTime transactionDate,
        String transactionType,
        double amount,
        String currency,
        String channel,
        String merchantCategory,
        String mccCode,
        String description,
        boolean isFraud,
        double fraudScore,
        String locationCity,
        String locationState,
        String locationCountry,
        double latitude,
        double longitude,
        String deviceId,
        String ipAddress,
        boolean isInternational,
        String authorizationCode,
        String cardLastFour,
        boolean isRecurring,
        int hourOfDay,
        int dayOfWeek,
        boolean isWeekend,
        Double distanceFromHomeKm,
        Double merchantRiskScore,
        int velocity24h,
        double amountDeviationScore,
        int processingTimeMs,
        String declineReason) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.TRANSACTIONS;
    }

    @Override
    public String key() {
        return transactionId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(transactionId);
        w.text(accountId);
        w.text(customerId);
        w.text(merchantId);
        w.timestamp(transactionDate);
        w.text(transactionType);
        w.money(amount);
        w.text(currency);
        w.text(channel);
        w.text(merchantCategory);
        w.text(mccCode);
        w.text(description);
        w.bool(isFraud);
        w.decimal(fraudScore);
        w.text(locationCity);
        w.text(locationState);
        w.text(locationCountry);
        w.fixed(latitude, 6);
        w.fixed(longitude, 6);
        w.text(deviceId);
        w.text(ipAddress);
        w.bool(isInternational);
        w.text(authorizationCode);
        w.text(cardLastFour);
        w.bool(isRecurring);
        w.integer(hourOfDay);
        w.integer(dayOfWeek);
        w.bool(isWeekend);
        if (distanceFromHomeKm == null) {
            w.nul();
        } else {
            w.fixed(distanceFromHomeKm, 1);
        }
        w.decimal(merchantRiskScore);
        w.integer(velocity24h);
        w.decimal(amountDeviationScore);
        w.integer(processingTimeMs);
        w.text(declineReason);
        w.endRow();
    }
}
