package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * An application for a credit product and its decision.
 *
 * <p>A row of {@code bronze.credit_applications}; components in contract order: application_id, customer_id, product_id, application_date, requested_amount, requested_term_months, credit_score_at_application, annual_income, debt_to_income_ratio, employment_length_years, decision, decision_date, approved_amount, approved_rate, application_channel, approval_probability_score, risk_grade.
 * See {@link BronzeTable#CREDIT_APPLICATIONS} for each column's meaning.
 */
public record CreditApplication(
        String applicationId,
        String customerId,
        String productId,
        LocalDate applicationDate,
        double requestedAmount,
        Integer requestedTermMonths,
        int creditScoreAtApplication,
        double annualIncome,
        double debtToIncomeRatio,
        int employmentLengthYears,
        String decision,
        LocalDate decisionDate,
        Double approvedAmount,
        Double approvedRate,
        String applicationChannel,
        double approvalProbabilityScore,
        String riskGrade) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.CREDIT_APPLICATIONS;
    }

    @Override
    public String key() {
        return applicationId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(applicationId);
        w.text(customerId);
        w.text(productId);
        w.date(applicationDate);
        w.money(requestedAmount);
        w.integer(requestedTermMonths);
        w.integer(creditScoreAtApplication);
        w.money(annualIncome);
        w.decimal(debtToIncomeRatio);
        w.integer(employmentLengthYears);
        w.text(decision);
        w.date(decisionDate);
        w.money(approvedAmount);
        w.decimal(approvedRate);
        w.text(applicationChannel);
        w.decimal(approvalProbabilityScore);
        w.text(riskGrade);
        w.endRow();
    }
}
