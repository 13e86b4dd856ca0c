package dev.fap.generator.internal;

import dev.fap.generator.rows.Customer;

/**
 * Everything the simulation knows about one customer: the customers row as at the start of the
 * data (or signup), the latent traits that drive behaviour, and the mutable state carried from one
 * batch to the next ({@link #refund*} fields, the accounts' state lives in {@link AccountState}).
 */
public final class CustomerProfile {
    public final int index;
    public final Customer row;
    public final int cityIndex;
    public final double homeLat;
    public final double homeLon;
    public final long signupDay;
    /** Epoch day of churn (all accounts close that day), or Long.MAX_VALUE. */
    public final long churnDay;
    public final double activity;
    public final double satisfaction;
    public final double ticketFactor;
    public final double tenureYears;
    public final double churnHazard;
    public final int lifeStageIndex;
    public final String deviceId;
    public final String ipAddress;
    public final int ageAtEnd;
    public int[] accounts = new int[0];
    /** Campaign contact: epoch day, or -1 when never contacted. */
    public long contactDay = -1;
    public boolean treated;

    // mutable state carried between batches
    public int lastPurchaseMerchant = -1;
    public long lastPurchaseCents;
    public int lastPurchaseAccount = -1;
    public long lastPurchaseSecond = Long.MIN_VALUE / 2;

    public CustomerProfile(int index, Customer row, int cityIndex, double homeLat, double homeLon, long signupDay, long churnDay,
                           double activity, double satisfaction, double ticketFactor, double tenureYears, double churnHazard,
                           int lifeStageIndex, String deviceId, String ipAddress, int ageAtEnd) {
        this.index = index;
        this.row = row;
        this.cityIndex = cityIndex;
        this.homeLat = homeLat;
        this.homeLon = homeLon;
        this.signupDay = signupDay;
        this.churnDay = churnDay;
        this.activity = activity;
        this.satisfaction = satisfaction;
        this.ticketFactor = ticketFactor;
        this.tenureYears = tenureYears;
        this.churnHazard = churnHazard;
        this.lifeStageIndex = lifeStageIndex;
        this.deviceId = deviceId;
        this.ipAddress = ipAddress;
        this.ageAtEnd = ageAtEnd;
    }

    /** A copy whose mutable batch state can advance independently. */
    public CustomerProfile copy() {
        CustomerProfile c = new CustomerProfile(index, row, cityIndex, homeLat, homeLon, signupDay, churnDay, activity,
                satisfaction, ticketFactor, tenureYears, churnHazard, lifeStageIndex, deviceId, ipAddress, ageAtEnd);
        c.accounts = accounts.clone();
        c.contactDay = contactDay;
        c.treated = treated;
        c.lastPurchaseMerchant = lastPurchaseMerchant;
        c.lastPurchaseCents = lastPurchaseCents;
        c.lastPurchaseAccount = lastPurchaseAccount;
        c.lastPurchaseSecond = lastPurchaseSecond;
        return c;
    }

    public String id() {
        return row.customerId();
    }

    /** True when the customer has not churned by the end of {@code day}. */
    public boolean activeOn(long day) {
        return day >= signupDay && day < churnDay;
    }
}
