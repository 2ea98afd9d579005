import type { LighthouseScores } from './app/lighthouse-audit';
import type { Visit } from './app/page-visits';
import type { FormResult, FormsReport } from './forms/measure-forms';
import { kb, type CompressedSize } from './lib/compress';
import { round } from './lib/stats';
import type { Row, Verdict } from './report';

/** Budgets from issue 5. KB = 1024 bytes. */
export const budgets = {
  integrationsFirstPaintGzipKb: 160,
  connectWizardGzipKb: 260,
  usableVsRjsf: 1.5,
  keystrokeP95VsFloor: 1.2,
  keystrokeP95VsRjsf: 2.5,
  formJsVsRjsf: 1.5,
  integrationsColdRequests: 3,
  /** Bytes on the wire of a cold /integrations at most this much over the brotli size of what it loads. */
  wireVsBrotli: 1.05,
  lighthouse: { performance: 95, accessibility: 100, bestPractices: 100 },
} as const;

const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');
const sizeText = (gzip: number, brotli: number) => `${kb(gzip)} KB gzip / ${kb(brotli)} KB br`;

/**
 * One size row of the bundle section. With a gzip budget it passes only when the visit itself worked (a visit that
 * failed part-way measured less than the page loads); without one it only informs. A visit's error is its note.
 */
function sizeRow(what: string, size: CompressedSize, budgetKb?: number, error?: string): Row {
  return {
    section: 'bundle',
    what,
    figure: sizeText(size.gzip, size.brotli),
    budget: budgetKb === undefined ? '' : `<= ${budgetKb} KB gzip`,
    result: budgetKb === undefined ? 'n/a' : verdict(!error && kb(size.gzip) <= budgetKb),
    ...(error ? { note: error } : {}),
  };
}

export function bundleRows(visits: readonly Visit[]): Row[] {
  const rows: Row[] = [];
  const find = (name: string) => visits.find((visit) => visit.name === name);
  const integrations = find('integrations');
  if (integrations) {
    rows.push(
      sizeRow(
        'first-paint JS /integrations',
        integrations.firstLoadJs,
        budgets.integrationsFirstPaintGzipKb,
        integrations.error,
      ),
      sizeRow('first-paint CSS /integrations', integrations.css),
    );
  }
  if (integrations?.wire) {
    const { wire, headers, brotli, decoded } = integrations.wire;
    const ratio = brotli ? wire / brotli : Number.POSITIVE_INFINITY;
    rows.push({
      section: 'bundle',
      what: 'bytes on the wire, cold /integrations',
      figure: `${kb(wire)} KB bodies (+${kb(headers)} KB headers) for ${kb(decoded)} KB; brotli ${kb(brotli)} KB (${round(ratio, 3)}x)`,
      budget: `<= ${budgets.wireVsBrotli}x brotli`,
      result: verdict(!integrations.error && ratio <= budgets.wireVsBrotli),
    });
  }
  const connect = find('connect-wizard');
  if (connect)
    rows.push(sizeRow('cumulative JS connect wizard', connect.js, budgets.connectWizardGzipKb, connect.error));
  const flow = find('flow-editor');
  if (flow) rows.push(sizeRow('cumulative JS flow editor + panel', flow.js, undefined, flow.error));
  return rows;
}

function resultOf(results: readonly FormResult[], page: FormResult['page'], size: number) {
  return results.find((result) => result.page === page && result.size === size);
}

export function formsRows(forms: FormsReport): Row[] {
  const rows: Row[] = [];
  const sizes = [...new Set(forms.results.map((result) => result.size))].sort((a, b) => a - b);
  const largest = sizes[sizes.length - 1];
  for (const size of sizes) {
    const engine = resultOf(forms.results, 'engine', size);
    const rjsf = resultOf(forms.results, 'rjsf', size);
    const plain = resultOf(forms.results, 'plain', size);
    if (!engine || !rjsf || !plain) continue;
    const failed = [engine, rjsf, plain].filter((result) => result.error);
    const note = failed.length ? failed.map((result) => `${result.page}: ${result.error}`).join('; ') : undefined;
    const usableRatio = rjsf.usableMs / engine.usableMs;
    rows.push({
      section: 'forms',
      what: `${size} props: time until usable`,
      figure: `engine ${engine.usableMs} ms, rjsf ${rjsf.usableMs} ms, plain ${plain.usableMs} ms (rjsf/engine ${round(usableRatio, 2)}x)`,
      budget: size === largest ? `engine >= ${budgets.usableVsRjsf}x faster than rjsf` : '',
      // A renderer that failed to load leaves the budget unmet, not skipped.
      result: size === largest ? verdict(!note && usableRatio >= budgets.usableVsRjsf) : 'n/a',
      ...(note ? { note } : {}),
    });
    const [e, r, p] = [engine.keystroke, rjsf.keystroke, plain.keystroke];
    if (!e || !r || !p) {
      if (size === largest)
        rows.push({
          section: 'forms',
          what: `${size} props: keystroke p95`,
          figure: 'not measured',
          budget: `<= ${budgets.keystrokeP95VsFloor}x plain, >= ${budgets.keystrokeP95VsRjsf}x better than rjsf`,
          result: 'FAIL',
          ...(note ? { note } : {}),
        });
      continue;
    }
    rows.push({
      section: 'forms',
      what: `${size} props: keystroke-to-paint p50 / p95`,
      figure: `engine ${e.medianMs} / ${e.p95Ms} ms, rjsf ${r.medianMs} / ${r.p95Ms} ms, plain ${p.medianMs} / ${p.p95Ms} ms`,
      budget: '',
      result: 'n/a',
    });
    rows.push({
      section: 'forms',
      what: `${size} props: main-thread work per keystroke p50 / p95`,
      figure: `engine ${e.processingMedianMs} / ${e.processingP95Ms} ms, rjsf ${r.processingMedianMs} / ${r.processingP95Ms} ms, plain ${p.processingMedianMs} / ${p.processingP95Ms} ms`,
      budget: '',
      result: 'n/a',
    });
    if (size === largest) {
      const vsFloor = e.p95Ms / p.p95Ms;
      const vsRjsf = r.p95Ms / e.p95Ms;
      rows.push({
        section: 'forms',
        what: `${size} props: keystroke p95 vs plain floor`,
        figure: `engine/plain ${round(vsFloor, 2)}x`,
        budget: `<= ${budgets.keystrokeP95VsFloor}x`,
        result: verdict(vsFloor <= budgets.keystrokeP95VsFloor),
      });
      rows.push({
        section: 'forms',
        what: `${size} props: keystroke p95 vs rjsf`,
        figure: `rjsf/engine ${round(vsRjsf, 2)}x`,
        budget: `>= ${budgets.keystrokeP95VsRjsf}x`,
        result: verdict(vsRjsf >= budgets.keystrokeP95VsRjsf),
      });
    }
  }
  const jsRatio = forms.js.rjsf.gzip / forms.js.engine.gzip;
  rows.push({
    section: 'forms',
    what: 'JS of the form page',
    figure: `engine ${kb(forms.js.engine.gzip)} KB, rjsf ${kb(forms.js.rjsf.gzip)} KB, plain ${kb(forms.js.plain.gzip)} KB gzip (rjsf/engine ${round(jsRatio, 2)}x)`,
    budget: `engine >= ${budgets.formJsVsRjsf}x smaller than rjsf`,
    result: verdict(forms.js.engine.gzip > 0 && jsRatio >= budgets.formJsVsRjsf),
  });
  return rows;
}

export function requestRows(visits: readonly Visit[]): Row[] {
  const rows: Row[] = [];
  for (const visit of visits) {
    const cold = visit.name !== 'settings-and-back';
    const limit = visit.name === 'integrations' ? budgets.integrationsColdRequests : undefined;
    const duplicates = visit.requests.duplicates;
    const ok = duplicates.length === 0 && (limit === undefined || visit.requests.count <= limit);
    rows.push({
      section: 'requests',
      what: cold ? `cold load ${visit.url}` : 'to a settings page and back',
      figure: `${visit.requests.count} requests, ${duplicates.length} duplicates`,
      budget: limit === undefined ? 'no duplicates' : `no duplicates, <= ${limit}`,
      result: verdict(!visit.error && ok),
      ...(visit.error || duplicates.length
        ? {
            note: [visit.error, duplicates.length ? `duplicates: ${duplicates.join(', ')}` : '']
              .filter(Boolean)
              .join('; '),
          }
        : {}),
    });
  }
  return rows;
}

export function lighthouseRows(scores: readonly LighthouseScores[]): Row[] {
  const { performance, accessibility, bestPractices } = budgets.lighthouse;
  return scores.map((entry) => {
    const navigation = entry.mode === 'navigation';
    const measured =
      entry.accessibility !== null && entry.bestPractices !== null && (!navigation || entry.performance !== null);
    const ok =
      measured &&
      (entry.accessibility as number) >= accessibility &&
      (entry.bestPractices as number) >= bestPractices &&
      (!navigation || (entry.performance as number) >= performance);
    const failing = entry.failing.length ? `failing audits: ${entry.failing.join(', ')}` : '';
    return {
      section: 'lighthouse',
      what: `${entry.name} (${entry.url}${navigation ? '' : ', snapshot'})`,
      figure: `perf ${entry.performance ?? '-'}${entry.performanceRuns && entry.performanceRuns.length > 1 ? ` (median of ${entry.performanceRuns.join('/')})` : ''}, a11y ${entry.accessibility ?? '-'}, best practices ${entry.bestPractices ?? '-'}`,
      budget: navigation
        ? `perf >= ${performance}, a11y ${accessibility}, bp ${bestPractices}`
        : `a11y ${accessibility}, bp ${bestPractices}`,
      result: verdict(ok),
      ...(entry.error || failing ? { note: [entry.error, failing].filter(Boolean).join('; ') } : {}),
    };
  });
}
