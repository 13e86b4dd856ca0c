package dev.fap.generator.internal;

import dev.fap.generator.internal.ReferenceData.City;
import dev.fap.generator.rows.CustomerChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's dated attribute changes from the start of the data (or signup) up to a horizon:
 * moves (address, city, state, zip_code), income changes (and the segment they imply), loyalty-tier
 * upgrades at tenure anniversaries, and the churn itself ({@code is_active}). Each process draws
 * from its own stream, so the events up to any day are the same whatever the horizon: batches
 * extend the same history.
 */
final class ChangeTimeline {
    /** Changes in date order, ids not yet assigned. */
    final List<CustomerChange> changes = new ArrayList<>();
    /** Home segments: from day homeFrom[i], the customer lives at homeCity[i] (lat, lon). */
    final long[] homeFrom;
    final int[] homeCity;
    final double[] homeLat;
    final double[] homeLon;

    private ChangeTimeline(long[] homeFrom, int[] homeCity, double[] homeLat, double[] homeLon) {
        this.homeFrom = homeFrom;
        this.homeCity = homeCity;
        this.homeLat = homeLat;
        this.homeLon = homeLon;
    }

    /** Index of the home segment in effect on {@code day}. */
    int homeOn(long day) {
        int h = 0;
        while (h + 1 < homeFrom.length && homeFrom[h + 1] <= day) {
            h++;
        }
        return h;
    }

    static ChangeTimeline build(World w, CustomerProfile p, long horizonDay) {
        long seed = w.spec.seed();
        long begin = Math.max(w.spec.startDate().toEpochDay(), p.signupDay) + 1;
        long end = Math.min(horizonDay, p.churnDay - 1);
        record Event(long day, int order, String attribute, String value) {}
        List<Event> events = new ArrayList<>();
        List<long[]> moves = new ArrayList<>();
        // moves: Poisson process, young people move more
        Rng mr = Rng.of(seed, Streams.CHANGES, p.index, 1);
        double moveRate = (p.ageAtEnd < 35 ? 0.14 : p.ageAtEnd < 60 ? 0.07 : 0.04) / 365.25;
        List<Integer> moveCities = new ArrayList<>();
        List<double[]> moveCoords = new ArrayList<>();
        LocaleProfile locale = w.locale;
        for (long d = begin + (long) mr.exponential(1 / moveRate); d <= end; d += 1 + (long) mr.exponential(1 / moveRate)) {
            int city = mr.pickCumulative(locale.cityCumulative);
            City ct = locale.cities[city];
            String address = locale.address(mr);
            String zip = locale.postalCode(city, mr);
            events.add(new Event(d, 0, "address", address));
            events.add(new Event(d, 1, "city", ct.name()));
            events.add(new Event(d, 2, "state", ct.state()));
            events.add(new Event(d, 3, "zip_code", zip));
            moves.add(new long[] {d});
            moveCities.add(city);
            moveCoords.add(new double[] {WorldBuilder.round6(ct.lat() + mr.normal(0, 0.05)), WorldBuilder.round6(ct.lon() + mr.normal(0, 0.05))});
        }
        // income changes (raises, cuts) and the segment they imply
        Rng ir = Rng.of(seed, Streams.CHANGES, p.index, 2);
        String emp = p.row.employmentStatus();
        boolean working = "Employed".equals(emp) || "Self-Employed".equals(emp);
        double incomeRate = (working ? 0.5 : 0.1) / 365.25;
        double income = p.row.annualIncome();
        for (long d = begin + (long) ir.exponential(1 / incomeRate); d <= end; d += 1 + (long) ir.exponential(1 / incomeRate)) {
            double next = Math.max(6_000, Math.round(income * StrictMath.exp(ir.normal(working ? 0.03 : 0.0, 0.07)) / 100) * 100.0);
            if (next != income) {
                events.add(new Event(d, 4, "annual_income", money(next)));
                int seg = WorldBuilder.segmentOf(next);
                if (seg != WorldBuilder.segmentOf(income)) {
                    events.add(new Event(d, 5, "customer_segment", WorldBuilder.SEGMENTS[seg]));
                }
                income = next;
            }
        }
        // loyalty tier upgrades at tenure anniversaries
        int segment0 = WorldBuilder.segmentOf(p.row.annualIncome());
        int tier = WorldBuilder.tierOn(begin - 1, p.signupDay, segment0);
        for (int t = tier + 1; t < WorldBuilder.TIERS.length; t++) {
            double years = new double[] {0, 2, 5, 10}[t] - (segment0 >= 2 ? 2 : 0);
            long d = LocalDate.ofEpochDay(p.signupDay).plusDays(Math.round(years * 365.25)).toEpochDay();
            if (d >= begin && d <= end) {
                events.add(new Event(d, 6, "loyalty_tier", WorldBuilder.TIERS[t]));
            }
        }
        if (p.churnDay <= horizonDay && p.churnDay >= begin - 1) {
            events.add(new Event(p.churnDay, 7, "is_active", "false"));
        }
        events.sort((a, b) -> a.day != b.day ? Long.compare(a.day, b.day) : Integer.compare(a.order, b.order));
        String[] current = {p.row.address(), p.row.city(), p.row.state(), p.row.zipCode(), money(p.row.annualIncome()),
                p.row.customerSegment(), p.row.loyaltyTier(), "true"};
        ChangeTimeline tl = new ChangeTimeline(new long[moves.size() + 1], new int[moves.size() + 1], new double[moves.size() + 1],
                new double[moves.size() + 1]);
        tl.homeFrom[0] = Long.MIN_VALUE;
        tl.homeCity[0] = p.cityIndex;
        tl.homeLat[0] = p.homeLat;
        tl.homeLon[0] = p.homeLon;
        for (int i = 0; i < moves.size(); i++) {
            tl.homeFrom[i + 1] = moves.get(i)[0];
            tl.homeCity[i + 1] = moveCities.get(i);
            tl.homeLat[i + 1] = moveCoords.get(i)[0];
            tl.homeLon[i + 1] = moveCoords.get(i)[1];
        }
        for (Event e : events) {
            String old = current[e.order];
            if (old.equals(e.value)) {
                continue;
            }
            current[e.order] = e.value;
            tl.changes.add(new CustomerChange(null, p.id(), LocalDate.ofEpochDay(e.day), e.attribute, old, e.value));
        }
        return tl;
    }

    static String money(double v) {
        return Ids.money(v);
    }
}
