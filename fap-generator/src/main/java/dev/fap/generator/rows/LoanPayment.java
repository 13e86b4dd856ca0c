package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * One scheduled payment of an amortised loan and what was actually paid.
 *
 * <p>A row of {@code bronze.loan_payments}; components in contract order: payment_id, account_id, customer_id, scheduled_date, actual_date, scheduled_amount, actual_amount, is_late, days_late, late_fee, payment_method, outstanding_balance.
 * See {@link BronzeTable#LOAN_PAYMENTS} for each column's meaning.
 */
public record LoanPayment(
        String paymentId,
        String accountId,
        String customerId,
        LocalDate scheduledDate,
        LocalDate actualDate,
        double scheduledAmount,
        double actualAmount,
        boolean isLate,
        int daysLate,
        double lateFee,
        String paymentMethod,
        double outstandingBalance) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.LOAN_PAYMENTS;
    }

    @Override
    public String key() {
        return paymentId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(paymentId);
        w.text(accountId);
        w.text(customerId);
        w.date(scheduledDate);
        w.date(actualDate);
        w.money(scheduledAmount);
        w.money(actualAmount);
        w.bool(isLate);
        w.integer(daysLate);
        w.money(lateFee);
        w.text(paymentMethod);
        w.money(outstandingBalance);
        w.endRow();
    }
}
