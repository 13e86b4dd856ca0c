package dev.fap.generator.internal;

import static dev.fap.generator.internal.Catalog.CHECKING;

import dev.fap.generator.internal.ReferenceData.City;
import dev.fap.generator.rows.CustomerChange;
import dev.fap.generator.rows.CustomerInteraction;
import dev.fap.generator.rows.FraudAlert;
import dev.fap.generator.rows.LoanPayment;
import dev.fap.generator.rows.Merchant;
import dev.fap.generator.rows.Transaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Simulates one customer through one {@link Window}: attribute changes, transactions (with
 * balances, declines, fraud), fraud alerts, service interactions and loan payments. Pure function of
 * (seed, customer, window) plus the customer's carried state; runs on any thread.
 */
final class CustomerSimulator {
    private static final String[] TYPES = {"Purchase", "ATM", "Deposit", "Transfer", "Payment", "Fee", "Refund"};
    private static final double[] TYPE_W = {0.70, 0.07, 0.10, 0.04, 0.04, 0.03, 0.02};
    private static final int PURCHASE = 0;
    private static final int ATM = 1;
    private static final int DEPOSIT = 2;
    private static final int TRANSFER = 3;
    private static final int PAYMENT = 4;
    private static final int FEE = 5;
    private static final int REFUND = 6;
    /** Category preferences by life stage (rows) over Catalog.CATEGORIES (columns). */
    private static final double[][] CATEGORY_W = {
            {0.18, 0.24, 0.09, 0.13, 0.10, 0.02, 0.04, 0.03, 0.16, 0.05},
            {0.27, 0.15, 0.11, 0.14, 0.06, 0.05, 0.07, 0.03, 0.12, 0.05},
            {0.22, 0.17, 0.10, 0.13, 0.05, 0.06, 0.07, 0.05, 0.10, 0.05},
            {0.23, 0.16, 0.10, 0.12, 0.04, 0.09, 0.07, 0.06, 0.08, 0.05},
            {0.25, 0.14, 0.08, 0.10, 0.03, 0.14, 0.08, 0.07, 0.05, 0.06}};
    private static final AliasTable HOUR_ALIAS = new AliasTable(Planted.HOUR);
    private static final double[] TYPE_CUM = cumulative(TYPE_W);
    private static final double[][] CATEGORY_CUM = java.util.Arrays.stream(CATEGORY_W).map(CustomerSimulator::cumulative)
            .toArray(double[][]::new);
    private static final String[] ALERT_TYPES = {"Night Activity", "Velocity", "Unusual Amount", "Geographic", "Merchant Risk"};
    private static final String[] ANALYSTS = {"FA01", "FA02", "FA03", "FA04", "FA05", "FA06", "FA07", "FA08"};
    private static final String[] DEPOSIT_CHANNELS = {"Mobile", "Mobile", "Branch", "ATM", "Online"};
    private static final String[] MANUAL_PAYMENT_METHODS = {"Online", "Online", "Branch", "Check"};
    private static final String[] SENIOR_CONTACT_TYPES = {"Phone", "Phone", "Branch Visit", "Branch Visit", "Email"};
    private static final String[] CONTACT_TYPES = {"Phone", "Chat", "Chat", "Email", "Branch Visit", "Phone"};
    private static final String[] ROUTINE_REASONS = {"Account Inquiry", "Product Information", "Technical Support", "Loan Inquiry",
            "Card Activation"};
    /** Draws of the bank's score for transactions without card risk: logistic(-5 + N(0, 0.7)). */
    private static final double[] ROUTINE_SCORES = table(4096, 101, r -> Math.round(Rng.logistic(-5.0 + r.normal(0, 0.7)) * 10_000) / 10_000.0);
    /** Draws of the authorisation latency factor: lognormal(0, 0.35). */
    private static final double[] LATENCY_FACTORS = table(4096, 102, r -> r.lognormal(0, 0.35));
    private static final char[] AUTH = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".toCharArray();

    private final World w;
    private final Window win;
    private final double[] dayCum;
    private final AliasTable dayAlias;
    private final double[] macro;
    private final long startDay;
    /** P(fraud) for each of the 64 combinations of the six fraud indicators (bit 0 night ... bit 5 risky merchant). */
    private final double[] fraudProbability;
    private final double invalidCardPurchase;
    private final double invalidCardDebit;

    CustomerSimulator(World w, Window win, double[] dayCum, double[] macro) {
        this.w = w;
        this.fraudProbability = w.calibration.fraudProbabilities();
        this.invalidCardPurchase = w.calibration.invalidCardPurchase();
        this.invalidCardDebit = w.calibration.invalidCardDebit();
        this.win = win;
        this.dayCum = dayCum;
        double[] dayWeight = new double[dayCum.length];
        for (int i = 0; i < dayWeight.length; i++) {
            dayWeight[i] = dayCum[i] - (i == 0 ? 0 : dayCum[i - 1]);
        }
        this.dayAlias = new AliasTable(dayWeight);
        this.macro = macro;
        this.startDay = w.spec.startDate().toEpochDay();
    }

    /** Day-of-window weights (weekday x month rhythm), cumulative, index d - fromDay. */
    static double[] dayWeights(Window win) {
        double[] c = new double[win.days()];
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            LocalDate d = LocalDate.ofEpochDay(win.fromDay() + i);
            s += Planted.WEEKDAY[d.getDayOfWeek().getValue() - 1] * Planted.MONTH[d.getMonthValue() - 1];
            c[i] = s;
        }
        return c;
    }

    /** Purchase-amount multiplier per window day from lagged unemployment. */
    static double[] macroMultipliers(World w, Window win) {
        double[] m = new double[win.days()];
        YearMonth cached = null;
        double f = 1;
        for (int i = 0; i < m.length; i++) {
            YearMonth ym = YearMonth.from(LocalDate.ofEpochDay(win.fromDay() + i));
            if (!ym.equals(cached)) {
                cached = ym;
                double u = w.economy.unemployment(ym.minusMonths(Planted.UNEMPLOYMENT_LAG_MONTHS));
                f = StrictMath.exp(Planted.UNEMPLOYMENT_SEMI_ELASTICITY * (u - Planted.UNEMPLOYMENT_REF));
            }
            m[i] = f;
        }
        return m;
    }

    /** Sum of day weights over the customer's active days in the window (0 if none). */
    double exposure(CustomerProfile p) {
        long a = Math.max(win.fromDay(), p.signupDay);
        long b = Math.min(win.toDay(), p.churnDay - 1);
        if (a > b) {
            return 0;
        }
        int ia = (int) (a - win.fromDay());
        int ib = (int) (b - win.fromDay());
        return dayCum[ib] - (ia == 0 ? 0 : dayCum[ia - 1]);
    }

    void simulate(CustomerProfile p, int n, long firstTxNumber, ChunkOutput out) {
        ChangeTimeline tl = ChangeTimeline.build(w, p, win.toDay());
        for (CustomerChange c : tl.changes) {
            if (win.contains(c.changeDate().toEpochDay())) {
                out.changes.add(c);
            }
        }
        List<CustomerInteraction> interactions = new ArrayList<>();
        Rng ir = Rng.of(w.spec.seed(), Streams.INTERACTIONS, p.index, win.batch());
        for (CustomerChange c : tl.changes) {
            if (c.attribute().equals("address") && win.contains(c.changeDate().toEpochDay()) && ir.chance(0.5)) {
                interaction(p, ir, c.changeDate().toEpochDay() * 86_400 - 86_400 * 2 + ir.nextInt(86_400), "Address Change", false, interactions);
            }
        }
        if (n > 0) {
            transactions(p, n, firstTxNumber, tl, ir, out, interactions);
        }
        loanPayments(p, ir, out, interactions);
        baselineInteractions(p, ir, interactions);
        interactions.sort((a, b) -> a.interactionDate().compareTo(b.interactionDate()));
        out.interactions.addAll(interactions);
    }

    private void transactions(CustomerProfile p, int n, long firstTxNumber, ChangeTimeline tl, Rng ir, ChunkOutput out,
                              List<CustomerInteraction> interactions) {
        Rng r = Rng.of(w.spec.seed(), Streams.ACTIVITY, p.index, win.batch());
        long a = Math.max(win.fromDay(), p.signupDay);
        long b = Math.min(win.toDay(), p.churnDay - 1);
        int ia = (int) (a - win.fromDay());
        int ib = (int) (b - win.fromDay());
        double lo = ia == 0 ? 0 : dayCum[ia - 1];
        double hi = dayCum[ib];
        long[] t = new long[n];
        // active for most of the window: O(1) alias draws, rejecting days outside the active span
        boolean alias = hi - lo > 0.6 * dayCum[dayCum.length - 1];
        for (int k = 0; k < n; k++) {
            int d;
            if (alias) {
                do {
                    d = dayAlias.sample(r);
                } while (d < ia || d > ib);
            } else {
                double u = lo + (hi - lo) * r.nextDouble();
                d = Arrays.binarySearch(dayCum, ia, ib + 1, u);
                d = d >= 0 ? d : -d - 1;
                d = Math.min(Math.max(d, ia), ib);
            }
            int hour = HOUR_ALIAS.sample(r);
            t[k] = (win.fromDay() + d) * 86_400 + hour * 3600L + r.nextInt(3600);
        }
        Arrays.sort(t);
        long lastSec = b * 86_400 + 86_399;
        boolean moved = false;
        // bursts: a few transactions within an hour or two (shopping trips, card testing)
        for (int k = 0; k < n - 1; k++) {
            if (r.chance(0.10)) {
                int len = 1 + r.nextInt(3);
                for (int j = 1; j <= len && k + j < n; j++) {
                    long c = t[k + j - 1] + 60 + (long) r.exponential(1800);
                    if (c <= lastSec) {
                        t[k + j] = c;
                        moved = true;
                    }
                }
                k += len;
            }
        }
        if (moved) {
            Arrays.sort(t);
        }
        AccountState checking = w.accounts.get(p.accounts[0]);
        double mu = 60 * p.ticketFactor;
        double depositBase = (0.83 * mu + 15) / 0.10;
        for (int k = 0; k < n; k++) {
            long sec = t[k];
            long day = Math.floorDiv(sec, 86_400);
            int h = tl.homeOn(day);
            City homeCity = w.locale.cities[tl.homeCity[h]];
            double homeLat = tl.homeLat[h];
            double homeLon = tl.homeLon[h];
            AccountState card = null;
            AccountState savings = null;
            for (int ai : p.accounts) {
                AccountState acc = w.accounts.get(ai);
                if (!acc.openOn(day)) {
                    continue;
                }
                if (card == null && Catalog.isCard(acc.product)) {
                    card = acc;
                } else if (savings == null && (acc.product == Catalog.SAVINGS || acc.product == Catalog.MONEY_MARKET)) {
                    savings = acc;
                }
            }
            int type = r.pickCumulative(TYPE_CUM);
            if (checking.lastActivityDay == Long.MIN_VALUE && checking.balanceCents == 0) {
                type = DEPOSIT;
            }
            if (type == PAYMENT && (card == null || card.balanceCents > -1000)) {
                type = PURCHASE;
            }
            if (type == REFUND && (p.lastPurchaseMerchant < 0 || !w.accounts.get(p.lastPurchaseAccount).openOn(day))) {
                type = PURCHASE;
            }
            String id = txId(firstTxNumber + k);
            LocalDateTime ts = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
            int dow = ts.getDayOfWeek().getValue();
            int hour = ts.getHour();
            Transaction tx;
            switch (type) {
                case PURCHASE -> tx = purchase(p, r, id, ts, sec, day, dow, hour, tl.homeCity[h], homeLat, homeLon, checking, card, mu, out);
                case REFUND -> {
                    AccountState acc = w.accounts.get(p.lastPurchaseAccount);
                    Merchant m = w.merchants.get(p.lastPurchaseMerchant);
                    long cents = Math.max(100, Math.round(p.lastPurchaseCents * r.uniform(0.3, 1.0)));
                    tx = simple(p, r, id, ts, sec, day, dow, hour, acc, "Refund", cents, m.isOnline() ? "Online" : "POS",
                            p.lastPurchaseMerchant, w.refundText[p.lastPurchaseMerchant], homeCity, homeLat, homeLon);
                    p.lastPurchaseMerchant = -1;
                }
                case ATM -> {
                    long cents = 2000L * r.between(1, 20);
                    tx = debit(p, r, id, ts, sec, day, dow, hour, checking, "ATM", cents, "ATM",
                            w.locale.atmTexts[tl.homeCity[h]], homeCity, homeLat, homeLon);
                }
                case DEPOSIT -> {
                    AccountState acc = savings != null && r.chance(0.2) ? savings : checking;
                    double target = 2 * depositBase;
                    double amount = Math.max(0.3 * depositBase, depositBase + 0.5 * (target - acc.balanceCents / 100.0)) * r.lognormal(0, 0.2);
                    boolean payroll = acc == checking && r.chance(0.6);
                    String ch = payroll ? "Online" : r.pick(DEPOSIT_CHANNELS);
                    String text = payroll ? "PAYROLL DEPOSIT" : acc != checking ? "TRANSFER FROM CHECKING" : switch (ch) {
                        case "Mobile" -> "MOBILE CHECK DEPOSIT";
                        case "Branch" -> "BRANCH DEPOSIT";
                        case "ATM" -> "ATM DEPOSIT";
                        default -> "ONLINE TRANSFER IN";
                    };
                    tx = simple(p, r, id, ts, sec, day, dow, hour, acc, "Deposit", Math.round(amount * 100), ch, -1, text,
                            homeCity, homeLat, homeLon);
                }
                case TRANSFER -> {
                    long cents = Math.round(mu * r.lognormal(1.0, 0.6) * 100);
                    tx = debit(p, r, id, ts, sec, day, dow, hour, checking, "Transfer", cents, r.chance(0.6) ? "Mobile" : "Online",
                            "TRANSFER TO EXTERNAL ACCOUNT", homeCity, homeLat, homeLon);
                }
                case PAYMENT -> {
                    long owed = -card.balanceCents;
                    long cents = r.chance(0.6) ? owed : Math.max(2500, Math.round(owed * r.uniform(0.2, 0.6)));
                    tx = simple(p, r, id, ts, sec, day, dow, hour, card, "Payment", Math.min(owed, cents),
                            r.chance(0.5) ? "Online" : "Mobile", -1, "CARD PAYMENT - THANK YOU", homeCity, homeLat, homeLon);
                }
                default -> {
                    boolean overdrawn = checking.balanceCents < 0;
                    long cents = overdrawn ? 3500 : Math.round(Catalog.PRODUCTS.get(checking.product).monthlyFee() * 100);
                    tx = simple(p, r, id, ts, sec, day, dow, hour, checking, "Fee", -cents, "Online", -1,
                            overdrawn ? "OVERDRAFT FEE" : "MONTHLY MAINTENANCE FEE", homeCity, homeLat, homeLon);
                    if (ir.chance(0.12)) {
                        interaction(p, ir, sec + (long) ir.exponential(1.5 * 86_400), "Fee Dispute", true, interactions);
                    }
                }
            }
            out.transactions.add(tx);
            out.stats.transactions++;
            if (type == ATM || type == TRANSFER) {
                out.stats.debits++;
            }
            if (tx.declineReason() != null) {
                out.stats.declines++;
                if ("Invalid Card".equals(tx.declineReason())) {
                    out.stats.invalidCardDeclines++;
                }
                if (ir.chance(0.25)) {
                    interaction(p, ir, sec + (long) ir.exponential(0.5 * 86_400), "Card Declined", true, interactions);
                }
            }
            if (tx.isFraud()) {
                out.stats.frauds++;
                if (tx.declineReason() == null && ir.chance(0.7)) {
                    interaction(p, ir, sec + (long) ir.exponential(2 * 86_400), "Fraud Concern", true, interactions);
                }
            }
            if (tx.fraudScore() >= 0.5) {
                alert(p, r, tx, sec, out);
            }
        }
    }

    private Transaction purchase(CustomerProfile p, Rng r, String id, LocalDateTime ts, long sec, long day, int dow, int hour,
                                 int homeCityIndex, double homeLat, double homeLon, AccountState checking, AccountState card,
                                 double mu, ChunkOutput out) {
        City homeCity = w.locale.cities[homeCityIndex];
        int cat = r.pickCumulative(CATEGORY_CUM[p.lifeStageIndex]);
        int[] local = w.byCategoryCity[cat][homeCityIndex];
        boolean shopsLocally = r.chance(0.95);
        int m = shopsLocally && local.length > 0 ? local[r.nextInt(local.length)]
                : w.byCategory[cat][r.nextInt(w.byCategory[cat].length)];
        Merchant merchant = w.merchants.get(m);
        Catalog.Category category = Catalog.CATEGORIES[cat];
        boolean online = merchant.isOnline();
        // a chain without a merchant row in the home city: the purchase happens at its local outlet
        boolean outlet = !online && shopsLocally && local.length == 0;
        String channel = online ? (r.chance(0.7) ? "Online" : "Mobile") : "POS";
        double lat;
        double lon;
        String city;
        String state;
        String country;
        if (online || outlet) {
            double spread = online ? 0.02 : 0.08;
            lat = WorldBuilder.round6(homeLat + r.uniform(-spread, spread));
            lon = WorldBuilder.round6(homeLon + r.uniform(-spread, spread));
            city = homeCity.name();
            state = homeCity.state();
            country = w.locale.countryCode;
        } else {
            lat = merchant.latitude();
            lon = merchant.longitude();
            city = merchant.city();
            state = merchant.state();
            country = merchant.country();
        }
        double distance = Math.round((online || outlet ? ReferenceData.nearDistanceKm(homeLat, homeLon, lat, lon)
                : ReferenceData.distanceKm(homeLat, homeLon, lat, lon)) * 10) / 10.0;
        double z = r.gaussian() + (r.chance(0.02) ? 2.5 : 0);
        double zRounded = Math.round(z * 10_000) / 10_000.0;
        int di = (int) (day - win.fromDay());
        double merchantFactor = merchant.avgTransactionAmount() / (category.medianTicket() * StrictMath.exp(category.sigma() * category.sigma() / 2));
        boolean upliftWindow = p.treated && day >= p.contactDay && day < p.contactDay + Planted.UPLIFT_DAYS;
        double base = category.medianTicket() * p.ticketFactor * merchantFactor * macro[di] * StrictMath.exp(category.sigma() * z);
        long cents = Math.max(50, Math.round(base * (upliftWindow ? 1 + Planted.CAMPAIGN_UPLIFT : 1) * 100));
        AccountState acc = card != null && r.chance(0.55) ? card : checking;
        if (p.lastPurchaseAccount >= 0 && sec - p.lastPurchaseSecond < 6 * 3600 && r.chance(0.8)) {
            AccountState same = w.accounts.get(p.lastPurchaseAccount);
            if (same.openOn(day)) {
                acc = same; // the same card again within a shopping trip
            }
        }
        int velocity = acc.velocityAndRecord(sec);
        double risk = w.merchantRisk[m];
        boolean night = hour <= Planted.NIGHT_LAST_HOUR;
        boolean onlineChannel = "Online".equals(channel);
        boolean high = zRounded >= Planted.HIGH_AMOUNT_Z;
        boolean fast = velocity >= Planted.VELOCITY_THRESHOLD;
        boolean far = distance >= Planted.FAR_KM;
        boolean risky = risk >= Planted.RISKY_MERCHANT_SCORE;
        double signal = (night ? Planted.FRAUD_NIGHT : 0) + (onlineChannel ? Planted.FRAUD_ONLINE : 0)
                + (high ? Planted.FRAUD_HIGH_AMOUNT : 0) + (fast ? Planted.FRAUD_VELOCITY : 0) + (far ? Planted.FRAUD_FAR : 0)
                + (risky ? Planted.FRAUD_RISKY_MERCHANT : 0);
        int pattern = (night ? 1 : 0) | (onlineChannel ? 2 : 0) | (high ? 4 : 0) | (fast ? 8 : 0) | (far ? 16 : 0) | (risky ? 32 : 0);
        boolean fraud = r.chance(fraudProbability[pattern]);
        out.stats.fraudPatterns[pattern]++;
        double score = Math.round(Rng.logistic(-4.0 + 0.8 * signal + (fraud ? 3.8 : 0) + r.normal(0, 1.2)) * 10_000) / 10_000.0;
        String decline = null;
        if (r.chance(invalidCardPurchase)) {
            decline = "Invalid Card";
        } else if (score >= 0.9 && r.chance(0.75)) {
            decline = "Fraud Suspected";
        } else if (insufficient(acc, cents)) {
            decline = "Insufficient Funds";
        }
        if (decline == null) {
            acc.balanceCents -= cents;
            p.lastPurchaseMerchant = m;
            p.lastPurchaseCents = cents;
            p.lastPurchaseAccount = acc.index;
            p.lastPurchaseSecond = sec;
            if (upliftWindow) {
                out.stats.upliftCents += Math.round(cents * Planted.CAMPAIGN_UPLIFT / (1 + Planted.CAMPAIGN_UPLIFT));
                out.stats.upliftPurchases++;
            }
        }
        acc.lastActivityDay = day;
        out.stats.purchases++;
        if (fraud) {
            out.stats.purchaseFrauds++;
        }
        String description = online ? w.onlineText[m] : w.posText[m];
        return new Transaction(id, acc.id, p.id(), merchant.merchantId(), ts, "Purchase", -cents / 100.0, w.locale.currency, channel,
                category.name(), category.mcc(), description, fraud, score, city, state, country, lat, lon,
                online ? p.deviceId : null, online ? p.ipAddress : null, !w.locale.countryCode.equals(country), decline == null ? auth(r) : null,
                acc.cardLastFour, r.chance(category.recurringShare()), hour, dow, dow >= 6, distance, risk, velocity, zRounded,
                processing(r, online, decline != null), decline);
    }

    private static boolean insufficient(AccountState acc, long cents) {
        if (Catalog.isCard(acc.product)) {
            return -acc.balanceCents + cents > acc.creditLimitCents;
        }
        return acc.balanceCents - cents < -acc.overdraftCents;
    }

    /** A debit from checking that may fail for insufficient funds. */
    private Transaction debit(CustomerProfile p, Rng r, String id, LocalDateTime ts, long sec, long day, int dow, int hour,
                              AccountState acc, String type, long cents, String channel, String description, City homeCity,
                              double homeLat, double homeLon) {
        String decline = r.chance(invalidCardDebit) ? "Invalid Card" : insufficient(acc, cents) ? "Insufficient Funds" : null;
        return post(p, r, id, ts, sec, day, dow, hour, acc, type, -cents, channel, -1, description, homeCity, homeLat, homeLon, decline);
    }

    /** A transaction that always posts (credits and fees). */
    private Transaction simple(CustomerProfile p, Rng r, String id, LocalDateTime ts, long sec, long day, int dow, int hour,
                               AccountState acc, String type, long signedCents, String channel, int merchant, String description,
                               City homeCity, double homeLat, double homeLon) {
        return post(p, r, id, ts, sec, day, dow, hour, acc, type, signedCents, channel, merchant, description, homeCity, homeLat,
                homeLon, null);
    }

    private Transaction post(CustomerProfile p, Rng r, String id, LocalDateTime ts, long sec, long day, int dow, int hour,
                             AccountState acc, String type, long signedCents, String channel, int merchant, String description,
                             City homeCity, double homeLat, double homeLon, String decline) {
        if (decline == null) {
            acc.balanceCents += signedCents;
        }
        acc.lastActivityDay = day;
        int velocity = acc.velocityAndRecord(sec);
        Merchant m = merchant >= 0 ? w.merchants.get(merchant) : null;
        boolean digital = ("Online".equals(channel) || "Mobile".equals(channel)) && !"Fee".equals(type)
                && !description.startsWith("PAYROLL");
        double lat = WorldBuilder.round6(homeLat + r.uniform(-0.02, 0.02));
        double lon = WorldBuilder.round6(homeLon + r.uniform(-0.02, 0.02));
        double distance = Math.round(ReferenceData.nearDistanceKm(homeLat, homeLon, lat, lon) * 10) / 10.0;
        double score = ROUTINE_SCORES[r.nextInt(ROUTINE_SCORES.length)];
        return new Transaction(id, acc.id, p.id(), m == null ? null : m.merchantId(), ts, type, signedCents / 100.0, w.locale.currency, channel,
                m == null ? null : m.category(), m == null ? null : m.mccCode(), description, false, score, homeCity.name(),
                homeCity.state(), w.locale.countryCode, lat, lon, digital ? p.deviceId : null, digital ? p.ipAddress : null, false,
                decline == null ? auth(r) : null, acc.cardLastFour, "Fee".equals(type) && !description.startsWith("OVERDRAFT")
                        || "Deposit".equals(type) && description.startsWith("PAYROLL"), hour, dow, dow >= 6, distance,
                m == null ? null : w.merchantRisk[merchant], velocity, 0.0, processing(r, digital, decline != null), decline);
    }

    private void alert(CustomerProfile p, Rng r, Transaction tx, long sec, ChunkOutput out) {
        long alertSec = Math.min(win.lastSecond(), sec + 30 + (long) r.exponential(1200));
        long alertDay = Math.floorDiv(alertSec, 86_400);
        double[] strength = {tx.hourOfDay() <= Planted.NIGHT_LAST_HOUR ? Planted.FRAUD_NIGHT : 0,
                tx.velocity24h() >= Planted.VELOCITY_THRESHOLD ? Planted.FRAUD_VELOCITY : 0,
                tx.amountDeviationScore() >= Planted.HIGH_AMOUNT_Z ? Planted.FRAUD_HIGH_AMOUNT : 0,
                tx.distanceFromHomeKm() != null && tx.distanceFromHomeKm() >= Planted.FAR_KM ? Planted.FRAUD_FAR : 0,
                tx.merchantRiskScore() != null && tx.merchantRiskScore() >= Planted.RISKY_MERCHANT_SCORE ? Planted.FRAUD_RISKY_MERCHANT : 0};
        int best = 2;
        for (int i = 0; i < strength.length; i++) {
            if (strength[i] > strength[best]) {
                best = i;
            }
        }
        double s = tx.fraudScore();
        String severity = s >= 0.9 ? "Critical" : s >= 0.75 ? "High" : s >= 0.6 ? "Medium" : "Low";
        long age = win.toDay() - alertDay;
        String status;
        LocalDate resolved = null;
        double recovered = 0;
        if (age < 3) {
            status = "Open";
        } else if (age < 10 && r.chance(0.6)) {
            status = "Investigating";
        } else {
            status = tx.isFraud() ? "Confirmed Fraud" : "False Positive";
            resolved = LocalDate.ofEpochDay(Math.min(win.toDay(), alertDay + 1 + r.nextInt(Math.max(1, (int) Math.min(age, 14)))));
            if (tx.isFraud() && tx.declineReason() == null) {
                recovered = Math.round(Math.abs(tx.amount()) * r.uniform(0.0, 1.0) * 100) / 100.0;
            }
        }
        String note = tx.isFraud() ? (tx.declineReason() == null ? "customer confirmed the charge was not theirs" : "blocked at authorisation")
                : "activity confirmed by customer";
        out.alerts.add(new FraudAlert(null, tx.transactionId(), p.id(), tx.accountId(),
                LocalDateTime.ofEpochSecond(alertSec, 0, ZoneOffset.UTC), ALERT_TYPES[best], severity,
                "Open".equals(status) || "Investigating".equals(status) ? status : status, resolved, recovered,
                ANALYSTS[r.nextInt(ANALYSTS.length)], "Open".equals(status) ? null : note));
        out.stats.alerts++;
        if (tx.isFraud()) {
            out.stats.alertsOnFraud++;
        }
    }

    private void loanPayments(CustomerProfile p, Rng ir, ChunkOutput out, List<CustomerInteraction> interactions) {
        for (int ai : p.accounts) {
            AccountState acc = w.accounts.get(ai);
            if (!Catalog.isLoan(acc.product)) {
                continue;
            }
            LocalDate open = LocalDate.ofEpochDay(acc.openDay);
            while (acc.outstandingCents > 0 && acc.nextPaymentNo <= acc.termMonths + 24) {
                long due = open.plusMonths(acc.nextPaymentNo).toEpochDay();
                if (due > win.toDay()) {
                    break;
                }
                if (due >= p.churnDay) {
                    // the customer leaves: the loan is paid off (refinanced elsewhere) on the churn day
                    if (p.churnDay >= win.fromDay() && p.churnDay <= win.toDay()) {
                        long payoff = acc.outstandingCents;
                        out.payments.add(new LoanPayment(null, acc.id, p.id(), LocalDate.ofEpochDay(p.churnDay),
                                LocalDate.ofEpochDay(p.churnDay), payoff / 100.0, payoff / 100.0, false, 0, 0, "Online", 0));
                        acc.outstandingCents = 0;
                        acc.balanceCents = 0;
                        out.stats.payments++;
                    }
                    break;
                }
                Rng r = Rng.of(w.spec.seed(), Streams.LOAN, ai, acc.nextPaymentNo);
                long interest = Math.round(acc.outstandingCents * acc.interestRate / 1200);
                long scheduled = Math.min(acc.paymentCents, acc.outstandingCents + interest);
                double u = w.economy.unemployment(YearMonth.from(LocalDate.ofEpochDay(due)));
                double pLate = Rng.logistic(Planted.LATE_INTERCEPT + Planted.LATE_SCORE * (700 - p.row.creditScore()) / 100.0
                        + Planted.LATE_UNEMPLOYMENT * (u - 4.0));
                boolean late = r.chance(pLate);
                boolean missed = late && r.chance(Planted.MISSED_SHARE_OF_LATE);
                int daysLate = late ? (missed ? (int) Math.min(30, win.toDay() - due) : 1 + Math.min(28, (int) r.exponential(8))) : 0;
                if (late && !missed && due + daysLate > win.toDay()) {
                    missed = true;
                    daysLate = (int) (win.toDay() - due);
                }
                acc.nextPaymentNo++;
                if (!win.contains(due)) {
                    // history before the data (only when an account predates a batch): keep it on schedule
                    acc.outstandingCents = Math.max(0, acc.outstandingCents + interest - scheduled);
                    acc.balanceCents = -acc.outstandingCents;
                    continue;
                }
                double fee = late ? Math.min(40, Math.max(15, Math.round(scheduled * 0.05) / 100.0)) : 0;
                long paid = missed ? 0 : scheduled;
                acc.outstandingCents = Math.max(0, acc.outstandingCents + interest - paid);
                acc.balanceCents = -acc.outstandingCents;
                String method = acc.autopay && !late ? "Autopay" : r.pick(MANUAL_PAYMENT_METHODS);
                out.payments.add(new LoanPayment(null, acc.id, p.id(), LocalDate.ofEpochDay(due),
                        missed ? null : LocalDate.ofEpochDay(due + daysLate), scheduled / 100.0, paid / 100.0, late, daysLate, fee,
                        method, acc.outstandingCents / 100.0));
                out.stats.payments++;
                if (late) {
                    out.stats.latePayments++;
                    if (ir.chance(0.3)) {
                        interaction(p, ir, (due + Math.max(1, daysLate)) * 86_400 + 9 * 3600 + ir.nextInt(8 * 3600), "Payment Issue", true,
                                interactions);
                    }
                }
                if (acc.outstandingCents == 0) {
                    acc.closeDay = Math.min(acc.closeDay, due + daysLate + 1);
                }
            }
        }
    }

    private void baselineInteractions(CustomerProfile p, Rng ir, List<CustomerInteraction> interactions) {
        long a = Math.max(win.fromDay(), p.signupDay);
        long b = Math.min(win.toDay(), p.churnDay - 1);
        if (a > b) {
            return;
        }
        double rate = (p.ageAtEnd >= 60 ? 1.5 : 1.0) / 365.25;
        int n = ir.poisson(rate * (b - a + 1));
        for (int i = 0; i < n; i++) {
            long sec = (a + (long) (ir.nextDouble() * (b - a + 1))) * 86_400 + 8 * 3600 + ir.nextInt(12 * 3600);
            interaction(p, ir, sec, ir.pick(ROUTINE_REASONS), false, interactions);
        }
    }

    private void interaction(CustomerProfile p, Rng ir, long sec, String reason, boolean problem, List<CustomerInteraction> out) {
        long lastAllowed = Math.min(win.lastSecond(), (p.churnDay - 1) * 86_400 + 86_399);
        long first = Math.max(win.fromDay(), p.signupDay) * 86_400;
        if (sec > lastAllowed || sec < first) {
            return;
        }
        LocalDateTime ts = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
        String type = p.ageAtEnd >= 60 ? ir.pick(SENIOR_CONTACT_TYPES)
                : ir.pick(CONTACT_TYPES);
        boolean resolved = ir.chance(problem ? 0.65 : 0.85);
        boolean escalated = !resolved && ir.chance(0.35);
        double latent = p.satisfaction + (problem ? -1.0 : 0) + (resolved ? 0 : -0.5) + ir.normal(0, 0.6);
        int rating = (int) Math.max(1, Math.min(5, Math.round(latent)));
        Integer shown = ir.chance(0.2) ? null : rating;
        double sentiment = Math.max(-1, Math.min(1, (latent - 3) / 2 + ir.normal(0, 0.15)));
        double median = switch (type) {
            case "Phone" -> 8;
            case "Chat" -> 12;
            case "Email" -> 4;
            default -> 18;
        };
        int duration = (int) Math.max(1, Math.round(median * ir.lognormal(0, 0.45) + (escalated ? 10 : 0)));
        out.add(new CustomerInteraction(null, p.id(), ts, type, reason, duration, Math.round(sentiment * 10_000) / 10_000.0, shown,
                resolved, escalated, ReferenceData.AGENTS[ir.nextInt(ReferenceData.AGENTS.length)],
                reason.toLowerCase(Locale.ROOT) + (resolved ? ", resolved" : ", follow-up needed")));
    }

    private static int processing(Rng r, boolean digital, boolean declined) {
        double f = LATENCY_FACTORS[r.nextInt(LATENCY_FACTORS.length)];
        return (int) Math.max(20, Math.round((digital ? 240 : 160) * f * (declined ? 0.6 : 1)));
    }

    private static String auth(Rng r) {
        char[] c = new char[6];
        long bits = r.nextLong();
        for (int i = 0; i < 6; i++) {
            c[i] = AUTH[(int) Math.floorMod(bits >>> (i * 10), (long) AUTH.length)];
        }
        return new String(c);
    }

    static String txId(long number) {
        return Ids.id('T', number, 9);
    }

    /** A fixed table of {@code n} draws from a fixed stream: cheap sampling of secondary distributions. */
    private static double[] table(int n, long stream, java.util.function.ToDoubleFunction<Rng> draw) {
        Rng r = Rng.of(0, 0xFA9L, stream);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = draw.applyAsDouble(r);
        }
        return t;
    }

    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }
}
