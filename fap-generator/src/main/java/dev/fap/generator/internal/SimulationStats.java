package dev.fap.generator.internal;

/** Realised counts of a simulation, summed in customer order (deterministic). */
public final class SimulationStats {
    public long transactions;
    public long purchases;
    public long purchaseFrauds;
    public long declines;
    public long alerts;
    public long alertsOnFraud;
    public long frauds;
    public long latePayments;
    public long payments;
    /** Sum over treated purchases in the uplift window of amount * uplift / (1 + uplift), cents. */
    public long upliftCents;
    public long upliftPurchases;
    /** ATM withdrawals and transfers out (debits that can be declined). */
    public long debits;
    /** Declines with reason "Invalid Card". */
    public long invalidCardDeclines;
    /** Purchases per pattern of the six fraud indicators (see {@link Planted#fraudSignal(int)}). */
    public final long[] fraudPatterns = new long[64];

    public void add(SimulationStats o) {
        transactions += o.transactions;
        purchases += o.purchases;
        purchaseFrauds += o.purchaseFrauds;
        declines += o.declines;
        alerts += o.alerts;
        alertsOnFraud += o.alertsOnFraud;
        frauds += o.frauds;
        latePayments += o.latePayments;
        payments += o.payments;
        upliftCents += o.upliftCents;
        upliftPurchases += o.upliftPurchases;
        debits += o.debits;
        invalidCardDeclines += o.invalidCardDeclines;
        for (int k = 0; k < fraudPatterns.length; k++) {
            fraudPatterns[k] += o.fraudPatterns[k];
        }
    }
}
