package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * An account: one product held by one customer, with its balance at the end of the data.
 *
 * <p>A row of {@code bronze.accounts}; components in contract order: account_id, customer_id, product_id, account_number, account_status, open_date, close_date, current_balance, available_balance, credit_limit, currency, interest_rate, minimum_payment, payment_due_date, last_statement_date, autopay_enabled, overdraft_protection, primary_account.
 * See {@link BronzeTable#ACCOUNTS} for each column's meaning.
 */
public record Account(
        String accountId,
        String customerId,
        String productId,
        String accountNumber,
        String accountStatus,
        LocalDate openDate,
        LocalDate closeDate,
        double currentBalance,
        double availableBalance,
        Double creditLimit,
        String currency,
        double interestRate,
        Double minimumPayment,
        LocalDate paymentDueDate,
        LocalDate lastStatementDate,
        boolean autopayEnabled,
        boolean overdraftProtection,
        boolean primaryAccount) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.ACCOUNTS;
    }

    @Override
    public String key() {
        return accountId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(accountId);
        w.text(customerId);
        w.text(productId);
        w.text(accountNumber);
        w.text(accountStatus);
        w.date(openDate);
        w.date(closeDate);
        w.money(currentBalance);
        w.money(availableBalance);
        w.money(creditLimit);
        w.text(currency);
        w.decimal(interestRate);
        w.money(minimumPayment);
        w.date(paymentDueDate);
        w.date(lastStatementDate);
        w.bool(autopayEnabled);
        w.bool(overdraftProtection);
        w.bool(primaryAccount);
        w.endRow();
    }
}
