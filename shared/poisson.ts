/**
 * The exact (Garwood) 95 % interval of a Poisson mean from an observed count: the count's own
 * uncertainty, so "twice as deadly" on 2 deaths against 1 is seen for what it is. Lower bound: the
 * 2.5 % quantile of Gamma(deaths, 1) (0 for no deaths); upper bound: the 97.5 % quantile of Gamma(deaths + 1, 1).
 */

/** ln Γ(x), Lanczos (g = 7, n = 9): 15 significant digits for x > 0. */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularised lower incomplete gamma P(a, x): a series below a + 1, a continued fraction above. */
function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) sum += term *= x / (a + n);
    return sum * front;
  }
  // Lentz's method for the continued fraction of Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - front * h;
}

/** The p-quantile of Gamma(a, 1), by bisection (P is increasing in x): to 1e-12 relative. */
function gammaQuantile(p: number, a: number): number {
  let lo = 0;
  let hi = a + 20 * Math.sqrt(a) + 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gammaP(a, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The exact 95 % interval of the mean count behind an observed count of events. */
export function poissonInterval95(count: number): [number, number] {
  return [count === 0 ? 0 : gammaQuantile(0.025, count), gammaQuantile(0.975, count + 1)];
}
