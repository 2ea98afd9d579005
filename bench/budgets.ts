import type { LighthouseScores } from './app/lighthouse-audit';
import type { Visit } from './app/page-visits';
import type { DeliveryReport, LatencyRound } from './delivery/measure-delivery';
import type { DeliveryLogReport } from './deliverylog/measure-delivery-log';
import type { FormResult, FormsReport } from './forms/measure-forms';
import { kb, type CompressedSize } from './lib/compress';
import { median, round } from './lib/stats';
import type { Row, Verdict } from './report';

/** Budgets from issues 5 and 14. KB = 1024 bytes. */
export const budgets = {
  integrationsFirstPaintGzipKb: 130,
  connectWizardGzipKb: 240,
  usableVsRjsf: 1.5,
  /** Main-thread work per keystroke, p95, engine over the plain-HTML floor (not frame-quantised). */
  keystrokeWorkVsFloor: 1.3,
  /** Keystroke to next paint, p95, engine: within one 60 Hz frame. */
  keystrokeToPaintP95Ms: 17,
  formJsVsRjsf: 1.5,
  integrationsColdRequests: 3,
  /** Bytes on the wire of a cold /integrations at most this much over the brotli size of what it loads. */
  wireVsBrotli: 1.05,
  /** Lighthouse mobile (default config: simulated slow 4G, 4x CPU), median of the runs, on every console page. */
  mobile: { performance: 95, lcpMs: 2500, tbtMs: 150 },
  /** Lighthouse desktop preset; accessibility and best practices are checked here. */
  lighthouse: { performance: 98, accessibility: 100, bestPractices: 100 },
  /** Durability may cost at most this much throughput against a bare loop posting the same events. */
  outboxVsBareLoop: 2,
  /** Execution sent to PagerDuty's 202, p99: one claim + one send when idle; 50 at once wait their turn. */
  idleP99Ms: 250,
  loadP99Ms: 2000,
  /** The delivery log's first page p95 at 1M stored rows over 1k: keyset on an index stays flat. */
  listFlatness: 1.5,
  /** `/deliveries`: navigation to the first page of rows painted, at every seeded size, and the largest over the smallest. */
  logFirstRowsMs: 1500,
  logFirstRowsFlatness: 1.5,
  /**
   * Wheel-scrolling 500+ loaded (virtualised) rows: p95 of the frame-to-frame times, in 60 Hz frames (3 = 50 ms).
   * Counted in frames because the deltas are: 50.1 ms is three frames with timer jitter, not a miss.
   */
  logScrollP95Frames: 3,
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

/** `median (rounds min–max)`: a timing budget is the median of its rounds, and the spread says how far to trust it. */
function spread(values: readonly number[], digits = 1, unit = ''): string {
  if (values.length < 2) return `${round(values[0] ?? Number.NaN, digits)}${unit}`;
  const text = (value: number) => `${round(value, digits)}${unit}`;
  return `${text(median(values))} (${values.length} rounds ${text(Math.min(...values))}–${text(Math.max(...values))})`;
}

/** Per-round ratios of two renderers' figures; a round either renderer missed leaves the whole budget unmet. */
function roundRatios(top: readonly (number | null)[], bottom: readonly (number | null)[]): number[] | null {
  if (top.length === 0 || top.length !== bottom.length) return null;
  const ratios: number[] = [];
  for (let i = 0; i < top.length; i++) {
    const [a, b] = [top[i], bottom[i]];
    if (a === null || a === undefined || b === null || b === undefined || b <= 0) return null;
    ratios.push(a / b);
  }
  return ratios;
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
    const budgeted = size === largest;
    const failed = [engine, rjsf, plain].filter((result) => result.error);
    const note = failed.length ? failed.map((result) => `${result.page}: ${result.error}`).join('; ') : undefined;
    const usableRatios = roundRatios(rjsf.usableSamplesMs, engine.usableSamplesMs);
    const usableRatio = usableRatios ? median(usableRatios) : Number.NaN;
    rows.push({
      section: 'forms',
      what: `${size} props: time until usable`,
      figure: `engine ${engine.usableMs} ms, rjsf ${rjsf.usableMs} ms, plain ${plain.usableMs} ms (rjsf/engine ${usableRatios ? spread(usableRatios, 2, 'x') : '-'})`,
      budget: budgeted ? `engine >= ${budgets.usableVsRjsf}x faster than rjsf` : '',
      // A renderer that failed to load leaves the budget unmet, not skipped.
      result: budgeted ? verdict(!note && usableRatio >= budgets.usableVsRjsf) : 'n/a',
      ...(note ? { note } : {}),
    });
    const [e, r, p] = [engine.keystroke, rjsf.keystroke, plain.keystroke];
    if (!e || !r || !p) {
      if (budgeted)
        rows.push({
          section: 'forms',
          what: `${size} props: keystrokes`,
          figure: 'not measured',
          budget: `work <= ${budgets.keystrokeWorkVsFloor}x plain, to paint p95 <= ${budgets.keystrokeToPaintP95Ms} ms`,
          result: 'FAIL',
          ...(note ? { note } : {}),
        });
      continue;
    }
    const perRound = (result: FormResult, key: 'p95Ms' | 'processingP95Ms') =>
      result.keystrokeRounds.map((stats) => (stats ? stats[key] : null));
    const paintRounds = perRound(engine, 'p95Ms');
    rows.push({
      section: 'forms',
      what: `${size} props: keystroke-to-paint p50 / p95`,
      figure: `engine ${e.medianMs} / ${budgeted ? spread(paintRounds.map(Number), 1, ' ms') : `${e.p95Ms} ms`}, rjsf ${r.medianMs} / ${r.p95Ms} ms, plain ${p.medianMs} / ${p.p95Ms} ms`,
      budget: budgeted ? `engine p95 <= ${budgets.keystrokeToPaintP95Ms} ms (one frame)` : '',
      result: budgeted ? verdict(!paintRounds.includes(null) && e.p95Ms <= budgets.keystrokeToPaintP95Ms) : 'n/a',
    });
    const workRatios = roundRatios(perRound(engine, 'processingP95Ms'), perRound(plain, 'processingP95Ms'));
    rows.push({
      section: 'forms',
      what: `${size} props: main-thread work per keystroke p50 / p95`,
      figure:
        `engine ${e.processingMedianMs} / ${e.processingP95Ms} ms, rjsf ${r.processingMedianMs} / ${r.processingP95Ms} ms, plain ${p.processingMedianMs} / ${p.processingP95Ms} ms` +
        (budgeted ? ` (engine/plain p95 ${workRatios ? spread(workRatios, 2, 'x') : '-'})` : ''),
      budget: budgeted ? `engine p95 <= ${budgets.keystrokeWorkVsFloor}x plain` : '',
      result: budgeted ? verdict(workRatios !== null && median(workRatios) <= budgets.keystrokeWorkVsFloor) : 'n/a',
    });
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

const seconds = (ms: number) => `${round(ms / 1000, 2)} s`;
const millis = (ms: number) => `${Math.round(ms)} ms`;

/** A metric's median over the runs with its min–max, formatted. */
function metricSpread(entry: LighthouseScores, key: string, format: (value: number) => string): string {
  const runs = (entry.metricRuns?.[key] ?? []).filter((value): value is number => value !== undefined);
  const middle = entry.medians?.[key] ?? entry.metrics?.[key];
  if (middle === undefined) return '-';
  if (runs.length < 2) return format(middle);
  return `${format(middle)} (${format(Math.min(...runs))}–${format(Math.max(...runs))})`;
}

function performanceSpread(entry: LighthouseScores): string {
  const runs = (entry.performanceRuns ?? []).filter((value): value is number => value !== null);
  if (entry.performance === null) return '-';
  return runs.length > 1 ? `${entry.performance} (${Math.min(...runs)}–${Math.max(...runs)})` : `${entry.performance}`;
}

function noteOf(entry: LighthouseScores): Pick<Row, 'note'> {
  const failing = entry.failing.length ? `failing audits: ${entry.failing.join(', ')}` : '';
  return entry.error || failing ? { note: [entry.error, failing].filter(Boolean).join('; ') } : {};
}

function mobileRow(entry: LighthouseScores): Row {
  const { performance, lcpMs, tbtMs } = budgets.mobile;
  const lcp = entry.medians?.lcpMs ?? entry.metrics?.lcpMs;
  const tbt = entry.medians?.tbtMs ?? entry.metrics?.tbtMs;
  const ok =
    entry.performance !== null &&
    entry.performance >= performance &&
    lcp !== undefined &&
    lcp <= lcpMs &&
    tbt !== undefined &&
    tbt <= tbtMs;
  const runs = entry.performanceRuns?.length ?? 1;
  return {
    section: 'lighthouse',
    what: `mobile: ${entry.name} (${entry.url})`,
    figure: `perf ${performanceSpread(entry)}, LCP ${metricSpread(entry, 'lcpMs', seconds)}, TBT ${metricSpread(entry, 'tbtMs', millis)}${runs > 1 ? `, median of ${runs}` : ''}`,
    budget: `perf >= ${performance}, LCP <= ${lcpMs / 1000} s, TBT <= ${tbtMs} ms`,
    result: verdict(ok),
    ...noteOf(entry),
  };
}

function desktopRow(entry: LighthouseScores): Row {
  const { performance, accessibility, bestPractices } = budgets.lighthouse;
  const navigation = entry.mode === 'navigation';
  const measured =
    entry.accessibility !== null && entry.bestPractices !== null && (!navigation || entry.performance !== null);
  const ok =
    measured &&
    (entry.accessibility as number) >= accessibility &&
    (entry.bestPractices as number) >= bestPractices &&
    (!navigation || (entry.performance as number) >= performance);
  const runs = entry.performanceRuns?.length ?? 1;
  return {
    section: 'lighthouse',
    what: `desktop: ${entry.name} (${entry.url}${navigation ? '' : ', snapshot'})`,
    figure: `perf ${navigation ? performanceSpread(entry) : '-'}${navigation && runs > 1 ? ` median of ${runs}` : ''}, a11y ${entry.accessibility ?? '-'}, best practices ${entry.bestPractices ?? '-'}`,
    budget: navigation
      ? `perf >= ${performance}, a11y ${accessibility}, bp ${bestPractices}`
      : `a11y ${accessibility}, bp ${bestPractices}`,
    result: verdict(ok),
    ...noteOf(entry),
  };
}

export function lighthouseRows(scores: readonly LighthouseScores[]): Row[] {
  return scores.map((entry) => (entry.formFactor === 'mobile' ? mobileRow(entry) : desktopRow(entry)));
}

const perSecond = (values: readonly number[]) => spread(values, 0, '/s');

function latencyRow(what: string, rounds: readonly LatencyRound[], budgetMs: number): Row {
  const p99 = rounds.map((round) => round.p99Ms);
  return {
    section: 'delivery',
    what,
    figure: `p50 ${spread(
      rounds.map((round) => round.p50Ms),
      0,
      ' ms',
    )}, p99 ${spread(p99, 0, ' ms')}, ${rounds[0]?.samples ?? 0} a round`,
    budget: `p99 <= ${budgetMs} ms`,
    result: verdict(p99.length > 0 && median(p99) <= budgetMs),
  };
}

export function deliveryRows(report: DeliveryReport): Row[] {
  const rows: Row[] = [];
  const { options } = report;
  const outbox = report.throughput.map((round) => round.outboxPerSecond);
  if (report.throughput.length) {
    const ratios = report.throughput.map((round) => round.barePerSecond / round.outboxPerSecond);
    const bare = perSecond(report.throughput.map((round) => round.barePerSecond));
    const executions = Math.ceil(options.keys / options.actionsPerFlow) * options.eventsPerKey;
    rows.push({
      section: 'delivery',
      what: `outbox, ${options.keys} keys x ${options.eventsPerKey} events from ${executions} executions of ${options.actionsPerFlow}-action flows, concurrency ${options.concurrency}`,
      figure: `${perSecond(outbox)} vs bare loop ${bare}; bare/outbox ${spread(ratios, 2, 'x')}; enqueue ${spread(
        report.throughput.map((round) => round.enqueueMs),
        0,
        ' ms',
      )}`,
      budget: `bare/outbox <= ${budgets.outboxVsBareLoop}x`,
      result: verdict(median(ratios) <= budgets.outboxVsBareLoop),
    });
    // Informs: with a request in for every request out, the ingest API is measured as much as the outbox.
    const perEvent = report.throughput.map((round) => round.perEventPerSecond);
    rows.push({
      section: 'delivery',
      what: `outbox, the same events as ${options.keys * options.eventsPerKey} single-action executions`,
      figure: `${perSecond(perEvent)}; bare/outbox ${spread(
        report.throughput.map((round) => round.barePerSecond / round.perEventPerSecond),
        2,
        'x',
      )}; enqueue ${spread(
        report.throughput.map((round) => round.perEventEnqueueMs),
        0,
        ' ms',
      )}`,
      budget: '',
      result: 'n/a',
    });
  }
  if ('skipped' in report.alertmanager) {
    rows.push({
      section: 'delivery',
      what: 'outbox vs Alertmanager',
      figure: '-',
      budget: 'outbox >= Alertmanager',
      result: 'n/a',
      note: report.alertmanager.skipped,
    });
  } else if (outbox.length) {
    const am = report.alertmanager.perSecond;
    rows.push({
      section: 'delivery',
      what: `outbox vs Alertmanager ${report.alertmanager.version} (${options.alertmanagerAlerts} alerts, group_wait 100 ms)`,
      figure: `outbox ${perSecond(outbox)}, Alertmanager ${perSecond(am)} (outbox/AM ${round(median(outbox) / median(am), 2)}x)`,
      budget: 'outbox >= Alertmanager',
      result: verdict(am.length > 0 && median(outbox) >= median(am)),
    });
  }
  if (report.idle.length) rows.push(latencyRow('execution to PagerDuty 202, idle', report.idle, budgets.idleP99Ms));
  if (report.load.length)
    rows.push(
      latencyRow(`execution to PagerDuty 202, ${options.loadExecutions} at once`, report.load, budgets.loadP99Ms),
    );
  const smallest = report.list[0];
  const largest = report.list[report.list.length - 1];
  for (const [query, pick] of [
    ['first page', (entry: (typeof report.list)[number]) => entry.firstPageP95Ms],
    ['?status=failed first page', (entry: (typeof report.list)[number]) => entry.failedPageP95Ms],
    ['?since=<10th newest> (10 matches)', (entry: (typeof report.list)[number]) => entry.sincePageP95Ms],
  ] as const) {
    if (!smallest || !largest) break;
    // Each round measured every size back to back, so the round's own ratio cancels the load of that moment.
    const ratios = roundRatios(pick(largest), pick(smallest));
    const ratio = ratios ? median(ratios) : Number.NaN;
    rows.push({
      section: 'delivery',
      what: `GET /api/notifications/deliveries ${query} p95`,
      figure: `${report.list.map((entry) => `${entry.size}: ${spread(pick(entry), 1, ' ms')}`).join('; ')}; ${largest.size}/${smallest.size} ${ratios ? spread(ratios, 2, 'x') : '-'}`,
      budget: `${largest.size}/${smallest.size} <= ${budgets.listFlatness}x`,
      result: verdict(report.list.length > 1 && ratio <= budgets.listFlatness),
    });
  }
  if (report.errors.length)
    rows.push({
      section: 'delivery',
      what: 'delivery section',
      figure: '-',
      budget: 'runs to the end',
      result: 'FAIL',
      note: report.errors.join('; '),
    });
  return rows;
}

const sizeName = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));

export function deliveryLogRows(report: DeliveryLogReport): Row[] {
  const rows: Row[] = [];
  const complete = (rounds: number) => rounds === report.options.rounds;
  for (const entry of report.sizes) {
    const firstRows = median(entry.firstRowsMs);
    rows.push({
      section: 'deliverylog',
      what: `/deliveries first ${50} rows painted, ${sizeName(entry.size)} stored`,
      figure: spread(entry.firstRowsMs, 0, ' ms'),
      budget: `<= ${budgets.logFirstRowsMs} ms`,
      result: verdict(complete(entry.firstRowsMs.length) && firstRows <= budgets.logFirstRowsMs),
    });
  }
  const smallest = report.sizes[0];
  const largest = report.sizes[report.sizes.length - 1];
  if (smallest && largest && largest !== smallest) {
    // Both sizes are visited in every round, back to back, so the round's own ratio cancels the load of that moment.
    const ratios = roundRatios(largest.firstRowsMs, smallest.firstRowsMs);
    rows.push({
      section: 'deliverylog',
      what: `/deliveries first rows ${sizeName(largest.size)}/${sizeName(smallest.size)}`,
      figure: ratios ? spread(ratios, 2, 'x') : '-',
      budget: `<= ${budgets.logFirstRowsFlatness}x`,
      result: verdict(!!ratios && complete(ratios.length) && median(ratios) <= budgets.logFirstRowsFlatness),
    });
  }
  for (const entry of report.sizes) {
    const p95 = entry.scroll.map((round) => round.p95FrameMs);
    const dropped = entry.scroll.map((round) => round.droppedShare * 100);
    const allAtBottom = entry.scroll.every((round) => round.reachedBottom);
    rows.push({
      section: 'deliverylog',
      what: `/deliveries wheel scroll of ${entry.scroll[0]?.rowsLoaded ?? '-'} rows, ${sizeName(entry.size)} stored: p95 frame`,
      figure:
        `${spread(p95, 1, ' ms')}; dropped frames ${spread(dropped, 0, '%')}; ` +
        `long tasks ${entry.scroll.map((round) => round.longTasks).join('/')}`,
      budget: `p95 <= ${budgets.logScrollP95Frames} frames (${Math.round((budgets.logScrollP95Frames * 1000) / 60)} ms)`,
      result: verdict(
        complete(p95.length) && allAtBottom && Math.round(median(p95) / (1000 / 60)) <= budgets.logScrollP95Frames,
      ),
      ...(allAtBottom ? {} : { note: 'a round did not reach the bottom of the table' }),
    });
  }
  if (report.errors.length)
    rows.push({
      section: 'deliverylog',
      what: 'deliverylog section',
      figure: '-',
      budget: 'runs to the end',
      result: 'FAIL',
      note: report.errors.join('; '),
    });
  return rows;
}
