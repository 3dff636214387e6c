import fs from 'node:fs';
import { measureInfo, type Subject } from '../../../shared/catalogue';
import { publishedFigureSchema, type PublishedFigure, type ReconciledFigure, type Reconciliation } from '../../../shared/reconcile';
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

const SUBJECT_HELP: Record<Subject, string> = {
  fatalities: 'no fatalities dataset in this workspace: import the UN Data Hub file DPPADPOSS-FATALITIES.csv',
  deployments: 'no deployments dataset in this workspace: import the UN uniformed personnel contributions files',
  ied: 'no IED incident data in this workspace (no public IED incident list exists: ACLED forbids redistribution, UNMAS publishes none); import an ACLED export or the Bluehelm IED template',
};

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
  const caveats: string[] = synthetic ? ['SYNTHETIC DEMO DATA: not UN figures; a match only shows the demo was calibrated to this figure'] : [];
  const cannot = (reason: string): ReconciledFigure => ({ figure: fig, status: 'cannot_compute', recomputed: null, difference: null, reason, caveats });
  for (const subject of measureInfo[fig.spec.measure].subjects) if (!cov.kinds.has(subject)) return cannot(SUBJECT_HELP[subject]);
  const period = periodOf(fig);
  if (period && measureInfo[fig.spec.measure].subjects.includes('deployments')) {
    const wanted = monthsBetween(period.from, period.to);
    const have = wanted.filter((m) => cov.deploymentMonths.has(m));
    if (have.length === 0) return cannot(`no deployment report for ${period.from}..${period.to}: the deployments data covers ${cov.deploymentSpan}`);
    if (have.length < wanted.length) caveats.push(`deployment reports for ${have.length} of the ${wanted.length} months in ${period.from}..${period.to}`);
  }
  if (period && fig.subject === 'fatalities' && cov.fatalityRange.max && period.to > cov.fatalityRange.max) {
    if (period.from > cov.fatalityRange.max) return cannot(`the fatalities data ends on ${cov.fatalityRange.max}, before ${period.from}`);
    caveats.push(`the fatalities data ends on ${cov.fatalityRange.max}, before the period's end ${period.to}`);
  }
  if (period && fig.subject === 'ied' && cov.iedRange.min && (period.to < cov.iedRange.min || period.from > cov.iedRange.max!)) {
    return cannot(`the IED incident data covers ${cov.iedRange.min}..${cov.iedRange.max}, not ${period.from}..${period.to}`);
  }
  const recomputed = ws.crossTab(fig.spec).grandTotal;
  if (recomputed === null) return cannot('the spec gives a blank value on this workspace');
  const difference = recomputed - fig.value;
  if (Math.abs(difference) <= tolerance(fig.value) + 1e-9) {
    return { figure: fig, status: 'matches', recomputed, difference, reason: null, caveats };
  }
  if (synthetic) {
    return { figure: fig, status: 'differs', recomputed, difference, reason: 'synthetic demo data: the workspace holds no UN figures', caveats };
  }
  const reasons: string[] = [];
  const lastUpdate = fig.subject === 'fatalities' ? cov.fatalityRange.lastUpdate : null;
  if (lastUpdate && lastUpdate > fig.document.date) {
    reasons.push(`the dataset was updated on ${lastUpdate}, after the document (${fig.document.date}): the UN adds late reports and reclassifies deaths after investigation`);
  }
  if (fig.likely_reason && fig.subject !== 'ied') reasons.push(fig.likely_reason);
  return {
    figure: fig,
    status: 'differs',
    recomputed,
    difference,
    reason: reasons.join('; ') || 'no known reason: check the spec against the document',
    caveats,
  };
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
