namespace Regviz.Cli.Explore;

/// <summary>
/// The live page's one script. It ports the closed forms of Core's <c>PlaneSolvers</c> (the case analysis of
/// <c>sparsity</c>) rather than calling them: the page must answer every drag at once, offline, with nothing behind it.
/// The browser tests hold it to <c>regviz solve</c> to 1e-9 on generated problems, so a change to either side shows.
/// </summary>
internal static class LivePageScript
{
    public const string Text = """
<script>
"use strict";
(function () {
  var cfg = JSON.parse(document.getElementById("config").textContent);
  var NORMS = ["l1", "l2", "elasticnet", "linf"], ALIAS = { lasso: "l1", ridge: "l2", enet: "elasticnet" };
  var TITLES = { l1: "L1 (lasso)", l2: "L2 (ridge)", elasticnet: "Elastic net", linf: "L∞" };
  var S = 400, NS = "http://www.w3.org/2000/svg", PATH_POINTS = 80;
  var state, view, panels = [], hashTimer = null;

  // ---- the maths: D(w) = (w − m)ᵀA(w − m) + offset, A = [[a, b], [b, d]] ----
  function solve2(a, b, d, e, f) { var det = a * d - b * b; return [(d * e - b * f) / det, (a * f - b * e) / det]; }
  function dataTerm(q, x, y) { var dx = x - q.m1, dy = y - q.m2; return q.a * dx * dx + 2 * q.b * dx * dy + q.d * dy * dy; }
  function quad(s) { var q = { a: s.hessian[0], b: s.hessian[1], d: s.hessian[2], m1: s.centre[0], m2: s.centre[1] }; q.c1 = q.a * q.m1 + q.b * q.m2; q.c2 = q.b * q.m1 + q.d * q.m2; return q; }
  function sign(x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }
  function soft(z, h) { return z > h ? z - h : z < -h ? z + h : 0; }

  function penalty(norm, alpha, x, y) {
    var ax = Math.abs(x), ay = Math.abs(y);
    switch (norm) {
      case "l1": return ax + ay;
      case "l2": return x * x + y * y;
      case "linf": return Math.max(ax, ay);
      default: return alpha * (ax + ay) + (1 - alpha) * (x * x + y * y);
    }
  }
  // N(w) of the constrained form N(w) ≤ t: the norm itself (√Σw² for l2), P for the elastic net
  function size(norm, alpha, x, y) { return norm === "l2" ? Math.hypot(x, y) : penalty(norm, alpha, x, y); }

  // min D + λ(α‖w‖₁ + (1−α)‖w‖²) by its nine sign patterns (α = 1: lasso, α = 0: ridge)
  function enet(q, lambda, alpha) {
    var ridge = lambda * (1 - alpha), h = lambda * alpha / 2, best = [0, 0], bestValue = dataTerm(q, 0, 0);
    for (var s1 = -1; s1 <= 1; s1++) for (var s2 = -1; s2 <= 1; s2++) {
      if (s1 === 0 && s2 === 0) continue;
      var x = 0, y = 0;
      if (s1 !== 0 && s2 !== 0) { var w = solve2(q.a + ridge, q.b, q.d + ridge, q.c1 - h * s1, q.c2 - h * s2); x = w[0]; y = w[1]; }
      else if (s1 !== 0) x = (q.c1 - h * s1) / (q.a + ridge);
      else y = (q.c2 - h * s2) / (q.d + ridge);
      if (sign(x) !== s1 || sign(y) !== s2) continue;
      var v = dataTerm(q, x, y) + lambda * (alpha * (Math.abs(x) + Math.abs(y)) + (1 - alpha) * (x * x + y * y));
      if (v < bestValue) { bestValue = v; best = [x, y]; }
    }
    return best;
  }
  // min D + λ·max(|w1|, |w2|): w = 0, one coordinate strictly larger (smooth there), or |w1| = |w2|
  function linf(q, lambda) {
    var best = [0, 0], bestValue = dataTerm(q, 0, 0);
    function consider(x, y) { var v = dataTerm(q, x, y) + lambda * Math.max(Math.abs(x), Math.abs(y)); if (v < bestValue) { bestValue = v; best = [x, y]; } }
    for (var s = -1; s <= 1; s += 2) {
      var w1 = solve2(q.a, q.b, q.d, q.c1 - lambda / 2 * s, q.c2);
      if (sign(w1[0]) === s && Math.abs(w1[0]) > Math.abs(w1[1])) consider(w1[0], w1[1]);
      var w2 = solve2(q.a, q.b, q.d, q.c1, q.c2 - lambda / 2 * s);
      if (sign(w2[1]) === s && Math.abs(w2[1]) > Math.abs(w2[0])) consider(w2[0], w2[1]);
      var xd = soft(q.c1 + s * q.c2, lambda / 2) / (q.a + 2 * s * q.b + q.d);
      consider(xd, s * xd);
    }
    return best;
  }
  function penalised(q, norm, alpha, lambda) {
    if (norm === "linf") return linf(q, lambda);
    return enet(q, lambda, norm === "l1" ? 1 : norm === "l2" ? 0 : alpha);
  }
  // min D on the diamond (l1) or the square (linf): a vertex, or inside an edge (a parabola on [0, 1])
  function polygon(q, diamond, t) {
    if ((diamond ? Math.abs(q.m1) + Math.abs(q.m2) : Math.max(Math.abs(q.m1), Math.abs(q.m2))) <= t) return [q.m1, q.m2];
    var v = diamond ? [[t, 0], [0, t], [-t, 0], [0, -t]] : [[t, t], [-t, t], [-t, -t], [t, -t]];
    var best = null, bestValue = Infinity;
    for (var e = 0; e < 4; e++) {
      var p = v[e], r = v[(e + 1) % 4], dx = r[0] - p[0], dy = r[1] - p[1], ax = p[0] - q.m1, ay = p[1] - q.m2;
      var a = q.a * dx * dx + 2 * q.b * dx * dy + q.d * dy * dy, b = 2 * (q.a * ax * dx + q.b * (ax * dy + ay * dx) + q.d * ay * dy);
      var s = a > 0 ? Math.min(1, Math.max(0, -b / (2 * a))) : b < 0 ? 1 : 0; // a = 0 only when t² underflows
      var w = s === 0 ? p : s === 1 ? r : [p[0] + s * dx, p[1] + s * dy]; // corners exactly, never (t, 1e-17)
      var value = dataTerm(q, w[0], w[1]);
      if (value < bestValue) { bestValue = value; best = w; }
    }
    return best;
  }
  // min D on ‖w‖₂ ≤ t: w = (A + μI)⁻¹Am with ‖w‖ = t, Newton on 1/‖w(μ)‖ − 1/t (Moré–Sorensen)
  function ball2(q, t) {
    if (q.m1 * q.m1 + q.m2 * q.m2 <= t * t) return [q.m1, q.m2];
    var mu = 0;
    for (var it = 0; it < 100; it++) {
      var w = solve2(q.a + mu, q.b, q.d + mu, q.c1, q.c2), norm = Math.hypot(w[0], w[1]);
      var z = solve2(q.a + mu, q.b, q.d + mu, w[0], w[1]);
      var phi = 1 / norm - 1 / t, slope = (w[0] * z[0] + w[1] * z[1]) / (norm * norm * norm);
      var next = Math.max(mu - phi / slope, 0);
      if (Math.abs(next - mu) <= 1e-15 * Math.max(1, mu)) { mu = next; break; }
      mu = next;
    }
    var u = solve2(q.a + mu, q.b, q.d + mu, q.c1, q.c2), scale = t / Math.hypot(u[0], u[1]);
    if (isFinite(u[0] * scale) && isFinite(u[1] * scale)) return [u[0] * scale, u[1] * scale];
    // a radius so small that μ overflows: w* → t·Am/‖Am‖, the direction D falls fastest from 0
    var g = Math.hypot(q.c1, q.c2);
    return g > 0 ? [t * (q.c1 / g), t * (q.c2 / g)] : [0, 0];
  }
  // min D on P(w) ≤ t for the elastic net: the penalised form at the smallest λ whose optimum fits, by bisection to the last bit
  function enetBall(q, alpha, t) {
    if (penalty("elasticnet", alpha, q.m1, q.m2) <= t) return [q.m1, q.m2];
    function fits(l) { var w = enet(q, l, alpha); return penalty("elasticnet", alpha, w[0], w[1]) <= t; }
    var lo = 0, hi = 1;
    for (var k = 0; k < 2100 && isFinite(hi) && !fits(hi); k++) { lo = hi; hi *= 2; }
    if (!isFinite(hi)) return [0, 0]; // no finite λ fits: the ball is a point at the scale of doubles
    for (var i = 0; i < 2200; i++) { var mid = lo + (hi - lo) / 2; if (mid <= lo || mid >= hi) break; if (fits(mid)) hi = mid; else lo = mid; }
    return enet(q, hi, alpha);
  }
  function constrained(q, norm, alpha, t) {
    if (norm === "l1" || norm === "linf") return polygon(q, norm === "l1", t);
    if (norm === "l2") return ball2(q, t);
    return enetBall(q, alpha, t);
  }
  // λ of a point on the ball: −∇D ∈ λ∂P, so λ is the dual norm of ∇D (per unit of P's gradient for the smooth parts)
  function multiplier(q, norm, alpha, w) {
    var g1 = -2 * (q.a * (w[0] - q.m1) + q.b * (w[1] - q.m2)), g2 = -2 * (q.b * (w[0] - q.m1) + q.d * (w[1] - q.m2));
    if (norm === "l1") return Math.max(Math.abs(g1), Math.abs(g2));
    if (norm === "linf") return Math.abs(g1) + Math.abs(g2);
    if (norm === "l2") { var n = Math.hypot(w[0], w[1]); return n === 0 ? Infinity : Math.hypot(g1, g2) / (2 * n); }
    var j = Math.abs(w[0]) >= Math.abs(w[1]) ? 0 : 1, wj = w[j], gj = j === 0 ? g1 : g2;
    return wj === 0 ? Infinity : gj / (alpha * sign(wj) + 2 * (1 - alpha) * wj);
  }
  // the optimum and its numbers for one norm in the state's form
  function optimum(q, norm, s) {
    var w, lambda, t;
    if (s.radius !== null) {
      t = s.radius; w = constrained(q, norm, s.alpha, t);
      lambda = size(norm, s.alpha, w[0], w[1]) < t ? 0 : multiplier(q, norm, s.alpha, w);
    } else {
      lambda = s.lambda; w = penalised(q, norm, s.alpha, lambda); t = size(norm, s.alpha, w[0], w[1]);
    }
    var D = dataTerm(q, w[0], w[1]) + cfg.offset, P = penalty(norm, s.alpha, w[0], w[1]);
    return { w: w, lambda: lambda, t: t, D: D, P: P, J: D + (isFinite(lambda) ? lambda * P : 0) };
  }
  // λ where every optimum is 0 (or, for ridge, a scale of the loss): the slider's reference
  function lambdaScale(q) { var r = 2 * Math.max(Math.abs(q.c1), Math.abs(q.c2)); return r > 0 && isFinite(r) ? r : 1; }

  // ---- the state and its fragment: user input, so every value is checked and clamped ----
  function finite(list, count) {
    if (list.length !== count) return null;
    var out = [];
    for (var i = 0; i < count; i++) { if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(list[i])) return null; var x = Number(list[i]); if (!isFinite(x)) return null; out.push(x); }
    return out;
  }
  function clamp(x, lo, hi) { return Math.min(hi, Math.max(lo, x)); }
  function spd(h) { return h[0] > 0 && h[2] > 0 && h[0] * h[2] - h[1] * h[1] > 1e-12 * h[0] * h[2]; }
  function defaults() {
    return { norms: cfg.norms.slice(), lambda: cfg.lambda, radius: cfg.radius, alpha: cfg.alpha, centre: cfg.centre.slice(), hessian: cfg.hessian.slice() };
  }
  function parseFragment(text) {
    var s = defaults();
    if (typeof text !== "string" || text.length > 2000) return s;
    var fields = {};
    text.replace(/^#/, "").split("&").slice(0, 20).forEach(function (part) {
      var i = part.indexOf("=");
      if (i <= 0) return;
      var key = part.slice(0, i), value;
      try { value = decodeURIComponent(part.slice(i + 1)); } catch (e) { return; }
      if (/^(norm|lambda|radius|alpha|centre|hessian)$/.test(key)) fields[key] = value;
    });
    if (fields.norm !== undefined) {
      var names = fields.norm.split(",").map(function (n) { n = n.trim().toLowerCase(); return ALIAS[n] || n; });
      var ok = names.length >= 1 && names.length <= 4 && names.every(function (n, i) { return NORMS.indexOf(n) >= 0 && names.indexOf(n) === i; });
      if (ok) s.norms = names;
    }
    var one;
    if (fields.alpha !== undefined && (one = finite([fields.alpha], 1))) s.alpha = clamp(one[0], 0, 1);
    if (fields.centre !== undefined && (one = finite(fields.centre.split(","), 2))) s.centre = [clamp(one[0], -1e6, 1e6), clamp(one[1], -1e6, 1e6)];
    if (fields.hessian !== undefined && (one = finite(fields.hessian.split(","), 3)) && one.every(function (x) { return Math.abs(x) <= 1e12; }) && spd(one)) s.hessian = one;
    if (fields.radius !== undefined && (one = finite([fields.radius], 1)) && one[0] >= 0) { s.radius = clamp(one[0], 1e-300, 1e300); }
    else if (fields.lambda !== undefined && (one = finite([fields.lambda], 1)) && one[0] >= 0) { s.lambda = clamp(one[0], 1e-300, 1e300); s.radius = null; }
    return s;
  }
  function fragment(s) {
    var parts = ["norm=" + s.norms.join(","), s.radius !== null ? "radius=" + s.radius : "lambda=" + s.lambda,
      "centre=" + s.centre.join(","), "hessian=" + s.hessian.join(",")];
    if (s.norms.indexOf("elasticnet") >= 0) parts.push("alpha=" + s.alpha);
    return "#" + parts.join("&");
  }
  function writeFragment() {
    clearTimeout(hashTimer);
    // replaceState is rate-limited by browsers: the fragment follows a drag once it pauses
    hashTimer = setTimeout(function () { history.replaceState(null, "", fragment(state)); document.body.dataset.state = fragment(state); }, 120);
  }

  // ---- numbers in one notation: 2.613 × 10⁻⁵, never 2.613E-05 ----
  var SUP = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
  function fmt(x) {
    if (x === 0) return "0";
    if (x === Infinity) return "∞";
    if (!isFinite(x)) return "—";
    var ax = Math.abs(x);
    if (ax >= 1e-4 && ax < 1e6) return String(Number(x.toPrecision(6))).replace("-", "−");
    var parts = x.toExponential(3).split("e");
    var mant = parts[0].replace(/\.?0+$/, "").replace("-", "−"), exp = String(Number(parts[1]));
    return mant + " × 10" + exp.split("").map(function (c) { return SUP[c]; }).join("");
  }

  // ---- the view: square, equal aspect, fixed while the reader drags ----
  function makeView(s) {
    var q = quad(s), r = Math.max(Math.abs(q.m1), Math.abs(q.m2));
    if (s.radius !== null) r = Math.max(r, s.radius <= 1e6 ? Math.min(s.radius, 3 * r || s.radius) : r);
    r = (r > 0 ? r : 1) * 1.9; // room for the guide ellipse around m
    var e = eig(s.hessian);
    return { r: r, rho: 0.45 * r * Math.sqrt(e.l2), lref: lambdaScale(q) };
  }
  function px(v) { return [S / 2 + v[0] / view.r * S / 2, S / 2 - v[1] / view.r * S / 2]; }
  function plane(p) { return [(p[0] - S / 2) / (S / 2) * view.r, (S / 2 - p[1]) / (S / 2) * view.r]; }
  function pts(list) {
    return list.map(function (v) { var p = px(v); return clamp(p[0], -1e5, 1e5).toFixed(2) + "," + clamp(p[1], -1e5, 1e5).toFixed(2); }).join(" ");
  }
  // A = l1·v1v1ᵀ + l2·v2v2ᵀ, l1 ≥ l2; v2 is the long axis of the ellipses
  function eig(h) {
    var a = h[0], b = h[1], d = h[2], mean = (a + d) / 2, rad = Math.hypot((a - d) / 2, b);
    var l1 = mean + rad, l2 = (a * d - b * b) / l1, th = 0.5 * Math.atan2(2 * b, a - d);
    return { l1: l1, l2: l2, c: Math.cos(th), s: Math.sin(th) };
  }
  function ellipse(s, level) {
    var e = eig(s.hessian), out = [];
    if (!(level > 0)) return out;
    var r1 = Math.sqrt(level / e.l1), r2 = Math.sqrt(level / e.l2);
    for (var i = 0; i <= 96; i++) {
      var f = 2 * Math.PI * i / 96, u = r1 * Math.cos(f), v = r2 * Math.sin(f);
      out.push([s.centre[0] + u * e.c - v * e.s, s.centre[1] + u * e.s + v * e.c]);
    }
    return out;
  }
  function ballPoints(norm, alpha, t) {
    if (!(t > 0)) return [];
    if (norm === "l1") return [[t, 0], [0, t], [-t, 0], [0, -t], [t, 0]];
    if (norm === "linf") return [[t, t], [-t, t], [-t, -t], [t, -t], [t, t]];
    var out = [];
    for (var i = 0; i <= 128; i++) {
      var f = 2 * Math.PI * i / 128, c = Math.cos(f), sn = Math.sin(f), k = Math.abs(c) + Math.abs(sn), r;
      if (norm === "l2") r = t;
      else if (alpha >= 1) r = t / k;
      else if (alpha <= 0) r = Math.sqrt(t);
      else r = (-alpha * k + Math.sqrt(alpha * alpha * k * k + 4 * (1 - alpha) * t)) / (2 * (1 - alpha)); // (1−α)r² + αkr = t
      out.push([r * c, r * sn]);
    }
    return out;
  }
  function handlePoint(s) { var e = eig(s.hessian), r = view.rho / Math.sqrt(e.l2); return [s.centre[0] - r * e.s, s.centre[1] + r * e.c]; }

  // ---- the DOM: one panel per norm, built from the state ----
  function el(name, attrs, parent) {
    var n = document.createElementNS(NS, name);
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(n);
    return n;
  }
  function cell(tbody, label, id, title) {
    var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
    th.scope = "row"; th.textContent = label; td.id = id; td.title = title || "";
    tr.appendChild(th); tr.appendChild(td); tbody.appendChild(tr);
    return td;
  }
  function build() {
    var host = document.getElementById("panels");
    host.textContent = "";
    host.dataset.count = String(state.norms.length);
    panels = state.norms.map(function (norm) {
      var suffix = state.norms.length > 1 ? "-" + norm : "";
      var section = document.createElement("section");
      section.className = "panel"; section.setAttribute("aria-label", TITLES[norm]);
      var h = document.createElement("h2"); h.textContent = TITLES[norm] + (norm === "elasticnet" ? ", α = " + fmt(state.alpha) : ""); section.appendChild(h);
      var body = document.createElement("div"); body.className = "body"; section.appendChild(body);
      var svg = el("svg", { viewBox: "0 0 " + S + " " + S, role: "img", "aria-label": "The plane of the weights: the loss's ellipses, the " + TITLES[norm] + " ball and w*" }, null);
      body.appendChild(svg);
      var p = { norm: norm, svg: svg, suffix: suffix };
      p.grid = el("g", { "class": "grid" }, svg);
      p.axes = el("path", { "class": "axis" }, svg);
      p.thin = el("path", { "class": "loss thin" }, svg);
      p.guide = el("polyline", { "class": "loss guide" }, svg);
      p.path = el("polyline", { "class": "trail" }, svg);
      p.ball = el("polyline", { "class": "ball" }, svg);
      p.level = el("polyline", { "class": "loss bold" }, svg);
      p.opt = el("circle", { "class": "opt", r: 5.5 }, svg);
      p.fit = el("g", { "class": "handle fit", tabindex: 0, role: "button", "aria-label": "The least-squares point: drag it, or move it with the arrow keys" }, svg);
      el("circle", { r: 14, "class": "hit" }, p.fit); el("path", { d: "M-6,-6L6,6M-6,6L6,-6", "class": "mark" }, p.fit);
      p.turn = el("g", { "class": "handle turn", tabindex: 0, role: "button", "aria-label": "The ellipse's handle: drag it to stretch and turn the loss; arrow keys move it" }, svg);
      el("circle", { r: 14, "class": "hit" }, p.turn); el("rect", { x: -5, y: -5, width: 10, height: 10, "class": "mark" }, p.turn);
      var numbers = document.createElement("div"); numbers.className = "numbers"; body.appendChild(numbers);
      p.summary = document.createElement("p"); p.summary.className = "summary"; p.summary.id = "zeros" + suffix; p.summary.setAttribute("aria-live", "polite"); numbers.appendChild(p.summary);
      var table = document.createElement("table"), tbody = document.createElement("tbody"); table.appendChild(tbody); numbers.appendChild(table);
      p.cells = {
        w1: cell(tbody, "w₁* (" + cfg.names[0] + ")", "w1" + suffix), w2: cell(tbody, "w₂* (" + cfg.names[1] + ")", "w2" + suffix),
        lambda: cell(tbody, "λ", "lambda" + suffix), t: cell(tbody, norm === "elasticnet" ? "t = P(w*)" : norm === "l2" ? "t = ‖w*‖₂" : norm === "l1" ? "t = ‖w*‖₁" : "t = ‖w*‖∞", "t" + suffix),
        D: cell(tbody, "D(w*)", "D" + suffix), P: cell(tbody, "P(w*)", "P" + suffix), J: cell(tbody, "J = D + λP", "J" + suffix)
      };
      p.equivalence = document.createElement("p"); p.equivalence.className = "muted"; p.equivalence.id = "equivalence" + suffix; numbers.appendChild(p.equivalence);
      host.appendChild(section);
      drag(p.fit, p, "fit"); drag(p.turn, p, "turn");
      return p;
    });
  }
  function niceStep(span) { var raw = span / 4, k = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / k; return (f < 1.5 ? 1 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10) * k; }
  function drawGrid(p) {
    p.grid.textContent = "";
    var step = niceStep(2 * view.r), d = "";
    for (var v = Math.ceil(-view.r / step) * step; v <= view.r; v += step) {
      if (Math.abs(v) < step / 1e6) v = 0;
      var a = px([v, 0]), b = px([0, v]);
      d += "M" + a[0].toFixed(2) + ",0V" + S + "M0," + b[1].toFixed(2) + "H" + S;
      if (v !== 0) { var tx = el("text", { x: a[0], y: S / 2 + 14, "text-anchor": "middle" }, p.grid); tx.textContent = fmt(v); var ty = el("text", { x: S / 2 - 4, y: b[1] + 4, "text-anchor": "end" }, p.grid); ty.textContent = fmt(v); }
    }
    el("path", { d: d, "class": "gridline" }, p.grid).parentNode.insertBefore(p.grid.lastChild, p.grid.firstChild);
    var l1 = el("text", { x: S - 4, y: S / 2 - 6, "text-anchor": "end", "class": "label" }, p.grid); l1.textContent = "w₁";
    var l2 = el("text", { x: S / 2 + 6, y: 14, "class": "label" }, p.grid); l2.textContent = "w₂";
    p.axes.setAttribute("d", "M0," + S / 2 + "H" + S + "M" + S / 2 + ",0V" + S);
  }
  function show(td, x) {
    td.dataset.value = String(x);
    td.textContent = x === 0 ? "0 (exactly)" : fmt(x);
    td.title = String(x);
    td.classList.toggle("zero", x === 0);
  }

  // ---- one update: solve every panel and redraw it ----
  function render() {
    var q = quad(state), lo = Math.log(view.lref * 1e-4), hi = Math.log(view.lref * 1e3);
    var fit = px(state.centre), turn = px(handlePoint(state));
    var thinLevels = [0.25, 1, 2.25, 4].map(function (k) { return k * view.rho * view.rho; });
    var thin = thinLevels.map(function (k) { return "M" + pts(ellipse(state, k)).replace(/ /g, "L"); }).join("");
    for (var i = 0; i < panels.length; i++) {
      var p = panels[i], o = optimum(q, p.norm, state), w = o.w;
      var trail = [];
      for (var k = 0; k <= PATH_POINTS; k++) trail.push(penalised(q, p.norm, state.alpha, Math.exp(hi + (lo - hi) * k / PATH_POINTS)));
      trail.push([q.m1, q.m2]);
      p.path.setAttribute("points", pts(trail));
      p.ball.setAttribute("points", pts(ballPoints(p.norm, state.alpha, o.t)));
      p.level.setAttribute("points", pts(ellipse(state, dataTerm(q, w[0], w[1]))));
      p.thin.setAttribute("d", thin);
      p.guide.setAttribute("points", pts(ellipse(state, view.rho * view.rho)));
      var c = px(w); p.opt.setAttribute("cx", c[0].toFixed(2)); p.opt.setAttribute("cy", c[1].toFixed(2));
      p.fit.setAttribute("transform", "translate(" + fit[0].toFixed(2) + "," + fit[1].toFixed(2) + ")");
      p.turn.setAttribute("transform", "translate(" + turn[0].toFixed(2) + "," + turn[1].toFixed(2) + ")");
      show(p.cells.w1, w[0]); show(p.cells.w2, w[1]); show(p.cells.lambda, o.lambda); show(p.cells.t, o.t);
      show(p.cells.D, o.D); show(p.cells.P, o.P); show(p.cells.J, o.J);
      var zeros = [w[0] === 0 ? "w₁" : null, w[1] === 0 ? "w₂" : null].filter(Boolean);
      p.summary.textContent = zeros.length === 2 ? "w* = 0: both weights are exactly 0" : zeros.length === 1 ? zeros[0] + " is exactly 0: w* sits on an axis" : "no weight is exactly 0";
      p.equivalence.textContent = state.radius !== null
        ? "The ball N(w) ≤ t = " + fmt(o.t) + " gives the same w* as the penalty with λ = " + fmt(o.lambda) + "."
        : "λ = " + fmt(o.lambda) + " gives the same w* as the ball N(w) ≤ t = " + fmt(o.t) + ".";
    }
    syncSlider();
  }

  // ---- controls ----
  var slider = document.getElementById("knob"), out = document.getElementById("knob-value"), form = document.getElementById("form");
  function sliderRange() {
    if (state.radius !== null) {
      var top = 0;
      state.norms.forEach(function (n) { top = Math.max(top, size(n, state.alpha, state.centre[0], state.centre[1])); });
      top = Math.max(top * 1.2, state.radius, 1e-9);
      return { log: false, min: 0, max: top };
    }
    return { log: true, min: Math.log10(Math.min(view.lref * 1e-4, state.lambda)), max: Math.log10(Math.max(view.lref * 1e3, state.lambda)) };
  }
  function syncSlider() {
    var r = sliderRange(), v = state.radius !== null ? state.radius : Math.log10(state.lambda);
    slider.min = String(r.min); slider.max = String(r.max); slider.step = String((r.max - r.min) / 1000);
    if (document.activeElement !== slider || slider.dataset.moving !== "1") slider.value = String(v);
    var label = (state.radius !== null ? "t = " : "λ = ") + fmt(state.radius !== null ? state.radius : state.lambda);
    out.textContent = label; slider.setAttribute("aria-valuetext", label);
    document.getElementById("knob-label").textContent = state.radius !== null ? "t, the ball's radius" : "λ (log scale)";
    form.value = state.radius !== null ? "radius" : "lambda";
  }
  slider.addEventListener("input", function () {
    var v = Number(slider.value);
    if (!isFinite(v)) return;
    slider.dataset.moving = "1";
    if (state.radius !== null) state.radius = Math.max(v, 0); else state.lambda = Math.pow(10, v);
    render(); writeFragment();
    slider.dataset.moving = "0";
  });
  form.addEventListener("change", function () {
    var q = quad(state);
    if (form.value === "radius" && state.radius === null) state.radius = optimum(q, state.norms[0], state).t || size(state.norms[0], state.alpha, q.m1, q.m2) / 2;
    else if (form.value === "lambda" && state.radius !== null) { var l = optimum(q, state.norms[0], state).lambda; state.lambda = l > 0 && isFinite(l) ? l : cfg.lambda; state.radius = null; }
    render(); writeFragment();
  });
  function moveHandle(kind, point) {
    var x = clamp(point[0], -view.r, view.r), y = clamp(point[1], -view.r, view.r);
    if (kind === "fit") { state.centre = [x, y]; return; }
    var e = eig(state.hessian), dx = x - state.centre[0], dy = y - state.centre[1], dist = Math.hypot(dx, dy);
    if (dist < view.r * 0.02) return;
    // the handle sits on the ellipse D = ρ² along its long axis: dropped at distance r, that axis's eigenvalue is ρ²/r²
    var lu = view.rho * view.rho / (dist * dist), lv = e.l1, cu = dx / dist, su = dy / dist;
    if (lv / lu > 1e6) lu = lv / 1e6; if (lu / lv > 1e6) lu = lv * 1e6;
    state.hessian = [lu * cu * cu + lv * su * su, (lu - lv) * cu * su, lu * su * su + lv * cu * cu];
  }
  function drag(node, p, kind) {
    node.addEventListener("pointerdown", function (ev) {
      ev.preventDefault(); node.setPointerCapture(ev.pointerId); node.focus();
      function move(e) {
        var rect = p.svg.getBoundingClientRect();
        moveHandle(kind, plane([(e.clientX - rect.left) / rect.width * S, (e.clientY - rect.top) / rect.height * S]));
        render(); writeFragment();
      }
      function up() { node.removeEventListener("pointermove", move); node.removeEventListener("pointerup", up); node.removeEventListener("pointercancel", up); }
      node.addEventListener("pointermove", move); node.addEventListener("pointerup", up); node.addEventListener("pointercancel", up);
    });
    node.addEventListener("keydown", function (ev) {
      var d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[ev.key];
      if (!d) return;
      ev.preventDefault();
      var step = view.r * (ev.shiftKey ? 0.1 : 0.01), at = kind === "fit" ? state.centre : handlePoint(state);
      moveHandle(kind, [at[0] + d[0] * step, at[1] + d[1] * step]);
      render(); writeFragment();
    });
  }

  function apply(text) {
    var next = parseFragment(text), rebuild = !state || next.norms.join() !== state.norms.join() || next.alpha !== state.alpha;
    state = next; view = makeView(state);
    if (rebuild) build();
    panels.forEach(drawGrid);
    render();
    document.body.dataset.state = fragment(state);
  }
  window.addEventListener("hashchange", function () { apply(location.hash); });
  // for the browser tests' timing: n updates (solve and redraw), λ moving each time; returns each one's milliseconds
  window.regvizExplore = {
    time: function (n) {
      var times = [], saved = state.lambda, savedRadius = state.radius;
      state.radius = null;
      for (var i = 0; i < n; i++) { state.lambda = view.lref * Math.pow(10, -3 + 4 * i / n); var t0 = performance.now(); render(); times.push(performance.now() - t0); }
      state.lambda = saved; state.radius = savedRadius; render();
      return times;
    }
  };
  apply(location.hash);
  document.body.dataset.ready = "1";
})();
</script>
""";
}
