package dev.fap.generator.internal;

import static dev.fap.generator.internal.Catalog.AUTO_LOAN;
import static dev.fap.generator.internal.Catalog.BUSINESS_CHECKING;
import static dev.fap.generator.internal.Catalog.CHECKING;
import static dev.fap.generator.internal.Catalog.CREDIT_CARD;
import static dev.fap.generator.internal.Catalog.INVESTMENT;
import static dev.fap.generator.internal.Catalog.MONEY_MARKET;
import static dev.fap.generator.internal.Catalog.MORTGAGE;
import static dev.fap.generator.internal.Catalog.PERSONAL_LOAN;
import static dev.fap.generator.internal.Catalog.PREMIUM_CARD;
import static dev.fap.generator.internal.Catalog.SAVINGS;

import dev.fap.generator.DatasetSpec;
import dev.fap.generator.internal.ReferenceData.City;
import dev.fap.generator.rows.CampaignContact;
import dev.fap.generator.rows.CreditApplication;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.MarketingCampaign;
import dev.fap.generator.rows.Merchant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link World} of a dataset: merchants, customers with joint demographics, their
 * accounts and credit applications, and the campaigns with their randomised contacts. Every
 * customer draws from its own stream, so the result does not depend on iteration or threads.
 */
public final class WorldBuilder {
    static final String[] SEGMENTS = {"Mass", "Mass Affluent", "Affluent", "High Net Worth"};
    static final String[] LIFE_STAGES = {"Young Adult", "Family", "Established", "Pre-Retirement", "Retired"};
    static final String[] TIERS = {"Bronze", "Silver", "Gold", "Platinum"};
    private static final String[] EDUCATION = {"High School", "Associate", "Bachelor", "Master", "Doctorate"};
    private static final double[] EDU_EFFECT = {0, 0.12, 0.38, 0.55, 0.75};
    private static final String[] ACQUISITION = {"Online", "Branch", "Referral", "Mobile App", "Partner", "Direct Mail"};
    private static final double[] ACQUISITION_W = {0.30, 0.25, 0.15, 0.12, 0.08, 0.10};
    private static final String[] CAMPAIGN_TYPES = {"Email", "Social", "Display", "Direct Mail", "Search"};
    private static final int[] PROMOTED = {SAVINGS, CREDIT_CARD, INVESTMENT, PREMIUM_CARD, MONEY_MARKET, PERSONAL_LOAN};

    private WorldBuilder() {}

    /** The world of {@code spec} with the generator's own base rates. */
    public static World build(DatasetSpec spec) {
        return build(spec, Calibration.NATURAL);
    }

    /** The world of {@code spec} with the given base rates. */
    public static World build(DatasetSpec spec, Calibration calibration) {
        LocaleProfile locale = LocaleProfile.of(spec.locale());
        Economy economy = new Economy(spec.seed(), spec.startDate(), spec.endDate());
        int nm = spec.merchants();
        List<Merchant> merchants = new ArrayList<>(nm);
        double[] risk = new double[nm];
        int[] city = new int[nm];
        int[] category = new int[nm];
        double[] catW = new double[Catalog.CATEGORIES.length];
        for (int i = 0; i < catW.length; i++) {
            catW[i] = Catalog.CATEGORIES[i].weight();
        }
        double[] cityCum = locale.cityCumulative;
        for (int m = 0; m < nm; m++) {
            Rng r = Rng.of(spec.seed(), Streams.MERCHANT, m);
            // the first merchants cover every category so that no category is empty
            int c = m < catW.length ? m : r.pick(catW);
            Catalog.Category cat = Catalog.CATEGORIES[c];
            boolean online = r.chance(cat.onlineShare());
            boolean foreign = (c == Catalog.TRAVEL && r.chance(0.35)) || r.chance(0.03);
            City ct;
            if (foreign) {
                int f = r.nextInt(locale.foreignCities.length);
                ct = locale.foreignCities[f];
                city[m] = -1 - f;
            } else {
                int ci = r.pickCumulative(cityCum);
                ct = locale.cities[ci];
                city[m] = ci;
            }
            double riskBase = (c == Catalog.ONLINE_SHOPPING || c == Catalog.TRAVEL ? 0.10 : 0) + (foreign ? 0.12 : 0);
            double u = r.nextDouble();
            String rating;
            if (u < 0.08 + riskBase) {
                rating = "High";
                risk[m] = round4(r.uniform(0.70, 0.98));
            } else if (u < 0.30 + riskBase) {
                rating = "Medium";
                risk[m] = round4(r.uniform(0.35, 0.70));
            } else {
                rating = "Low";
                risk[m] = round4(r.uniform(0.02, 0.35));
            }
            category[m] = c;
            int w1 = r.nextInt(ReferenceData.NAME_WORDS.length);
            int w2 = (w1 + 1 + r.nextInt(ReferenceData.NAME_WORDS.length - 1)) % ReferenceData.NAME_WORDS.length;
            String name = ReferenceData.NAME_WORDS[w1] + " " + ReferenceData.NAME_WORDS[w2] + " " + suffix(c, r);
            double avg = Math.round(cat.medianTicket() * StrictMath.exp(cat.sigma() * cat.sigma() / 2) * r.lognormal(0, 0.25) * 100) / 100.0;
            LocalDate established = spec.startDate().minusDays(365 + r.nextInt(365 * 40));
            merchants.add(new Merchant(Ids.id('M', m + 1, 5), name, cat.name(), cat.mcc(), ct.name(),
                    ct.state(), ct.country(), round6(ct.lat() + r.normal(0, 0.04)), round6(ct.lon() + r.normal(0, 0.04)), rating,
                    avg, online, established));
        }
        List<CustomerProfile> customers = new ArrayList<>(spec.customers());
        List<AccountState> accounts = new ArrayList<>(spec.customers() * 3);
        List<CreditApplication> applications = new ArrayList<>();
        World world = new World(spec, calibration, economy, merchants, risk, city, category, customers, accounts, applications,
                new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < spec.customers(); i++) {
            addCustomer(world, i, spec.startDate().toEpochDay(), spec.endDate().toEpochDay(), true);
        }
        planCampaigns(world);
        world.lastDay = spec.startDate().toEpochDay() - 1;
        return world;
    }

    /**
     * Adds customer number {@code index} (0-based) with its accounts and applications. Initial
     * customers ({@code initial}) joined before the start (75 %) or during the period; later
     * customers join within [{@code fromDay}, {@code toDay}].
     */
    public static CustomerProfile addCustomer(World w, int index, long fromDay, long toDay, boolean initial) {
        DatasetSpec spec = w.spec;
        Rng r = Rng.of(spec.seed(), Streams.CUSTOMER, index);
        LocalDate start = spec.startDate();
        long startDay = start.toEpochDay();
        long endDay = spec.endDate().toEpochDay();
        // age at the end date
        double[] bandW = {0.11, 0.19, 0.18, 0.17, 0.16, 0.19};
        int[][] bands = {{18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 85}};
        int[] band = bands[r.pick(bandW)];
        int age = r.between(band[0], band[1]);
        LocalDate dob = spec.endDate().minusYears(age).minusDays(r.nextInt(365));
        age = ageOn(dob, spec.endDate());
        double[] eduW = age < 30 ? new double[] {0.34, 0.12, 0.38, 0.13, 0.03} : new double[] {0.40, 0.11, 0.30, 0.15, 0.04};
        int edu = r.pick(eduW);
        String employment;
        if (age < 23 && r.chance(0.45)) {
            employment = "Student";
        } else if (age >= 67 && r.chance(0.85) || age >= 62 && r.chance(0.35)) {
            employment = "Retired";
        } else {
            double u = r.nextDouble();
            employment = u < 0.05 ? "Unemployed" : u < 0.16 ? "Self-Employed" : "Employed";
        }
        double experience = 0.028 * Math.min(Math.max(age - 22, 0), 25);
        double lnIncome = StrictMath.log(42_000) + EDU_EFFECT[edu] + experience + r.normal(0, 0.45);
        switch (employment) {
            case "Student" -> lnIncome += StrictMath.log(0.30);
            case "Unemployed" -> lnIncome += StrictMath.log(0.35);
            case "Retired" -> lnIncome += StrictMath.log(0.70);
            case "Self-Employed" -> lnIncome += r.normal(0.05, 0.3);
            default -> { }
        }
        double income = Math.max(6_000, Math.round(StrictMath.exp(lnIncome) / 100) * 100.0);
        double zInc = (StrictMath.log(income) - StrictMath.log(55_000)) / 0.6;
        int score = (int) Math.round(690 + 40 * zInc + 2.0 * (Math.min(age, 65) - 40) + r.normal(0, 55)
                - ("Unemployed".equals(employment) ? 40 : 0));
        score = Math.max(300, Math.min(850, score));
        String marital;
        double[] mw = age < 25 ? new double[] {0.85, 0.13, 0.02, 0} : age < 35 ? new double[] {0.50, 0.44, 0.06, 0}
                : age < 65 ? new double[] {0.20, 0.60, 0.17, 0.03} : new double[] {0.08, 0.55, 0.15, 0.22};
        marital = new String[] {"Single", "Married", "Divorced", "Widowed"}[r.pick(mw)];
        int deps = 0;
        if (age >= 24 && age <= 58) {
            deps = Math.min(5, r.poisson("Married".equals(marital) ? 1.6 : 0.35));
        }
        int lifeStage;
        if ("Retired".equals(employment) || age >= 67) {
            lifeStage = 4;
        } else if (age < 30) {
            lifeStage = deps > 0 ? 1 : 0;
        } else if (age < 50) {
            lifeStage = deps > 0 || "Married".equals(marital) ? 1 : 2;
        } else if (age < 60) {
            lifeStage = 2;
        } else {
            lifeStage = 3;
        }
        double pHome = Rng.logistic(-3.0 + 0.09 * (age - 25) + 0.9 * zInc);
        String home = r.chance(pHome) ? (age < 62 && r.chance(0.75) ? "Mortgage" : "Own") : "Rent";
        int segment = segmentOf(income);
        String riskSegment = score >= 700 ? "Low" : score >= 620 ? "Medium" : "High";
        // signup
        long signupDay;
        if (initial) {
            if (r.chance(0.75)) {
                signupDay = startDay - 30 - (long) Math.min(20 * 365, r.exponential(4 * 365));
            } else {
                signupDay = startDay + r.nextInt((int) (endDay - startDay + 1));
            }
        } else {
            signupDay = fromDay + r.nextInt((int) (toDay - fromDay + 1));
        }
        long adultDay = dob.plusYears(18).toEpochDay();
        if (signupDay < adultDay) {
            signupDay = adultDay;
        }
        double tenureYears = Math.max(0, (startDay - signupDay) / 365.25);
        // where they live
        LocaleProfile locale = w.locale;
        int cityIdx = r.pickCumulative(locale.cityCumulative);
        City ct = locale.cities[cityIdx];
        double lat = round6(ct.lat() + r.normal(0, 0.05));
        double lon = round6(ct.lon() + r.normal(0, 0.05));
        int firstIdx = locale.firstNameIndex(r);
        String first = locale.firstNames[firstIdx];
        String last = locale.lastName(r);
        String email = locale.email(first, last, index + 1, r);
        String phone = locale.phone(ct, r);
        String ssn = locale.nationalId(r, dob, firstIdx % 2 == 0, first, last, cityIdx);
        String address = locale.address(r);
        String zip = locale.postalCode(cityIdx, r);
        boolean working = "Employed".equals(employment) || "Self-Employed".equals(employment);
        String employer = !working ? null : locale.employer(last, "Self-Employed".equals(employment), r);
        String job = working ? r.pick(ReferenceData.JOB_TITLES) : null;
        String channel = age < 35 ? (r.chance(0.7) ? "Mobile" : "Online") : age < 60 ? r.pick(new String[] {"Online", "Mobile", "Online", "POS", "ATM"})
                : r.pick(new String[] {"Branch", "Branch", "Online", "ATM"});
        boolean optIn = r.chance(0.62);
        String acquisition = ACQUISITION[r.pick(ACQUISITION_W)];
        // latent traits
        double activity = StrictMath.exp(r.normal(0, 0.5) + 0.15 * zInc + (lifeStage == 4 ? -0.2 : 0));
        double satisfaction = Math.max(1, Math.min(5, r.normal(Planted.SATISFACTION_CENTER, 0.8)));
        double ticket = StrictMath.exp(0.30 * zInc + r.normal(0, 0.25));
        double lp = Planted.CHURN_TENURE * tenureYears + Planted.CHURN_SATISFACTION * (satisfaction - Planted.SATISFACTION_CENTER)
                + Planted.CHURN_ACTIVITY * StrictMath.log(activity);
        double hazard = w.calibration.churnBaseHazard() * StrictMath.exp(lp);
        long exposureStart = Math.max(startDay, signupDay + Planted.CHURN_GRACE_DAYS);
        double wait = r.exponential(1 / hazard);
        long churnDay = wait > 1e7 ? Long.MAX_VALUE : exposureStart + 1 + (long) wait;
        // loyalty tier at the start of the data (or signup)
        int tier = tierOn(Math.max(startDay, signupDay), signupDay, segment);
        double clv = Math.round(income * 0.015 * Math.min(20, 1 / (hazard * 365)) * (1 + segment * 0.5)) * 1.0;
        double churnRisk = round4(1 - StrictMath.exp(-hazard * 365 * StrictMath.exp(r.normal(0, 0.35))));
        long refDay = Math.min(endDay, churnDay - 1);
        long lastLogin = Math.max(signupDay, refDay - (long) r.exponential(churnDay <= endDay ? 20 : 5));
        String id = Ids.id('C', index + 1, 7);
        Customer row = new Customer(id, first, last, email, phone, dob, age, ssn, address, ct.name(), ct.state(), zip, locale.countryCode,
                LocalDate.ofEpochDay(signupDay), score, income, employment, employer, job, EDUCATION[edu], marital, deps, home,
                SEGMENTS[segment], LIFE_STAGES[lifeStage], riskSegment, churnDay > endDay, channel, optIn, TIERS[tier], clv,
                churnRisk, LocalDate.ofEpochDay(lastLogin), acquisition);
        String device = "D" + Ids.hex(Rng.mix(spec.seed() * 31 + index), 12);
        long ipBits = Rng.mix(spec.seed() * 17 + index);
        String ip = (int) (11 + Math.floorMod(ipBits, 212)) + "." + (int) ((ipBits >>> 8) & 0xFF) + "." + (int) ((ipBits >>> 16) & 0xFF)
                + "." + (int) (1 + ((ipBits >>> 24) & 0xFD));
        CustomerProfile p = new CustomerProfile(index, row, cityIdx, lat, lon, signupDay, churnDay, activity, satisfaction,
                ticket, tenureYears, hazard, lifeStage, device, ip, age);
        w.customers.add(p);
        openAccounts(w, p, income, score, age, segment, employment, home, zInc);
        return p;
    }

    private static void openAccounts(World w, CustomerProfile p, double income, int score, int age, int segment,
                                     String employment, String home, double zInc) {
        DatasetSpec spec = w.spec;
        Rng r = Rng.of(spec.seed(), Streams.ACCOUNTS, p.index);
        long endDay = spec.endDate().toEpochDay();
        long lastOpen = Math.min(endDay, p.churnDay - 1);
        List<Integer> ids = new ArrayList<>();
        ids.add(open(w, p, r, CHECKING, p.signupDay, income, score, 0, 0));
        long span = Math.max(0, lastOpen - p.signupDay);
        if (r.chance(0.55)) {
            ids.add(open(w, p, r, SAVINGS, later(r, p.signupDay, span), income, score, 0, 0));
        }
        if ("Self-Employed".equals(employment) && r.chance(0.65)) {
            ids.add(open(w, p, r, BUSINESS_CHECKING, later(r, p.signupDay, span), income, score, 0, 0));
        }
        if (segment >= 1 && age >= 28 && r.chance(segment >= 2 ? 0.45 : 0.15)) {
            ids.add(open(w, p, r, INVESTMENT, later(r, p.signupDay, span), income, score, 0, 0));
        }
        if (segment >= 1 && r.chance(0.12)) {
            ids.add(open(w, p, r, MONEY_MARKET, later(r, p.signupDay, span), income, score, 0, 0));
        }
        // credit products go through an application
        List<int[]> wanted = new ArrayList<>();
        if (r.chance(0.65)) {
            wanted.add(new int[] {CREDIT_CARD});
        }
        if ((segment >= 2 || score >= 720) && r.chance(0.35)) {
            wanted.add(new int[] {PREMIUM_CARD});
        }
        if (r.chance(score < 700 ? 0.16 : 0.09)) {
            wanted.add(new int[] {PERSONAL_LOAN});
        }
        if (age >= 22 && age <= 70 && r.chance(0.14)) {
            wanted.add(new int[] {AUTO_LOAN});
        }
        if ("Mortgage".equals(home) && r.chance(0.8)) {
            wanted.add(new int[] {MORTGAGE});
        }
        for (int[] want : wanted) {
            int product = want[0];
            long appDay = later(r, p.signupDay, span);
            if (appDay > lastOpen) {
                continue;
            }
            double requested;
            Integer term;
            switch (product) {
                case CREDIT_CARD, PREMIUM_CARD -> {
                    requested = Math.round(income * r.uniform(0.08, 0.25) / 500) * 500.0 + 1000;
                    term = null;
                }
                case PERSONAL_LOAN -> {
                    requested = Math.round(r.uniform(2_000, Math.max(3_000, income * 0.4)) / 100) * 100.0;
                    term = r.pick(new Integer[] {12, 24, 36, 48, 60});
                }
                case AUTO_LOAN -> {
                    requested = Math.round(r.uniform(12_000, Math.max(15_000, income * 0.8)) / 100) * 100.0;
                    term = r.pick(new Integer[] {36, 48, 60, 72});
                }
                default -> {
                    requested = Math.round(income * r.uniform(2.5, 4.5) / 1000) * 1000.0;
                    term = r.chance(0.8) ? 360 : 180;
                }
            }
            double dti = round4(Math.max(0.02, Math.min(0.75, r.normal(0.28, 0.10) + (product == MORTGAGE ? 0.08 : 0))));
            double pApprove = Rng.logistic(-7.5 + 0.0118 * score - 4.0 * (dti - 0.3) + 0.3 * zInc);
            String grade = score >= 760 ? "A" : score >= 700 ? "B" : score >= 650 ? "C" : score >= 600 ? "D" : "E";
            boolean pending = appDay > endDay - 7;
            boolean approved = !pending && r.chance(pApprove);
            long decisionDay = pending ? -1 : Math.min(endDay, appDay + 1 + r.nextInt(6));
            double rate = Catalog.PRODUCTS.get(product).interestRate() + ("ABCDE".indexOf(grade)) * (Catalog.isCard(product) ? 1.5 : 0.9);
            Double approvedAmount = approved ? Math.round(requested * (score >= 700 ? 1.0 : r.uniform(0.6, 1.0)) / 100) * 100.0 : null;
            String appId = Ids.id('L', w.applications.size() + 1, 7);
            w.applications.add(new CreditApplication(appId, p.id(), Catalog.PRODUCTS.get(product).productId(),
                    LocalDate.ofEpochDay(appDay), requested, term, score, income, dti,
                    working(employment) ? Math.max(0, Math.min(40, r.poisson(Math.max(1, (p.ageAtEnd - 22) / 3.0)))) : 0,
                    pending ? "Pending" : approved ? "Approved" : "Declined", pending ? null : LocalDate.ofEpochDay(decisionDay),
                    approvedAmount, approved ? round4(rate) : null, r.pick(new String[] {"Online", "Mobile", "Branch"}),
                    round4(pApprove), grade));
            if (approved && decisionDay < p.churnDay) {
                long amountCents = Math.round(approvedAmount * 100);
                ids.add(open(w, p, r, product, decisionDay, income, score, amountCents, term == null ? 0 : term));
            }
        }
        p.accounts = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean working(String employment) {
        return "Employed".equals(employment) || "Self-Employed".equals(employment);
    }

    private static long later(Rng r, long from, long span) {
        double u = r.nextDouble();
        return from + (long) (u * u * (span + 1));
    }

    private static int open(World w, CustomerProfile p, Rng r, int product, long day, double income, int score, long amountCents,
                            int term) {
        int idx = w.accounts.size();
        String id = Ids.id('A', idx + 1, 8);
        String number = accountNumber(idx + 1);
        String last4 = Ids.pad(r.nextInt(10_000), 4);
        double rate = Catalog.PRODUCTS.get(product).interestRate();
        boolean loan = Catalog.isLoan(product);
        boolean card = Catalog.isCard(product);
        if (loan || card) {
            rate = round4(rate + (850 - score) / 550.0 * (card ? 4.0 : 3.0));
        }
        long payment = 0;
        if (loan) {
            double i = rate / 1200;
            payment = Math.round(amountCents * i / (1 - StrictMath.pow(1 + i, -term)));
        }
        boolean overdraftProtection = product == CHECKING && r.chance(0.4) || product == BUSINESS_CHECKING;
        long overdraft = overdraftProtection ? Math.round(Catalog.PRODUCTS.get(product).overdraftLimit() * 100) : 0;
        AccountState a = new AccountState(idx, id, p.index, product, number, day, last4, rate, card ? amountCents : 0, overdraft,
                r.chance(loan ? 0.7 : 0.5), overdraftProtection, product == CHECKING, loan ? amountCents : 0, term, payment);
        long startDay = w.spec.startDate().toEpochDay();
        // balance carried into the data for accounts opened before the start
        if (day < startDay) {
            a.balanceCents = switch (product) {
                case CHECKING, BUSINESS_CHECKING -> Math.round(income * r.uniform(0.02, 0.08) * 100);
                case SAVINGS -> Math.round(income * r.uniform(0.03, 0.3) * 100);
                case MONEY_MARKET, INVESTMENT -> Math.round(income * r.uniform(0.2, 1.5) * 100);
                case CREDIT_CARD, PREMIUM_CARD -> -Math.round(amountCents * r.uniform(0.0, 0.3));
                default -> 0;
            };
        } else if (product == MONEY_MARKET || product == INVESTMENT) {
            a.balanceCents = Math.round(income * r.uniform(0.1, 0.6) * 100);
        }
        if (loan) {
            // amortised on time until the start of the data
            long paid = Math.max(0, monthsBetween(day, startDay));
            a.nextPaymentNo = (int) Math.min(term + 1L, paid + 1);
            a.outstandingCents = outstandingAfter(amountCents, rate, term, payment, a.nextPaymentNo - 1);
            a.balanceCents = -a.outstandingCents;
            if (a.outstandingCents <= 0) {
                a.closeDay = LocalDate.ofEpochDay(day).plusMonths(term).toEpochDay();
            }
        }
        a.closeDay = Math.min(a.closeDay, p.churnDay);
        w.accounts.add(a);
        return idx;
    }

    static long outstandingAfter(long principal, double rate, int term, long payment, int paidPayments) {
        double i = rate / 1200;
        double b = principal;
        for (int k = 0; k < paidPayments && b > 0; k++) {
            b = b * (1 + i) - payment;
        }
        return Math.max(0, Math.round(b));
    }

    private static long monthsBetween(long fromDay, long toDay) {
        LocalDate a = LocalDate.ofEpochDay(fromDay);
        LocalDate b = LocalDate.ofEpochDay(toDay);
        long m = (b.getYear() - a.getYear()) * 12L + b.getMonthValue() - a.getMonthValue();
        if (b.getDayOfMonth() < a.getDayOfMonth()) {
            m--;
        }
        return m;
    }

    /** 12 digits: bank prefix 40, 9-digit sequence, Luhn check digit. */
    static String accountNumber(long seq) {
        String body = "40" + Ids.pad(seq, 9);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static void planCampaigns(World w) {
        DatasetSpec spec = w.spec;
        long startDay = spec.startDate().toEpochDay();
        long endDay = spec.endDate().toEpochDay();
        int n = spec.campaigns();
        boolean[] contacted = new boolean[w.customers.size()];
                for (int k = 0; k < n; k++) {
            Rng r = Rng.of(spec.seed(), Streams.CAMPAIGN, k);
            // contacts need a full pre-period and a full uplift window inside the data
            long first = startDay + Planted.PRE_PERIOD_DAYS;
            long last = Math.max(first, endDay - Planted.UPLIFT_DAYS - 7);
            long cStart = Math.min(endDay, first + (long) ((last - first) * (k + r.nextDouble() * 0.5) / Math.max(1, n)));
            long cEnd = Math.min(endDay, cStart + 30 + r.nextInt(31));
            int segment = r.pick(new double[] {0.45, 0.35, 0.15, 0.05});
            int type = r.nextInt(CAMPAIGN_TYPES.length);
            int product = PROMOTED[r.nextInt(PROMOTED.length)];
            String id = Ids.id('K', k + 1, 4);
            // contacts: eligible, randomised with a covariate-dependent propensity
            int treatedConversions = 0;
            List<Integer> eligible = new ArrayList<>();
            for (CustomerProfile p : w.customers) {
                if (!contacted[p.index] && p.row.marketingOptIn()
                        && p.row.customerSegment().equals(SEGMENTS[segment])
                        && p.signupDay <= cStart - Planted.PRE_PERIOD_DAYS - 30 && p.churnDay > cStart) {
                    eligible.add(p.index);
                }
            }
            for (int idx : eligible) {
                if (!r.chance(0.8)) {
                    continue;
                }
                CustomerProfile p = w.customers.get(idx);
                contacted[idx] = true;
                long day = Math.min(cEnd, cStart + r.nextInt(7));
                double prop = Rng.logistic(Planted.PROPENSITY_INTERCEPT + Planted.PROPENSITY_LOG_INCOME
                        * (StrictMath.log(p.row.annualIncome()) - StrictMath.log(Planted.PROPENSITY_INCOME_REF)));
                boolean treated = r.chance(prop);
                boolean opened = treated && r.chance(0.45);
                boolean clicked = opened && r.chance(0.35);
                boolean converted = clicked && r.chance(0.25);
                if (converted) {
                    treatedConversions++;
                }
                p.contactDay = day;
                p.treated = treated;
                w.contacts.add(new CampaignContact(Ids.id('X', w.contacts.size() + 1, 7), id, p.id(),
                        treated ? "Treatment" : "Control", LocalDate.ofEpochDay(day), opened, clicked, converted));
            }
            double budget = Math.round(r.uniform(15_000, 150_000) / 100) * 100.0;
            double[] ctr = {0.012, 0.008, 0.003, 0.010, 0.030};
            long impressions = Math.round(budget * r.uniform(8, 25));
            long clicks = Math.min(impressions, r.binomial(impressions, ctr[type] * r.uniform(0.6, 1.4)));
            long conversions = Math.min(clicks, r.binomial(clicks, r.uniform(0.005, 0.03)) + treatedConversions);
            double value = Catalog.isCard(product) ? 350 : product == INVESTMENT ? 900 : 250;
            Double cpa = conversions == 0 ? null : Math.round(budget / conversions * 100) / 100.0;
            double roi = round4((conversions * value - budget) / budget);
            w.campaigns.add(new MarketingCampaign(id, monthName(cStart) + " " + Catalog.PRODUCTS.get(product).productName() + " "
                    + CAMPAIGN_TYPES[type], CAMPAIGN_TYPES[type], LocalDate.ofEpochDay(cStart), LocalDate.ofEpochDay(cEnd),
                    SEGMENTS[segment], budget, impressions, clicks, conversions, cpa, roi, Catalog.PRODUCTS.get(product).productId()));
        }
    }

    private static String monthName(long day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT) + " " + d.getYear();
    }

    static int segmentOf(double income) {
        return income < 75_000 ? 0 : income < 150_000 ? 1 : income < 300_000 ? 2 : 3;
    }

    /** Loyalty tier on {@code day}: tenure thresholds 2, 5, 10 years, two years earlier for Affluent and up. */
    static int tierOn(long day, long signupDay, int segment) {
        double years = (day - signupDay) / 365.25 + (segment >= 2 ? 2 : 0);
        return years >= 10 ? 3 : years >= 5 ? 2 : years >= 2 ? 1 : 0;
    }

    static int ageOn(LocalDate dob, LocalDate day) {
        return java.time.Period.between(dob, day).getYears();
    }

    static double[] cumulative(City[] cities) {
        double[] c = new double[cities.length];
        double s = 0;
        for (int i = 0; i < cities.length; i++) {
            s += cities[i].weight();
            c[i] = s;
        }
        return c;
    }

    private static String suffix(int category, Rng r) {
        String[][] s = {{"Market", "Grocers", "Foods"}, {"Grill", "Bistro", "Kitchen", "Cafe"}, {"Fuel", "Gas", "Petroleum"},
                {"Outfitters", "Store", "Goods"}, {"Cinema", "Arcade", "Theater"}, {"Clinic", "Medical", "Pharmacy"},
                {"Power", "Water", "Utilities"}, {"Airlines", "Travel", "Hotels"}, {"Online", ".com", "Direct"},
                {"Services", "Repair", "Salon"}};
        return r.pick(s[category]);
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    static double round6(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
