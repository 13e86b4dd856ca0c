package dev.fap.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every routine of the statistics core against reference values from scipy 1.10.1 / statsmodels
 * 0.13.5 / numpy 1.24.2 (Debian bookworm), to 1e-9 relative. The producing calls are in
 * {@code src/test/python/stats_reference.py} and quoted next to each value.
 */
class StatsReferenceTest {
    static final double TOL = 1e-9;

    static final double[] A = {5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 4.7, 5.9};
    static final double[] B = {4.2, 4.8, 5.0, 4.5, 5.2, 4.9, 4.1, 4.6, 5.3};

    /** SplitMix64 finaliser of i, top 53 bits: the same "uniform" as {@code u(i)} in the Python script. */
    static double u(long i) {
        long z = i + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    static void close(double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .as("actual %s vs expected %s", actual, expected)
                .isLessThanOrEqualTo(TOL * Math.abs(expected) + 1e-300);
    }

    static void close(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            close(actual[i], expected[i]);
        }
    }

    static void close(ConfidenceInterval ci, double lo, double hi) {
        close(ci.lower(), lo);
        close(ci.upper(), hi);
    }

    @Test
    void welchTTest() {
        WelchTTestResult r = TTests.welch(A, B, 0.95);
        // st.ttest_ind(a, b, equal_var=False) -> statistic, pvalue
        close(r.t(), 3.7471236532191785);
        close(r.pValue(), 0.0016411228559962841);
        // (va+vb)**2/(va**2/(na-1)+vb**2/(nb-1)), va = a.var(ddof=1)/na
        close(r.df(), 16.747955579597164);
        // d ± st.t.ppf(0.975, df)*sqrt(va+vb)
        close(r.interval(), 0.3563153165547597, 1.277018016778575);
        // d/sp, sp = sqrt(((na-1)a.var(ddof=1)+(nb-1)b.var(ddof=1))/m); g = d*exp(gammaln(m/2)-gammaln((m-1)/2))/sqrt(m/2)
        close(r.cohensD(), 1.699610712682125);
        close(r.hedgesG(), 1.6233177467467184);
        assertThat(r.n1()).isEqualTo(10);
        assertThat(r.n2()).isEqualTo(9);
    }

    @Test
    void meanInterval() {
        // st.t.interval(0.95, len(a)-1, loc=a.mean(), scale=st.sem(a))
        close(TTests.meanInterval(A, 0.95).interval(), 5.171093364650422, 5.928906635349578);
    }

    @Test
    void welchRejectsConstantSamples() {
        assertThatThrownBy(() -> TTests.welch(new double[] {1, 1, 1}, new double[] {2, 2}, 0.95))
                .isInstanceOfSatisfying(FapException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ANALYSIS_FAILED))
                .hasMessageContaining("constant");
    }

    @Test
    void chiSquareIndependence() {
        long[][] t = {{120, 30, 45}, {80, 70, 40}};
        ChiSquareResult r = ChiSquareTest.independence(t);
        // chi2, p, dof, exp = st.chi2_contingency(t, correction=False)
        close(r.statistic(), 24.233269826149083);
        close(r.pValue(), 5.467796189719695e-06);
        assertThat(r.df()).isEqualTo(2);
        close(r.expected()[0], 101.2987012987013, 50.64935064935065, 43.05194805194805);
        close(r.expected()[1], 98.7012987012987, 49.35064935064935, 41.94805194805195);
        // st.contingency.association(t, method="cramer")
        close(r.cramersV(), 0.2508855475909237);
        // (t-exp)/np.sqrt(exp*(1-rs/n)*(1-cs/n))
        close(r.standardizedResiduals()[0], 3.8156443935578563, -4.800439020337838, 0.47877055376571725);
        close(r.standardizedResiduals()[1], -3.8156443935578563, 4.800439020337838, -0.47877055376571725);
        assertThat(r.n()).isEqualTo(385);
    }

    @Test
    void chiSquareDropsEmptyColumnsAndRejectsDegenerateTables() {
        ChiSquareResult r = ChiSquareTest.independence(List.of("a", "b"), List.of("x", "empty", "y"),
                new long[][] {{120, 0, 30}, {80, 0, 70}});
        assertThat(r.columnLabels()).containsExactly("x", "y");
        // no fraud at all: the fraud column is empty
        assertThatThrownBy(() -> ChiSquareTest.independence(new long[][] {{10, 0}, {20, 0}}))
                .isInstanceOfSatisfying(FapException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ANALYSIS_FAILED));
    }

    @Test
    void wilsonInterval() {
        // st.binomtest(37, 1200).proportion_ci(0.95, method="wilson")
        // (statsmodels proportion_confint(37, 1200, method="wilson") = [0.022451332120917745, 0.04220955677798186])
        close(Proportions.wilson(37, 1200, 0.95).interval(), 0.02245133212091775, 0.042209556777981855);
        // st.binomtest(0, 50).proportion_ci(0.95, method="wilson")
        ProportionEstimate zero = Proportions.wilson(0, 50, 0.95);
        assertThat(zero.interval().lower()).isZero();
        close(zero.interval().upper(), 0.07134759913335872);
    }

    @Test
    void twoProportionTest() {
        TwoProportionTestResult r = Proportions.twoProportionTest(230, 2000, 180, 2000, 0.95);
        // proportions_ztest([230, 180], [2000, 2000])
        close(r.z(), 2.6065187138582617);
        close(r.pValue(), 0.009146782556923258);
        // p1-p2 ± st.norm.ppf(0.975)*sqrt(p1(1-p1)/n1 + p2(1-p2)/n2)
        close(r.differenceInterval(), 0.0062172958697237525, 0.04378270413027627);
        // exp(log(p1/p2) ± zc*sqrt(1/230-1/2000+1/180-1/2000)) - 1
        close(r.liftInterval(), 0.06203268702163345, 0.5373500922664709);
        close(r.relativeLift(), 230.0 / 180.0 - 1);
    }

    @Test
    void benjaminiHochberg() {
        // multipletests([0.01, 0.04, 0.03, 0.2, 0.001, 0.04, 0.5, 0.049], method="fdr_bh")[1]
        close(MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.2, 0.001, 0.04, 0.5, 0.049}),
                0.04, 0.064, 0.064, 0.2285714285714286, 0.008, 0.064, 0.5, 0.06533333333333334);
    }

    static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    static final double[] Y = {2.1, 1.9, 3.5, 3.9, 5.2, 4.8, 7.1, 6.9, 8.5, 9.1, 8.8, 12.0};
    static final double[] W = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};

    @Test
    void pearsonMatrix() {
        CorrelationMatrix m = Correlations.pearson(List.of("x", "y", "w"), new double[][] {X, Y, W});
        // st.pearsonr(x, y), st.pearsonr(x, w), st.pearsonr(y, w)
        close(m.r("x", "y"), 0.9761462814000501);
        close(m.pValue("x", "y"), 5.8436777689802834e-08);
        close(m.r("x", "w"), 0.4973872890601886);
        close(m.pValue("x", "w"), 0.09990321605591237);
        close(m.r("w", "y"), 0.4720992391217531);
        close(m.pValue("y", "w"), 0.12122473052949395);
    }

    @Test
    void spearmanMatrixWithTies() {
        CorrelationMatrix m = Correlations.spearman(List.of("x", "y", "w"), new double[][] {X, Y, W});
        // st.spearmanr(x, w), st.spearmanr(y, w)
        close(m.r("x", "w"), 0.5265313520914635);
        close(m.pValue("x", "w"), 0.07863046813632459);
        close(m.r("y", "w"), 0.4452547004263383);
        close(m.pValue("y", "w"), 0.14691082695041394);
    }

    @Test
    void correlationRejectsConstantColumns() {
        assertThatThrownBy(() -> Correlations.pearson(List.of("x", "c"), new double[][] {X, new double[12]}))
                .hasMessageContaining("constant variables [c]");
    }

    @Test
    void outliers() {
        double[] o = {10, 12, 11, 13, 12, 11, 10, 50, 12, 11, 9, -20, 12.5, 11.5};
        OutlierReport r = Outliers.detect("o", o);
        // np.percentile(o, [25, 50, 75])
        close(r.q1(), 10.25);
        close(r.median(), 11.25);
        close(r.q3(), 12.0);
        // st.median_abs_deviation(o, scale="normal")
        close(r.mad(), 1.482602218505602);
        assertThat(r.iqrOutlierIndex()).containsExactly(7, 11);
        assertThat(r.robustOutlierIndex()).containsExactly(7, 11);
    }

    static double[][] logitX() {
        double[][] x = new double[60][];
        for (int i = 0; i < 60; i++) {
            x[i] = new double[] {10 * u(i), 5 * u(i + 1000)};
        }
        return x;
    }

    // logit.y from stats_reference.py: 1 if u(i+7777) < expit(-1 + 0.4*x1 - 0.5*x2)
    static final double[] LOGIT_Y = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1,
        1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1};

    @Test
    void logisticRegressionMatchesStatsmodels() {
        LogisticModel m = LogisticRegression.defaults().fit(List.of("x1", "x2"), logitX(), LOGIT_Y);
        // sm.Logit(Y, sm.add_constant(X)).fit(method="newton", tol=1e-14, maxiter=100): params, bse, pvalues, llf, llnull
        double[] params = {0.3976421126971844, 0.4251856721846618, -0.9147618522329576};
        double[] bse = {0.7988729088976562, 0.13686364881239083, 0.270938968988876};
        double[] pv = {0.6186575064907875, 0.001892286186423088, 0.0007347701838686357};
        for (int j = 0; j < 3; j++) {
            close(m.coefficients().get(j).estimate(), params[j]);
            close(m.coefficients().get(j).standardError(), bse[j]);
            close(m.coefficients().get(j).pValue(), pv[j]);
        }
        close(m.logLikelihood(), -29.857679147051986);
        close(m.nullLogLikelihood(), -41.05390590925913);
        assertThat(m.converged()).isTrue();
        close(m.coefficient("x1").oddsRatio(), Math.exp(params[1]));
    }

    @Test
    void ridgeLogisticMatchesNumpyIrls() {
        LogisticModel m = LogisticRegression.defaults().withRidge(2.0).fit(List.of("x1", "x2"), logitX(), LOGIT_Y);
        // numpy Newton on -ll + 1/2*2.0*sum(beta[1:]**2) (stats_reference.py, "ridge IRLS"); bse = sqrt(diag(inv(H + lam*D)))
        double[] params = {0.2797581591642598, 0.3851423218447669, -0.7939014032748635};
        double[] bse = {0.7674011992111817, 0.12572606199760902, 0.23631060871466353};
        for (int j = 0; j < 3; j++) {
            close(m.coefficients().get(j).estimate(), params[j]);
            close(m.coefficients().get(j).standardError(), bse[j]);
        }
    }

    @Test
    void logisticReportsSeparationAndSingularity() {
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
        double[] y = {0, 0, 0, 1, 1, 1};
        assertThatThrownBy(() -> LogisticRegression.defaults().fit(List.of("x"), x, y))
                .isInstanceOfSatisfying(FapException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ANALYSIS_FAILED);
                    assertThat(e.hint()).contains("withRidge");
                })
                .hasMessageContaining("separated");
        assertThat(LogisticRegression.defaults().withRidge(1.0).fit(List.of("x"), x, y).converged()).isTrue();
        double[][] c = {{1, 7}, {2, 7}, {3, 7}, {4, 7}, {5, 7}, {6, 7}};
        double[] y2 = {0, 1, 0, 1, 1, 0};
        assertThatThrownBy(() -> LogisticRegression.defaults().fit(List.of("x", "k"), c, y2))
                .hasMessageContaining("constant features [k]");
        assertThatThrownBy(() -> LogisticRegression.defaults().fit(List.of("x"), x, new double[6]))
                .hasMessageContaining("both outcomes");
    }

    @Test
    void aucWithTiesAndDeLong() {
        double[] s = new double[40];
        for (int i = 0; i < 40; i++) {
            s[i] = Math.round(10 * u(i + 300)) / 10.0;
        }
        double[] lab = {1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1,
            1, 0, 1, 1};
        AucResult r = Roc.auc(s, lab, 0.95);
        // st.mannwhitneyu(pos, neg).statistic/(len(pos)*len(neg))
        close(r.auc(), 0.5837912087912088);
        // DeLong: sqrt(v10.var(ddof=1)/n1 + v01.var(ddof=1)/n0) with st.rankdata (stats_reference.py)
        close(r.standardError(), 0.09490182332266087);
        RocCurve c = Roc.curve(s, lab, 1000);
        assertThat(c.falsePositiveRate()[0]).isZero();
        assertThat(c.truePositiveRate()[c.truePositiveRate().length - 1]).isEqualTo(1.0);
    }

    @Test
    void calibration() {
        double[] p = new double[50];
        for (int i = 0; i < 50; i++) {
            p[i] = u(i + 900);
        }
        double[] y = {0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0,
            1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0};
        CalibrationResult r = Calibration.of(p, y, 5);
        // np.mean((pp-yy)**2)
        close(r.brierScore(), 0.15898007464908553);
        // sum over np.array_split(argsort(pp), 5) of (O-E)**2/(E*(1-E/n_g)); st.chi2.sf(hl, 3)
        close(r.hosmerLemeshow(), 2.2750746881281136);
        close(r.pValue(), 0.517312745300077);
        assertThat(r.bins()).hasSize(5);
    }

    @Test
    void silhouette() {
        double[][] pts = {{0, 0}, {0, 1}, {1, 0}, {5, 5}, {5, 6}, {6, 5}, {6, 6}, {0, 5}, {1, 5.5}};
        int[] lab = {0, 0, 0, 1, 1, 1, 1, 2, 2};
        // numpy silhouette (sklearn definition), stats_reference.py "silhouette"
        close(KMeans.meanSilhouette(pts, lab, 3, null), 0.7672724939673558);
    }

    @Test
    void kMeansChoosesKAmongUsableCandidatesOnly() {
        // 3 segments of 300 plus 12 far-out customers (1.3%): by silhouette alone the best split is
        // "the 12" against "everyone else", a segmentation no one can use
        double[][] rows = new double[912][];
        for (int i = 0; i < 900; i++) {
            int c = i % 3;
            rows[i] = new double[] {(c == 1 ? 3 : 0) + u(i), (c == 2 ? 3 : 0) + u(i + 5000)};
        }
        for (int i = 900; i < 912; i++) {
            rows[i] = new double[] {60 + u(i), 60 + u(i + 5000)};
        }
        Clustering raw = KMeans.defaults().withMinClusterShare(0).withK(2, 6).cluster(List.of("a", "b"), rows);
        System.out.println("silhouette only: " + raw.candidates());
        assertThat(raw.k()).isEqualTo(2);
        assertThat(raw.sizes()).contains(12L);
        // the size rule alone cannot help when the 12 claim a cluster at every k: all candidates unusable
        Clustering sizeRuleOnly = KMeans.defaults().withK(2, 6).cluster(List.of("a", "b"), rows);
        assertThat(sizeRuleOnly.candidates()).noneMatch(ClusterCandidate::usable);
        // winsorised at 2%/98% the 12 join the segments' edges; k is chosen among usable candidates
        Clustering usable = KMeans.defaults().withWinsorizing(0.02).withK(2, 6).cluster(List.of("a", "b"), rows);
        System.out.println("usable only: " + usable.candidates());
        assertThat(usable.k()).isEqualTo(3);
        assertThat(usable.method()).contains("winsorised at 2.0/98.0%");
        assertThat(usable.candidates()).hasSize(5);
        assertThat(usable.method()).contains("≥ 5.0%");
        assertThat(java.util.Arrays.stream(usable.sizes()).min().orElseThrow()).isGreaterThanOrEqualTo(Math.round(0.05 * 912));
        assertThat(usable.candidates()).filteredOn(ClusterCandidate::usable)
                .allSatisfy(c -> assertThat(c.silhouette()).isLessThanOrEqualTo(usable.silhouette()));
        assertThatThrownBy(() -> KMeans.defaults().withMinClusterShare(0.5)).isInstanceOf(FapException.class);
    }

    @Test
    void kMeansRecoversSeparatedClustersAndIsDeterministic() {
        double[][] rows = new double[300][];
        for (int i = 0; i < 300; i++) {
            int c = i % 3;
            rows[i] = new double[] {c * 10 + u(i), (c == 1 ? 10 : 0) + u(i + 5000)};
        }
        Clustering a = KMeans.defaults().withSeed(3).cluster(List.of("a", "b"), rows);
        Clustering b = KMeans.defaults().withSeed(3).cluster(List.of("a", "b"), rows);
        assertThat(a.k()).isEqualTo(3);
        assertThat(a.sizes()).containsExactlyInAnyOrder(100, 100, 100);
        assertThat(a.silhouette()).isGreaterThan(0.9);
        assertThat(a.assignments()).isEqualTo(b.assignments());
        for (int i = 3; i < 300; i++) {
            assertThat(a.assignments()[i]).isEqualTo(a.assignments()[i % 3]);
        }
    }

    static double[][] olsX() {
        double[][] x = new double[40][];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {u(i + 50), u(i + 60) < 0.5 ? 1.0 : 0.0};
        }
        return x;
    }

    static double[] olsY(double[][] x) {
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            y[i] = 1 + 2 * x[i][0] - 0.7 * x[i][1] + (u(i + 70) - 0.5) * (1 + 2 * x[i][0]);
        }
        return y;
    }

    @Test
    void olsWithRobustErrorsMatchesStatsmodels() {
        double[][] x = olsX();
        double[] y = olsY(x);
        List<String> names = List.of("x", "d");
        // sm.OLS(Yo, Xc).fit(cov_type=ct, use_t=True).bse / .pvalues for ct in nonrobust, HC0, HC1, HC3
        Object[][] cases = {
            {LinearRegression.Covariance.CLASSICAL, new double[] {0.22911650328143723, 0.40680376690445275, 0.22347878465955226},
                new double[] {0.00011879964562211138, 1.4140191773836252e-05, 0.10003948076434742}},
            {LinearRegression.Covariance.HC0, new double[] {0.18767904694834117, 0.40316264648252087, 0.21226764119587355},
                new double[] {6.4669230653055705e-06, 1.2297808549523925e-05, 0.08396035061614225}},
            {LinearRegression.Covariance.HC1, new double[] {0.19513938099350214, 0.41918855915735787, 0.22070538390636094},
                new double[] {1.2052239473087193e-05, 2.22982356622783e-05, 0.09599848643188896}},
            {LinearRegression.Covariance.HC3, new double[] {0.20736145107651616, 0.449782417806664, 0.2329914736795175},
                new double[] {3.016247971146299e-05, 6.118140899509565e-05, 0.11415362376231102}},
        };
        for (Object[] c : cases) {
            OlsModel m = LinearRegression.defaults().withCovariance((LinearRegression.Covariance) c[0]).fit(names, x, y);
            // .params
            close(m.coefficients().stream().mapToDouble(RegressionCoefficient::estimate).toArray(),
                    0.9856270059584421, 2.0337006378837974, -0.37698412443894347);
            close(m.coefficients().stream().mapToDouble(RegressionCoefficient::standardError).toArray(), (double[]) c[1]);
            close(m.coefficients().stream().mapToDouble(RegressionCoefficient::pValue).toArray(), (double[]) c[2]);
            close(m.rSquared(), 0.4031512182940121); // .rsquared
        }
        long[] groups = new long[40];
        for (int i = 0; i < 40; i++) {
            groups[i] = i / 4;
        }
        // sm.OLS(Yo, Xc).fit(cov_type="cluster", cov_kwds={"groups": G}, use_t=True): bse, pvalues (df = G-1 = 9)
        OlsModel cl = LinearRegression.defaults().fitClustered(names, x, y, groups);
        close(cl.coefficients().stream().mapToDouble(RegressionCoefficient::standardError).toArray(),
                0.22620965424492773, 0.48435857852381653, 0.23525168326274132);
        close(cl.coefficients().stream().mapToDouble(RegressionCoefficient::pValue).toArray(),
                0.0018310859857104194, 0.0023109655748999526, 0.14351509352227027);
        assertThat(cl.dfInference()).isEqualTo(9);
        assertThat(cl.clusters()).isEqualTo(10);
    }

    @Test
    void olsRejectsCollinearTerms() {
        double[][] x = new double[10][];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i, 2.0 * i};
        }
        assertThatThrownBy(() -> LinearRegression.defaults().fit(List.of("a", "b"), x, X.clone()))
                .isInstanceOf(FapException.class);
    }

    @Test
    void ewmaChart() {
        double[] xs = new double[35];
        for (int i = 0; i < 30; i++) {
            xs[i] = 10 + (u(i + 3000) - 0.5);
        }
        for (int i = 30; i < 35; i++) {
            xs[i] = 11.0;
        }
        EwmaChart c = Ewma.chart(xs, 0.2, 3.0, 20);
        // numpy recursion in stats_reference.py ("EWMA"): z[0], z[34], upper[0], upper[34]
        close(c.ewma()[0], 9.910222980152932);
        close(c.ewma()[34], 10.673333844809108);
        close(c.upper()[0], 10.072070278771694);
        close(c.upper()[34], 10.184224499196121);
        assertThat(c.alarms()).containsExactly(30, 31, 32, 33, 34);
        assertThat(c.index()).isEqualTo(java.util.stream.IntStream.range(0, 35).toArray());

        // missing observations (NaN, e.g. the approval rate of an empty bucket) are left out, not imputed:
        // the same series with gaps inserted gives the same chart, mapped back to the gapped positions
        double[] gapped = new double[45];
        java.util.Arrays.fill(gapped, Double.NaN);
        int[] at = new int[35];
        for (int i = 0, j = 0; i < 35; i++, j++) {
            if (i % 4 == 1 && j < 44) {
                j++; // a gap before every fourth value
            }
            at[i] = j;
            gapped[j] = xs[i];
        }
        EwmaChart g = Ewma.chartSkippingMissing(gapped, 0.2, 3.0, 20);
        assertThat(g.index()).isEqualTo(at);
        close(g.ewma()[0], 9.910222980152932);
        close(g.ewma()[34], 10.673333844809108);
        close(g.upper()[34], 10.184224499196121);
        assertThat(g.alarms()).containsExactly(30, 31, 32, 33, 34);
        assertThat(java.util.Arrays.stream(g.ewma()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void scoreDistributionBinsLikeNumpyHistogram() {
        // numpy.histogram([0, 0.05, 0.1, 0.49, 0.5, 1.0], bins=4, range=(0, 1))
        //   -> (array([3, 1, 1, 1]), array([0.  , 0.25, 0.5 , 0.75, 1.  ]))
        dev.fap.analytics.ScoreDistribution d = dev.fap.analytics.ScoreDistribution.of("p", "unit", "test",
                new double[] {0, 0.05, 0.1, 0.49, 0.5, 1.0}, 0, 1, 4);
        assertThat(d.counts()).containsExactly(3, 1, 1, 1);
        assertThat(d.binEdges()).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(d.n()).isEqualTo(6);
        close(d.mean(), 0.3566666666666667);
        close(d.median(), 0.295);
        assertThatThrownBy(() -> dev.fap.analytics.ScoreDistribution.of("p", "unit", "test", new double[] {1.5}, 0, 1, 4))
                .isInstanceOf(FapException.class).hasMessageContaining("outside");
    }

    @Test
    void kaplanMeierLogLog() {
        double[] t = {3, 5, 5, 6, 8, 8, 9, 12, 12, 12, 15, 18, 20, 22, 24};
        double[] e = {1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0};
        SurvivalCurve s = KaplanMeier.fit(t, e, 0.95);
        // numpy product-limit + Greenwood + log-log (stats_reference.py "km"): rows [t, at risk, d, S, lower, upper]
        double[][] km = {
            {3.0, 15.0, 1.0, 0.9333333333333333, 0.6126412437748717, 0.9903322366500169},
            {5.0, 14.0, 1.0, 0.8666666666666667, 0.5639120057089515, 0.9648844959164715},
            {6.0, 12.0, 1.0, 0.7944444444444444, 0.48790519572439345, 0.9288700887839272},
            {8.0, 11.0, 2.0, 0.6499999999999999, 0.3512710897929294, 0.8374618939364727},
            {12.0, 8.0, 2.0, 0.48749999999999993, 0.21183544687554157, 0.717050090704335},
            {15.0, 5.0, 1.0, 0.38999999999999996, 0.1363329371947433, 0.6408580357921431},
            {20.0, 3.0, 1.0, 0.26, 0.05108145694950791, 0.5433026728490946}};
        assertThat(s.time()).hasSize(km.length);
        for (int k = 0; k < km.length; k++) {
            close(s.time()[k], km[k][0]);
            assertThat(s.atRisk()[k]).isEqualTo((long) km[k][1]);
            assertThat(s.eventCount()[k]).isEqualTo((long) km[k][2]);
            close(s.survival()[k], km[k][3]);
            close(s.lower()[k], km[k][4]);
            close(s.upper()[k], km[k][5]);
        }
        assertThat(s.medianTime()).isEqualTo(12.0);
    }

    static final double[] XB = {2.3, 4.1, 1.7, 6.5, 3.3, 2.9, 8.8, 3.1, 2.2, 4.7, 5.0, 1.1};

    static double[] replicates() {
        double mean = Moments.of(XB).mean();
        double[] r = new double[200];
        for (int j = 0; j < 200; j++) {
            r[j] = mean + 1.4 * (u(j + 4000) - 0.45);
        }
        return r;
    }

    @Test
    void bootstrapIntervalsFromGivenReplicatesMatchScipy() {
        // scipy.stats._resampling._bca_interval((xb,), mean, -1, 0.025, reps, None) -> alphas, a_hat;
        // np.percentile(reps, alpha*100)
        BootstrapResult bca = Bootstrap.fromReplicates(XB, Bootstrap.MEAN, replicates(), 0.95, Bootstrap.Method.BCA, 0);
        close(bca.interval(), 3.19954258936992, 4.500339361369526);
        close(Bootstrap.acceleration(XB, Bootstrap.MEAN), 0.04716779413735823);
        // np.percentile(reps, [2.5, 97.5])
        BootstrapResult pct = Bootstrap.fromReplicates(XB, Bootstrap.MEAN, replicates(), 0.95, Bootstrap.Method.PERCENTILE, 0);
        close(pct.interval(), 3.2110726722314107, 4.549133685501157);
    }

    @Test
    void seededBootstrapIsReproducibleAndSensible() {
        BootstrapResult a = Bootstrap.of(2000, 11).bca(XB, Bootstrap.MEAN, 0.95);
        BootstrapResult b = Bootstrap.of(2000, 11).bca(XB, Bootstrap.MEAN, 0.95);
        assertThat(a).isEqualTo(b);
        MeanEstimate t = TTests.meanInterval(XB, 0.95);
        assertThat(a.interval().contains(t.mean())).isTrue();
        assertThat(a.standardError()).isBetween(0.8 * t.standardError(), 1.1 * t.standardError());
        assertThatThrownBy(() -> Bootstrap.of(500, 1).percentile(new double[] {3, 3, 3}, Bootstrap.MEAN, 0.95))
                .hasMessageContaining("degenerate");
    }

    @Test
    void propensityWeightingPointEstimatesMatchNumpy() {
        int n = 80;
        double[][] x = new double[n][];
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {u(i + 6000) * 4, u(i + 6100)};
            t[i] = u(i + 6200) < 1 / (1 + Math.exp(-(-1 + 0.6 * x[i][0]))) ? 1 : 0;
            y[i] = 2 + 1.5 * t[i] + 0.8 * x[i][0] + (u(i + 6300) - 0.5);
        }
        // Hajek ATT/ATE with e = sm.Logit(Tp, const+Xp).fit(newton).predict(), clipped to [0.01, 0.99]
        // (ridge 1e-6 in Java changes e by < 1e-7 relative, hence the looser tolerance here)
        assertThat(PropensityWeighting.effect(List.of("a", "b"), x, t, y, true)[0]).isCloseTo(1.2968726249294686,
                org.assertj.core.data.Offset.offset(1e-5));
        assertThat(PropensityWeighting.effect(List.of("a", "b"), x, t, y, false)[0]).isCloseTo(1.3931606627988122,
                org.assertj.core.data.Offset.offset(1e-5));
        TreatmentEffect att = PropensityWeighting.defaults().withReplicates(200).withSeed(5).att(List.of("a", "b"), x, t, y, 0.95);
        assertThat(att.interval().contains(att.estimate())).isTrue();
        assertThat(att.interval().contains(1.5)).isTrue();
        assertThat(att).isEqualTo(PropensityWeighting.defaults().withReplicates(200).withSeed(5).att(List.of("a", "b"), x, t, y, 0.95));
    }
}
