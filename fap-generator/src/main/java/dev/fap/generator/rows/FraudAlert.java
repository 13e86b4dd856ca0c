package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An alert raised by fraud monitoring on one transaction.
 *
 * <p>A row of {@code bronze.fraud_alerts}; components in contract order: alert_id, transaction_id, customer_id, account_id, alert_date, alert_type, alert_severity, investigation_status, resolution_date, amount_recovered, assigned_to, notes.
 * See {@link BronzeTable#FRAUD_ALERTS} for each column's meaning.
 */
public record FraudAlert(
        String alertId,
        String transactionId,
        String customerId,
        String accountId,
        LocalDateTime alertDate,
        String alertType,
        String alertSeverity,
        String investigationStatus,
        LocalDate resolutionDate,
        double amountRecovered,
        String assignedTo,
        String notes) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.FRAUD_ALERTS;
    }

    @Override
    public String key() {
        return alertId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(alertId);
        w.text(transactionId);
        w.text(customerId);
        w.text(accountId);
        w.timestamp(alertDate);
        w.text(alertType);
        w.text(alertSeverity);
        w.text(investigationStatus);
        w.date(resolutionDate);
        w.money(amountRecovered);
        w.text(assignedTo);
        w.text(notes);
        w.endRow();
    }
}
