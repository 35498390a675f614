#!/usr/bin/env python3
"""The Python equivalent of `regviz contour --norm l1 --lambda 0.5 --path`, for the speed comparison.

Same work as regviz: 60 rows of two correlated features, the MSE loss on a 400x400 grid (numpy), contour
levels evenly spaced in sqrt(D - D_min) with one through the optimum, the optimum (scikit-learn), a
100-value regularisation path, the norm balls, markers, legend, labels, equal aspect, an 800x800 PNG.
`--count 48` draws 48 such figures in one process (norms l1, l2, elasticnet x 8 lambdas x 2 themes),
the workload of figures48.yaml.
"""
import argparse
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from sklearn.linear_model import Lasso, Ridge, ElasticNet, lasso_path, enet_path

p = argparse.ArgumentParser()
p.add_argument("--count", type=int, default=1)
p.add_argument("--out", default="/tmp/py-figures")
p.add_argument("--grid", type=int, default=400)
args = p.parse_args()

rng = np.random.default_rng(20240611)
n = 60
z1, z2, e = rng.standard_normal((3, n))
X = np.column_stack([z1, 0.15 * z1 + 0.48 * z2])
y = 1.5 * X[:, 0] + 0.6 * X[:, 1] + 0.3 * e
G = X.T @ X / n
c = X.T @ y / n
yy = y @ y / n


def loss(w1, w2):
    return G[0, 0] * w1 * w1 + 2 * G[0, 1] * w1 * w2 + G[1, 1] * w2 * w2 - 2 * c[0] * w1 - 2 * c[1] * w2 + yy


def solve(norm, lam):
    if norm == "l1":
        return Lasso(alpha=lam / 2, fit_intercept=False, tol=1e-12, max_iter=100000).fit(X, y).coef_
    if norm == "l2":
        return Ridge(alpha=lam * n, fit_intercept=False).fit(X, y).coef_
    r = 0.5  # our alpha 2r/(1+r) = 2/3 is not 0.5; choose r so that 2r/(1+r) = 0.5: r = 1/3
    r = 1 / 3
    return ElasticNet(alpha=lam / (1 + r), l1_ratio=r, fit_intercept=False, tol=1e-12, max_iter=100000).fit(X, y).coef_


def path(norm):
    if norm == "l2":
        lams = np.logspace(-3, 3, 100)
        return np.array([Ridge(alpha=l * n, fit_intercept=False).fit(X, y).coef_ for l in lams])
    if norm == "l1":
        _, coefs, _ = lasso_path(X, y, n_alphas=100)
    else:
        _, coefs, _ = enet_path(X, y, l1_ratio=1 / 3, n_alphas=100)
    return coefs.T


def ball(norm, level):
    t = np.linspace(0, 2 * np.pi, 1025)
    u, v = np.cos(t), np.sin(t)
    if norm == "l1":
        r = level / (np.abs(u) + np.abs(v))
    elif norm == "l2":
        r = np.sqrt(level) * np.ones_like(t)
    else:
        b = 0.5 * (np.abs(u) + np.abs(v))
        r = 2 * level / (b + np.sqrt(b * b + 4 * 0.5 * level))
    return r * u, r * v


def penalty(norm, w):
    if norm == "l1":
        return np.abs(w).sum()
    if norm == "l2":
        return (w * w).sum()
    return 0.5 * np.abs(w).sum() + 0.5 * (w * w).sum()


def figure(norm, lam, theme, out):
    w = solve(norm, lam)
    ls = np.linalg.solve(G, c)
    pts = np.array([[0, 0], ls, w])
    lo, hi = pts.min(0), pts.max(0)
    span = max((hi - lo).max(), 1e-9)
    lo, hi = lo - 0.3 * span, hi + 0.3 * span
    xs = np.linspace(lo[0], hi[0], args.grid + 1)
    ys = np.linspace(lo[1], hi[1], args.grid + 1)
    W1, W2 = np.meshgrid(xs, ys)
    D = loss(W1, W2)
    dmin, dopt = loss(*ls), loss(*w)
    s = np.sqrt((D.max() - dmin) / (dopt - dmin))
    steps = np.concatenate([[1 / 3, 2 / 3, 1], 1 + np.arange(1, 8) * max(1 / 3, (s - 1) / 7)])
    levels = np.unique(dmin + (dopt - dmin) * steps[steps <= s] ** 2)
    fig, ax = plt.subplots(figsize=(8, 8), dpi=100)
    if theme == "dark":
        fig.patch.set_facecolor("#1B1D22")
        ax.set_facecolor("#1B1D22")
    cs = ax.contour(W1, W2, D, levels=levels, colors="#E4572E", linewidths=1.3)
    ax.clabel(cs, fmt="%.4g", fontsize=9)
    ax.contour(W1, W2, D, levels=[dopt], colors="#E4572E", linewidths=3)
    pw = penalty(norm, w)
    for k in range(1, 6):
        bx, by = ball(norm, pw * k / 3)
        ax.plot(bx, by, color="#1F5FAD", alpha=0.75, linewidth=1.2)
    bx, by = ball(norm, pw)
    ax.plot(bx, by, color="#1F5FAD", linewidth=3, label="penalty ball through w*")
    P = path(norm)
    ax.plot(P[:, 0], P[:, 1], "--", color="#2A9D4B", linewidth=2.2, label="path of w* as lambda grows")
    ax.plot(*w, "o", color="black", markersize=10, label="regularised optimum w*")
    ax.plot(*ls, "x", color="#E4572E", markersize=12, mew=3, label="least squares")
    ax.annotate(f"w* = ({w[0]:.4g}, {w[1]:.4g})", w, xytext=(10, 10), textcoords="offset points")
    ax.axhline(0, color="#9A9A9A", linewidth=1)
    ax.axvline(0, color="#9A9A9A", linewidth=1)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_aspect("equal")
    ax.set_xlabel("w1 (x1)")
    ax.set_ylabel("w2 (x2)")
    ax.set_title(f"{norm}, lambda = {lam}")
    ax.legend(loc="upper left")
    fig.savefig(out)
    plt.close(fig)


import os
os.makedirs(args.out, exist_ok=True)
if args.count == 1:
    figure("l1", 0.5, "light", os.path.join(args.out, "contour-l1.png"))
else:
    k = 0
    for norm in ["l1", "l2", "elasticnet"]:
        for lam in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0]:
            for theme in ["light", "dark"]:
                if k < args.count:
                    figure(norm, lam, theme, os.path.join(args.out, f"fig{k:02d}.png"))
                k += 1
