"""Reference values for dev.fap.analytics.stats tests.

Run with Debian's scipy 1.10.1 / numpy 1.24.2 / statsmodels 0.13.5:
    /usr/bin/python3 fap-analytics/src/test/python/stats_reference.py
Every value printed here is pasted, with the producing call, into StatsReferenceTest.java.
"""
import numpy as np
import scipy.stats as st
from scipy.special import gammaln, ndtr, ndtri
import statsmodels.api as sm
from statsmodels.stats.proportion import proportions_ztest, proportion_confint
from statsmodels.stats.multitest import multipletests

np.set_printoptions(precision=17)
M64 = (1 << 64) - 1
def u(i):  # the deterministic "uniform" shared with the Java tests: SplitMix64 finaliser of i, top 53 bits
    z = (i + 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    z = z ^ (z >> 31)
    return (z >> 11) * 2.0**-53
def show(name, v):
    print(name, "=", repr(np.asarray(v).tolist()))

a = np.array([5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 4.7, 5.9])
b = np.array([4.2, 4.8, 5.0, 4.5, 5.2, 4.9, 4.1, 4.6, 5.3])

# --- Welch
r = st.ttest_ind(a, b, equal_var=False)
show("welch.t", r.statistic); show("welch.p", r.pvalue)
va, vb = a.var(ddof=1)/len(a), b.var(ddof=1)/len(b)
df = (va+vb)**2/(va**2/(len(a)-1)+vb**2/(len(b)-1)); show("welch.df", df)
d = a.mean()-b.mean(); h = st.t.ppf(0.975, df)*np.sqrt(va+vb)
show("welch.ci", [d-h, d+h])
m = len(a)+len(b)-2
sp = np.sqrt(((len(a)-1)*a.var(ddof=1)+(len(b)-1)*b.var(ddof=1))/m)
cd = d/sp; show("welch.cohen_d", cd)
J = np.exp(gammaln(m/2)-gammaln((m-1)/2))/np.sqrt(m/2); show("welch.hedges_g", cd*J)
show("mean.ci", st.t.interval(0.95, len(a)-1, loc=a.mean(), scale=st.sem(a)))

# --- chi-square
t = np.array([[120, 30, 45], [80, 70, 40]])
chi2, p, dof, exp = st.chi2_contingency(t, correction=False)
show("chi.stat", chi2); show("chi.p", p); show("chi.dof", dof); show("chi.expected", exp)
show("chi.cramer", st.contingency.association(t, method="cramer"))
n = t.sum(); rs = t.sum(1, keepdims=True); cs = t.sum(0, keepdims=True)
show("chi.stdres", (t-exp)/np.sqrt(exp*(1-rs/n)*(1-cs/n)))

# --- proportions
show("wilson.sm", proportion_confint(37, 1200, alpha=0.05, method="wilson"))
ci = st.binomtest(37, 1200).proportion_ci(0.95, method="wilson"); show("wilson.scipy", [ci.low, ci.high])
ci0 = st.binomtest(0, 50).proportion_ci(0.95, method="wilson"); show("wilson0.scipy", [ci0.low, ci0.high])
z, pz = proportions_ztest([230, 180], [2000, 2000]); show("twoprop.z", z); show("twoprop.p", pz)
p1, p2 = 230/2000, 180/2000; se = np.sqrt(p1*(1-p1)/2000+p2*(1-p2)/2000); zc = st.norm.ppf(0.975)
show("twoprop.diffci", [p1-p2-zc*se, p1-p2+zc*se])
sl = np.sqrt(1/230-1/2000+1/180-1/2000); show("twoprop.liftci", [np.exp(np.log(p1/p2)-zc*sl)-1, np.exp(np.log(p1/p2)+zc*sl)-1])

# --- BH
pv = [0.01, 0.04, 0.03, 0.2, 0.001, 0.04, 0.5, 0.049]
show("bh", multipletests(pv, method="fdr_bh")[1])

# --- correlation
x = np.array([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
y = np.array([2.1, 1.9, 3.5, 3.9, 5.2, 4.8, 7.1, 6.9, 8.5, 9.1, 8.8, 12.0])
w = np.array([3.0, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8])
show("pearson.xy", st.pearsonr(x, y)); show("pearson.xw", st.pearsonr(x, w)); show("pearson.yw", st.pearsonr(y, w))
show("spearman.xw", st.spearmanr(x, w)); show("spearman.yw", st.spearmanr(y, w))

# --- outliers
o = np.array([10.0, 12, 11, 13, 12, 11, 10, 50, 12, 11, 9, -20, 12.5, 11.5])
show("out.q", np.percentile(o, [25, 50, 75])); show("out.mad", st.median_abs_deviation(o, scale="normal"))

# --- logistic (MLE)
N = 60
X = np.array([[10*u(i), 5*u(i+1000)] for i in range(N)])
eta = -1 + 0.4*X[:, 0] - 0.5*X[:, 1]
Y = np.array([1.0 if u(i+7777) < 1/(1+np.exp(-e)) else 0.0 for i, e in enumerate(eta)])
show("logit.y", Y)
res = sm.Logit(Y, sm.add_constant(X)).fit(method="newton", tol=1e-14, maxiter=100, disp=0)
show("logit.params", res.params); show("logit.bse", res.bse); show("logit.pvalues", res.pvalues); show("logit.llf", res.llf); show("logit.llnull", res.llnull)
# ridge IRLS: minimise -ll + lam/2 * sum(beta[1:]**2)
lam = 2.0; Xd = sm.add_constant(X); beta = np.zeros(3)
for _ in range(100):
    pr = 1/(1+np.exp(-Xd@beta)); W = pr*(1-pr)
    H = Xd.T@(Xd*W[:, None]) + lam*np.diag([0, 1, 1]); g = Xd.T@(Y-pr) - lam*np.r_[0, beta[1:]]
    beta = beta + np.linalg.solve(H, g)
pr = 1/(1+np.exp(-Xd@beta)); W = pr*(1-pr); H = Xd.T@(Xd*W[:, None]) + lam*np.diag([0, 1, 1])
show("ridge.params", beta); show("ridge.bse", np.sqrt(np.diag(np.linalg.inv(H))))

# --- AUC / DeLong
scores = np.array([round(10*u(i+300))/10 for i in range(40)])  # rounded: many ties
lab = np.array([1.0 if u(i+500) < 0.3 + 0.5*scores[i] else 0.0 for i in range(40)])
show("auc.labels", lab)
pos, neg = scores[lab == 1], scores[lab == 0]
auc = st.mannwhitneyu(pos, neg).statistic/(len(pos)*len(neg)); show("auc", auc)
allr = st.rankdata(np.r_[pos, neg]); v10 = (allr[:len(pos)]-st.rankdata(pos))/len(neg); v01 = 1-(allr[len(pos):]-st.rankdata(neg))/len(pos)
show("auc.se", np.sqrt(v10.var(ddof=1)/len(pos)+v01.var(ddof=1)/len(neg)))

# --- calibration
pp = np.array([u(i+900) for i in range(50)]); yy = np.array([1.0 if u(i+1900) < pp[i] else 0.0 for i in range(50)])
show("cal.y", yy); show("cal.brier", np.mean((pp-yy)**2))
order = np.argsort(pp, kind="stable"); groups = np.array_split(order, 5); hl = 0
for g in groups:
    E = pp[g].sum(); O = yy[g].sum(); hl += (O-E)**2/(E*(1-E/len(g)))
show("cal.hl", hl); show("cal.hl.p", st.chi2.sf(hl, 3))

# --- silhouette (sklearn's definition, numpy)
P = np.array([[0, 0], [0, 1], [1, 0], [5, 5], [5, 6], [6, 5], [6, 6], [0, 5], [1, 5.5]], dtype=float)
L = np.array([0, 0, 0, 1, 1, 1, 1, 2, 2])
D = np.sqrt(((P[:, None, :]-P[None, :, :])**2).sum(-1)); s = []
for i in range(len(P)):
    own = (L == L[i]); own_i = own.copy(); own_i[i] = False
    a_ = D[i, own_i].mean(); b_ = min(D[i, L == c].mean() for c in set(L) if c != L[i]); s.append((b_-a_)/max(a_, b_))
show("silhouette", np.mean(s))

# --- OLS with robust errors
N2 = 40
Xo = np.array([[u(i+50), 1.0 if u(i+60) < 0.5 else 0.0] for i in range(N2)])
Yo = np.array([1 + 2*Xo[i, 0] - 0.7*Xo[i, 1] + (u(i+70)-0.5)*(1+2*Xo[i, 0]) for i in range(N2)])
G = np.array([i // 4 for i in range(N2)])
Xc = sm.add_constant(Xo)
for ct in ["nonrobust", "HC0", "HC1", "HC3"]:
    r_ = sm.OLS(Yo, Xc).fit(cov_type=ct, use_t=True); show("ols." + ct + ".bse", r_.bse); show("ols." + ct + ".p", r_.pvalues)
show("ols.params", r_.params); show("ols.r2", r_.rsquared)
r_ = sm.OLS(Yo, Xc).fit(cov_type="cluster", cov_kwds={"groups": G}, use_t=True)
show("ols.cluster.bse", r_.bse); show("ols.cluster.p", r_.pvalues); show("ols.cluster.df", r_.df_resid_inference if hasattr(r_, "df_resid_inference") else None)

# --- EWMA
xs = np.array([10 + (u(i+3000)-0.5) for i in range(30)] + [11.0]*5)
lam, Lw, nb = 0.2, 3.0, 20
mu, sd = xs[:nb].mean(), xs[:nb].std(ddof=1); z = mu; zs = []; lo = []; hi = []
for t_, v in enumerate(xs, start=1):
    z = lam*v + (1-lam)*z; zs.append(z); hw = Lw*sd*np.sqrt(lam/(2-lam)*(1-(1-lam)**(2*t_))); lo.append(mu-hw); hi.append(mu+hw)
show("ewma.z", zs); show("ewma.upper", hi); show("ewma.alarms", [i for i in range(len(xs)) if zs[i] > hi[i] or zs[i] < lo[i]])

# --- Kaplan-Meier, log-log interval
T = np.array([3, 5, 5, 6, 8, 8, 9, 12, 12, 12, 15, 18, 20, 22, 24], dtype=float)
Ev = np.array([1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0], dtype=float)
ts = np.unique(T[Ev == 1]); S = 1; V = 0; out = []
for tt in ts:
    nr = (T >= tt).sum(); dd = ((T == tt) & (Ev == 1)).sum(); S *= 1-dd/nr; V += dd/(nr*(nr-dd))
    se = np.sqrt(V/np.log(S)**2); out.append([tt, nr, dd, S, S**np.exp(1.959963984540054*se), S**np.exp(-1.959963984540054*se)])
show("km", out)

# --- bootstrap BCa / percentile from fixed replicates, with scipy's own _bca_interval
from scipy.stats._resampling import _bca_interval
xb = np.array([2.3, 4.1, 1.7, 6.5, 3.3, 2.9, 8.8, 3.1, 2.2, 4.7, 5.0, 1.1])
reps = np.array([xb.mean() + 1.4*(u(j+4000)-0.45) for j in range(200)])
a1, a2, ah = _bca_interval((xb,), lambda s, axis: np.mean(s, axis=axis), -1, 0.025, reps, None)
show("bca.alphas", [a1, a2]); show("bca.accel", ah)
show("bca.ci", [np.percentile(reps, a1*100), np.percentile(reps, a2*100)])
show("pct.ci", [np.percentile(reps, 2.5), np.percentile(reps, 97.5)])

# --- propensity (Hajek ATT and ATE point estimates, propensity by logistic MLE)
N3 = 80
Xp = np.array([[u(i+6000)*4, u(i+6100)] for i in range(N3)])
Tp = np.array([1.0 if u(i+6200) < 1/(1+np.exp(-(-1+0.6*Xp[i, 0]))) else 0.0 for i in range(N3)])
Yp = np.array([2 + 1.5*Tp[i] + 0.8*Xp[i, 0] + (u(i+6300)-0.5) for i in range(N3)])
e = sm.Logit(Tp, sm.add_constant(Xp)).fit(method="newton", tol=1e-14, disp=0).predict(sm.add_constant(Xp)); e = np.clip(e, 0.01, 0.99)
wc = e/(1-e); att = Yp[Tp == 1].mean() - (wc[Tp == 0]*Yp[Tp == 0]).sum()/wc[Tp == 0].sum()
ate = (Tp*Yp/e).sum()/(Tp/e).sum() - ((1-Tp)*Yp/(1-e)).sum()/((1-Tp)/(1-e)).sum()
show("ipw.att", att); show("ipw.ate", ate)
