package dev.fap.generator.internal;

/** One account's static terms and its running state (balance, recent activity) across batches. */
public final class AccountState {
    public final int index;
    public final String id;
    public final int customer;
    public final int product;
    public final String accountNumber;
    public final long openDay;
    public final String cardLastFour;
    public final double interestRate;
    public final long creditLimitCents;
    public final long overdraftCents;
    public final boolean autopay;
    public final boolean overdraftProtection;
    public final boolean primary;
    // loans
    public final long principalCents;
    public final int termMonths;
    public final long paymentCents;

    public long balanceCents;
    public long closeDay = Long.MAX_VALUE;
    public long lastActivityDay = Long.MIN_VALUE;
    public long frozenSinceDay = Long.MIN_VALUE;
    /** Loan: principal outstanding (cents) and number of the next scheduled payment (1-based). */
    public long outstandingCents;
    public int nextPaymentNo = 1;
    /** Ring of the last 16 transaction times (epoch seconds) for velocity_24h (so it counts up to 16). */
    public final long[] recent = new long[16];
    public int recentCount;

    public AccountState(int index, String id, int customer, int product, String accountNumber, long openDay, String cardLastFour,
                        double interestRate, long creditLimitCents, long overdraftCents, boolean autopay,
                        boolean overdraftProtection, boolean primary, long principalCents, int termMonths, long paymentCents) {
        this.index = index;
        this.id = id;
        this.customer = customer;
        this.product = product;
        this.accountNumber = accountNumber;
        this.openDay = openDay;
        this.cardLastFour = cardLastFour;
        this.interestRate = interestRate;
        this.creditLimitCents = creditLimitCents;
        this.overdraftCents = overdraftCents;
        this.autopay = autopay;
        this.overdraftProtection = overdraftProtection;
        this.primary = primary;
        this.principalCents = principalCents;
        this.termMonths = termMonths;
        this.paymentCents = paymentCents;
    }

    public AccountState copy() {
        AccountState a = new AccountState(index, id, customer, product, accountNumber, openDay, cardLastFour, interestRate,
                creditLimitCents, overdraftCents, autopay, overdraftProtection, primary, principalCents, termMonths, paymentCents);
        a.balanceCents = balanceCents;
        a.closeDay = closeDay;
        a.lastActivityDay = lastActivityDay;
        a.frozenSinceDay = frozenSinceDay;
        a.outstandingCents = outstandingCents;
        a.nextPaymentNo = nextPaymentNo;
        System.arraycopy(recent, 0, a.recent, 0, recent.length);
        a.recentCount = recentCount;
        return a;
    }

    /** Open on {@code day}: opened on or before it and not closed yet. */
    public boolean openOn(long day) {
        return day >= openDay && day < closeDay;
    }

    /** Transactions of this account in (t - 24 h, t), then records t. */
    public int velocityAndRecord(long epochSecond) {
        int n = 0;
        int size = Math.min(recentCount, recent.length);
        for (int i = 0; i < size; i++) {
            long s = recent[(recentCount - 1 - i) % recent.length];
            if (epochSecond - s < 86_400) {
                n++;
            } else {
                break;
            }
        }
        recent[recentCount % recent.length] = epochSecond;
        recentCount++;
        return n;
    }
}
