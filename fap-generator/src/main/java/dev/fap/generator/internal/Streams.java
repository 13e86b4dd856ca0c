package dev.fap.generator.internal;

/** Names of the independent random streams (first element of an {@link Rng#of} path). */
public final class Streams {
    private Streams() {}

    public static final long ECONOMY = 1;
    public static final long MERCHANT = 2;
    public static final long CUSTOMER = 3;
    public static final long ACCOUNTS = 4;
    public static final long CHANGES = 5;
    public static final long CAMPAIGN = 6;
    public static final long ACTIVITY = 7;
    public static final long LOAN = 8;
    public static final long INTERACTIONS = 9;
    public static final long DIRTY = 10;
    public static final long NEW_CUSTOMERS = 11;
}
