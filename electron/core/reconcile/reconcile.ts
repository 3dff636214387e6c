import fs from 'node:fs';
import { measureInfo, type Subject } from '../../../shared/catalogue';
import { explain, publishedFigureSchema, type Explanation, type PublishedFigure, type ReconciledFigure, type Reconciliation } from '../../../shared/reconcile';
import { rootPath } from '../paths';
import type { Workspace } from '../workspace';

export function loadPublishedFigures(file = rootPath('data', 'published-figures.json')): PublishedFigure[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
  return raw.map((f, i) => {
    const parsed = publishedFigureSchema.safeParse(f);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: figure ${i + 1}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  });
}

/** Published figures are rounded to the decimals they are printed with; a match is within that rounding. */
function tolerance(value: number): number {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return decimals === 0 && !Number.isInteger(value) ? 0 : 0.5 * 10 ** -decimals;
}

interface Coverage {
  kinds: Set<Subject>;
  deploymentMonths: Set<string>;
  deploymentSpan: string;
  fatalityRange: { min: string | null; max: string | null; lastUpdate: string | null };
  iedRange: { min: string | null; max: string | null };
}

function coverage(ws: Workspace): Coverage {
  const db = ws.db;
  const kinds = new Set((db.prepare(`SELECT DISTINCT kind FROM dataset`).pluck().all() as Subject[]));
  const months = db.prepare(`SELECT DISTINCT month FROM deployment ORDER BY month`).pluck().all() as string[];
  const spans: string[] = [];
  for (let i = 0; i < months.length; ) {
    let j = i;
    const next = (m: string) => {
      const [y, mo] = m.split('-').map(Number);
      return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
    };
    while (j + 1 < months.length && (months[j + 1] === next(months[j]) || months[j + 1] === next(next(months[j])))) j++;
    spans.push(`${months[i]}..${months[j]}`);
    i = j + 1;
  }
  const f = db.prepare(`SELECT MIN(incident_date) min, MAX(incident_date) max FROM fatality`).get() as { min: string | null; max: string | null };
  const lastUpdate = db.prepare(`SELECT MAX(last_update) FROM dataset WHERE kind = 'fatalities'`).pluck().get() as string | null;
  const ied = db.prepare(`SELECT MIN(event_date) min, MAX(event_date) max FROM ied_incident`).get() as { min: string | null; max: string | null };
  return { kinds, deploymentMonths: new Set(months), deploymentSpan: spans.join(', '), fatalityRange: { ...f, lastUpdate }, iedRange: ied };
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const [ty, tm] = to.slice(0, 7).split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function periodOf(fig: PublishedFigure): { from: string; to: string } | null {
  const years = fig.spec.where.year;
  const from = fig.spec.from ?? (years ? `${[...years].sort()[0]}-01-01` : undefined);
  const to = fig.spec.to ?? (years ? `${[...years].sort().pop()}-12-31` : undefined);
  return from && to ? { from, to } : null;
}

export function reconcileFigure(ws: Workspace, fig: PublishedFigure, cov: Coverage, synthetic = false): ReconciledFigure {
  // On the demo a match only shows the generator was calibrated to the figure, and a difference means nothing.
  const caveats: Explanation[] = synthetic ? [{ code: 'synthetic_match' }] : [];
  const result = (status: ReconciledFigure['status'], recomputed: number | null, why: Explanation[]): ReconciledFigure => ({
    figure: fig,
    status,
    recomputed,
    difference: recomputed === null ? null : recomputed - fig.value,
    why,
    caveats,
    reason: why.length ? why.map((e) => explain(e, 'en')).join('; ') : null,
  });
  const cannot = (e: Explanation) => result('cannot_compute', null, [e]);
  for (const subject of measureInfo[fig.spec.measure].subjects) if (!cov.kinds.has(subject)) return cannot({ code: 'no_dataset', subject });
  const period = periodOf(fig);
  if (period && measureInfo[fig.spec.measure].subjects.includes('deployments')) {
    const wanted = monthsBetween(period.from, period.to);
    const have = wanted.filter((m) => cov.deploymentMonths.has(m));
    if (have.length === 0) return cannot({ code: 'no_deployment_report', ...period, covered: cov.deploymentSpan });
    if (have.length < wanted.length) caveats.push({ code: 'some_deployment_months', have: have.length, wanted: wanted.length, ...period });
  }
  if (period && fig.subject === 'fatalities' && cov.fatalityRange.max && period.to > cov.fatalityRange.max) {
    const end = cov.fatalityRange.max;
    if (period.from > end) return cannot({ code: 'data_ends_before', subject: 'fatalities', end, date: period.from });
    caveats.push({ code: 'data_ends_within', subject: 'fatalities', end, date: period.to });
  }
  if (period && fig.subject === 'ied' && cov.iedRange.min && cov.iedRange.max && (period.to < cov.iedRange.min || period.from > cov.iedRange.max)) {
    return cannot({ code: 'ied_period_outside', min: cov.iedRange.min, max: cov.iedRange.max, ...period });
  }
  const recomputed = ws.crossTab(fig.spec).grandTotal;
  if (recomputed === null) return cannot({ code: 'blank' });
  if (Math.abs(recomputed - fig.value) <= tolerance(fig.value) + 1e-9) return result('matches', recomputed, []);
  if (synthetic) return result('differs', recomputed, [{ code: 'synthetic' }]);
  const why: Explanation[] = [];
  const lastUpdate = fig.subject === 'fatalities' ? cov.fatalityRange.lastUpdate : null;
  if (lastUpdate && lastUpdate > fig.document.date) why.push({ code: 'dataset_updated_after', lastUpdate, documentDate: fig.document.date });
  if (fig.likely_reason) {
    why.push({ code: 'figure_note', text: fig.likely_reason, text_zh: fig.likely_reason_zh ?? fig.likely_reason, guess: fig.likely_reason_is_guess ?? false });
  }
  return result('differs', recomputed, why.length ? why : [{ code: 'unknown' }]);
}

/** Every published figure, recomputed from the workspace, with its status and the reason for any difference. */
export function reconcile(ws: Workspace, figures = loadPublishedFigures()): Reconciliation {
  const cov = coverage(ws);
  const info = ws.info();
  const results = figures.map((f) => reconcileFigure(ws, f, cov, info.synthetic));
  return {
    workspace: ws.path,
    synthetic: info.synthetic,
    checkedAt: new Date().toISOString(),
    figures: results,
    counts: {
      matches: results.filter((r) => r.status === 'matches').length,
      differs: results.filter((r) => r.status === 'differs').length,
      cannot_compute: results.filter((r) => r.status === 'cannot_compute').length,
    },
  };
}
