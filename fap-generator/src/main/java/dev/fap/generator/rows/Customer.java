package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * A customer: demographics in effect at the dataset start (or signup, if later); later values are in {@link CustomerChange}s.
 *
 * <p>A row of {@code bronze.customers}; components in contract order: customer_id, first_name, last_name, email, phone, date_of_birth, age, ssn, address, city, state, zip_code, country, signup_date, credit_score, annual_income, employment_status, employer, job_title, education_level, marital_status, number_of_dependents, home_ownership, customer_segment, life_stage, risk_segment, is_active, preferred_channel, marketing_opt_in, loyalty_tier, customer_lifetime_value, churn_risk_score, last_login_date, acquisition_channel.
 * See {@link BronzeTable#CUSTOMERS} for each column's meaning.
 */
public record Customer(
        String customerId,
        String firstName,
        String lastName,
        String email,
        String phone,
        LocalDate dateOfBirth,
        int age,
        String ssn,
        String address,
        String city,
        String state,
        String zipCode,
        String country,
        LocalDate signupDate,
        int creditScore,
        double annualIncome,
        String employmentStatus,
        String employer,
        String jobTitle,
        String educationLevel,
        String maritalStatus,
        int numberOfDependents,
        String homeOwnership,
        String customerSegment,
        String lifeStage,
        String riskSegment,
        boolean isActive,
        String preferredChannel,
        boolean marketingOptIn,
        String loyaltyTier,
        double customerLifetimeValue,
        double churnRiskScore,
        LocalDate lastLoginDate,
        String acquisitionChannel) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.CUSTOMERS;
    }

    @Override
    public String key() {
        return customerId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(customerId);
        w.text(firstName);
        w.text(lastName);
        w.text(email);
        w.text(phone);
        w.date(dateOfBirth);
        w.integer(age);
        w.text(ssn);
        w.text(address);
        w.text(city);
        w.text(state);
        w.text(zipCode);
        w.text(country);
        w.date(signupDate);
        w.integer(creditScore);
        w.money(annualIncome);
        w.text(employmentStatus);
        w.text(employer);
        w.text(jobTitle);
        w.text(educationLevel);
        w.text(maritalStatus);
        w.integer(numberOfDependents);
        w.text(homeOwnership);
        w.text(customerSegment);
        w.text(lifeStage);
        w.text(riskSegment);
        w.bool(isActive);
        w.text(preferredChannel);
        w.bool(marketingOptIn);
        w.text(loyaltyTier);
        w.money(customerLifetimeValue);
        w.decimal(churnRiskScore);
        w.date(lastLoginDate);
        w.text(acquisitionChannel);
        w.endRow();
    }
}
