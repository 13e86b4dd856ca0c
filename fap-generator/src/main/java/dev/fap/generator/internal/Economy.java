package dev.fap.generator.internal;

import dev.fap.generator.rows.EconomicIndicator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly macro series with plausible dynamics: unemployment follows a hump (a mild recession in
 * the middle of the base period) plus AR(1) noise; GDP growth follows Okun's law; inflation decays
 * towards 2.5 %; the policy rate follows a Taylor rule in 25 bp steps; yields and mortgage rates sit
 * on the policy rate; the S&amp;P 500 is a geometric random walk that falls when unemployment rises;
 * VIX and consumer confidence move against it. Deterministic from the seed; months are generated
 * from a fixed origin so any later batch sees the same history.
 */
public final class Economy {
    /** Months of history before the start date (for lagged effects). */
    public static final int HISTORY_MONTHS = 24;

    private final YearMonth origin;
    private final List<EconomicIndicator> months = new ArrayList<>();
    private final long seed;
    private final YearMonth humpCenter;
    private final double humpWidth;
    private final Rng rng;
    private double uNoise;
    private double inflation = 6.4;
    private double fedFunds = 4.25;
    private double sp500 = 3850;
    private double hpi = 300;
    private double confidenceNoise;

    public Economy(long seed, LocalDate start, LocalDate end) {
        this.seed = seed;
        this.origin = YearMonth.from(start).minusMonths(HISTORY_MONTHS);
        long spanMonths = Math.max(1, ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)));
        this.humpCenter = YearMonth.from(start).plusMonths(spanMonths / 2);
        this.humpWidth = Math.max(2.5, spanMonths / 5.0);
        this.rng = Rng.of(seed, Streams.ECONOMY);
    }

    /** The indicators of the month containing {@code day}. */
    public synchronized EconomicIndicator month(YearMonth ym) {
        int idx = (int) ChronoUnit.MONTHS.between(origin, ym);
        if (idx < 0) {
            idx = 0;
        }
        while (months.size() <= idx) {
            months.add(next(origin.plusMonths(months.size())));
        }
        return months.get(idx);
    }

    /** Unemployment rate (percent) of a month. */
    public double unemployment(YearMonth ym) {
        return month(ym).unemploymentRate();
    }

    /** The months from {@code from} to {@code to} inclusive. */
    public List<EconomicIndicator> range(YearMonth from, YearMonth to) {
        List<EconomicIndicator> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(month(m));
        }
        return out;
    }

    public YearMonth origin() {
        return origin;
    }

    private EconomicIndicator next(YearMonth ym) {
        double dist = ChronoUnit.MONTHS.between(humpCenter, ym) / humpWidth;
        double hump = 2.4 * StrictMath.exp(-0.5 * dist * dist);
        uNoise = 0.75 * uNoise + rng.normal(0, 0.07);
        double u = round2(3.6 + hump + uNoise);
        double uYearAgo = months.size() >= 12 ? months.get(months.size() - 12).unemploymentRate() : 3.6;
        double gdp = 2.3 - 1.6 * (u - uYearAgo) + rng.normal(0, 0.25);
        inflation = 2.5 + (inflation - 2.5) * 0.93 + rng.normal(0, 0.12);
        double taylor = 0.5 + inflation + 0.5 * (inflation - 2.0) - 0.8 * (u - 4.0);
        double target = Math.max(0.25, Math.round(Math.min(taylor, 6.0) * 4) / 4.0);
        if (Math.abs(target - fedFunds) >= 0.25) {
            fedFunds += Math.signum(target - fedFunds) * 0.25;
        }
        double ret = 0.007 - 0.03 * (u - (months.isEmpty() ? u : months.get(months.size() - 1).unemploymentRate()))
                + rng.normal(0, 0.04);
        sp500 *= StrictMath.exp(ret);
        double vix = Math.max(9, 15 + 2.2 * (u - 4.0) - 120 * Math.min(0, ret) + rng.normal(0, 1.5));
        confidenceNoise = 0.6 * confidenceNoise + rng.normal(0, 1.5);
        double confidence = 102 - 7 * (u - 4.0) - 1.5 * (inflation - 2.5) + confidenceNoise;
        double treasury = 1.6 + 0.55 * fedFunds + 0.2 * (inflation - 2.5) + rng.normal(0, 0.1);
        double mortgage = treasury + 1.75 + rng.normal(0, 0.05);
        hpi *= 1 + (0.006 - 0.0008 * (mortgage - 5.0) + rng.normal(0, 0.002));
        return new EconomicIndicator(ym.atDay(1), round4(gdp), u, round4(inflation), fedFunds, round4(sp500),
                round4(vix), round4(confidence), round4(hpi), round4(treasury), round4(mortgage));
    }

    /** The seed this economy was built from. */
    public long seed() {
        return seed;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
