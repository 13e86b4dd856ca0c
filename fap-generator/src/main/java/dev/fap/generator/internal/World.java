package dev.fap.generator.internal;

import dev.fap.generator.DatasetSpec;
import dev.fap.generator.rows.CampaignContact;
import dev.fap.generator.rows.CreditApplication;
import dev.fap.generator.rows.MarketingCampaign;
import dev.fap.generator.rows.Merchant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated bank at a point in time: merchants, customers, accounts, campaigns, the economy and
 * the id counters. Memory is O(customers + merchants + accounts). {@link #copy()} gives an
 * independent world to continue from, so a batch can be generated any number of times.
 */
public final class World {
    public final DatasetSpec spec;
    /** Names, places, formats and currency of the spec's locale. */
    public final LocaleProfile locale;
    /** Base rates of the behavioural models (fraud intercept, technical declines, churn hazard). */
    public final Calibration calibration;
    public final Economy economy;
    public final List<Merchant> merchants;
    /** Per merchant: risk score in [0,1]. */
    public final double[] merchantRisk;
    /** Per merchant: index of its city in the locale's cities, or -1 - index in its foreign cities. */
    public final int[] merchantCity;
    public final int[] merchantCategory;
    /** Merchants by category, and by (category, US city). */
    public final int[][] byCategory;
    public final int[][][] byCategoryCity;
    /** Statement texts per merchant. */
    public final String[] posText;
    public final String[] onlineText;
    public final String[] refundText;
    public final List<CustomerProfile> customers;
    public final List<AccountState> accounts;
    public final List<CreditApplication> applications;
    public final List<MarketingCampaign> campaigns;
    public final List<CampaignContact> contacts;
    /** Next id numbers (1-based) per generated table. */
    public long nextTransaction = 1;
    public long nextAlert = 1;
    public long nextInteraction = 1;
    public long nextPayment = 1;
    public long nextChange = 1;
    /** Last day simulated (epoch day). */
    public long lastDay;
    public int batch;

    World(DatasetSpec spec, Calibration calibration, Economy economy, List<Merchant> merchants, double[] merchantRisk,
          int[] merchantCity, int[] merchantCategory, List<CustomerProfile> customers, List<AccountState> accounts,
          List<CreditApplication> applications, List<MarketingCampaign> campaigns, List<CampaignContact> contacts) {
        this.spec = spec;
        this.locale = LocaleProfile.of(spec.locale());
        this.calibration = calibration;
        this.economy = economy;
        this.merchants = merchants;
        this.merchantRisk = merchantRisk;
        this.merchantCity = merchantCity;
        this.merchantCategory = merchantCategory;
        this.customers = customers;
        this.accounts = accounts;
        this.applications = applications;
        this.campaigns = campaigns;
        this.contacts = contacts;
        int nc = Catalog.CATEGORIES.length;
        int cities = locale.cities.length;
        List<List<Integer>> cat = new ArrayList<>();
        List<List<List<Integer>>> catCity = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            cat.add(new ArrayList<>());
            List<List<Integer>> l = new ArrayList<>();
            for (int i = 0; i < cities; i++) {
                l.add(new ArrayList<>());
            }
            catCity.add(l);
        }
        for (int m = 0; m < merchantCategory.length; m++) {
            cat.get(merchantCategory[m]).add(m);
            if (merchantCity[m] >= 0) {
                catCity.get(merchantCategory[m]).get(merchantCity[m]).add(m);
            }
        }
        byCategory = new int[nc][];
        byCategoryCity = new int[nc][cities][];
        for (int c = 0; c < nc; c++) {
            byCategory[c] = cat.get(c).stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < cities; i++) {
                byCategoryCity[c][i] = catCity.get(c).get(i).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        this.lastDay = spec.startDate().toEpochDay() - 1;
        int nm = merchants.size();
        posText = new String[nm];
        onlineText = new String[nm];
        refundText = new String[nm];
        for (int m = 0; m < nm; m++) {
            String name = merchants.get(m).merchantName().toUpperCase(java.util.Locale.ROOT);
            posText[m] = "POS PURCHASE " + name;
            onlineText[m] = "ONLINE PURCHASE " + name;
            refundText[m] = "REFUND " + name;
        }
    }

    /** An independent copy: profiles and accounts are copied, immutable tables shared. */
    public World copy() {
        List<CustomerProfile> cs = new ArrayList<>(customers.size());
        for (CustomerProfile c : customers) {
            cs.add(c.copy());
        }
        List<AccountState> as = new ArrayList<>(accounts.size());
        for (AccountState a : accounts) {
            as.add(a.copy());
        }
        World w = new World(spec, calibration, economy, merchants, merchantRisk, merchantCity, merchantCategory, cs, as,
                new ArrayList<>(applications), campaigns, contacts);
        w.nextTransaction = nextTransaction;
        w.nextAlert = nextAlert;
        w.nextInteraction = nextInteraction;
        w.nextPayment = nextPayment;
        w.nextChange = nextChange;
        w.lastDay = lastDay;
        w.batch = batch;
        return w;
    }

    public LocalDate lastDate() {
        return LocalDate.ofEpochDay(lastDay);
    }
}
