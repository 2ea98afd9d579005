import { describe, expect, it } from 'vitest';
import { deliveryLogRows } from '../budgets';
import type { DeliveryLogOptions, DeliveryLogReport, DeliveryLogSize, ScrollRound } from './measure-delivery-log';

const options: DeliveryLogOptions = {
  sizes: [1000, 50_000],
  rounds: 3,
  scrollRows: 550,
  wheelStep: 200,
  wheelPauseMs: 25,
};

const scroll = (p95FrameMs: number, overrides: Partial<ScrollRound> = {}): ScrollRound => ({
  frames: 400,
  p95FrameMs,
  maxFrameMs: p95FrameMs * 2,
  droppedShare: 0.25,
  longTasks: 10,
  reachedBottom: true,
  rowsLoaded: 550,
  ...overrides,
});

const size = (n: number, firstRowsMs: number[], scrolls: ScrollRound[]): DeliveryLogSize => ({
  size: n,
  seedMs: 1,
  firstRowsMs,
  firstRowsApi: [],
  scroll: scrolls,
});

const rowsOf = (sizes: DeliveryLogSize[], errors: string[] = []) =>
  deliveryLogRows({ options, sizes, errors } satisfies DeliveryLogReport);
const find = (rows: ReturnType<typeof rowsOf>, part: string) => rows.find((row) => row.what.includes(part));

describe('deliveryLogRows', () => {
  const fine = [scroll(33.3), scroll(50.1), scroll(50)];

  it('passes the first render at each size and the 50k/1k ratio from the rounds', () => {
    const rows = rowsOf([size(1000, [900, 1000, 1100], fine), size(50_000, [1000, 1100, 1200], fine)]);
    expect(find(rows, 'painted, 1k')?.result).toBe('PASS');
    expect(find(rows, 'painted, 50k')?.result).toBe('PASS');
    expect(find(rows, '50k/1k')?.result).toBe('PASS');
  });

  it('fails a first render over 1.5 s, and a 50k page much slower than 1k', () => {
    const rows = rowsOf([size(1000, [400, 500, 600], fine), size(50_000, [1400, 1600, 1700], fine)]);
    expect(find(rows, 'painted, 50k')?.result).toBe('FAIL');
    expect(find(rows, '50k/1k')?.result).toBe('FAIL');
  });

  it('counts the scroll budget in frames: 50.1 ms is three frames, 66.7 ms is four', () => {
    const rows = rowsOf([
      size(1000, [500, 500, 500], [scroll(50.1), scroll(50.1), scroll(66.7)]),
      size(50_000, [500, 500, 500], [scroll(66.7), scroll(66.7), scroll(50)]),
    ]);
    expect(find(rows, 'scroll of 550 rows, 1k')?.result).toBe('PASS');
    expect(find(rows, 'scroll of 550 rows, 50k')?.result).toBe('FAIL');
  });

  it('fails a size with missing rounds, a scroll that stopped short, and a section that did not finish', () => {
    const rows = rowsOf(
      [
        size(1000, [500, 500], [scroll(30), scroll(30)]),
        size(50_000, [500, 500, 500], [scroll(30), scroll(30, { reachedBottom: false }), scroll(30)]),
      ],
      ['50000, round 3: timeout'],
    );
    expect(find(rows, 'painted, 1k')?.result).toBe('FAIL');
    expect(find(rows, 'scroll of 550 rows, 1k')?.result).toBe('FAIL');
    expect(find(rows, 'scroll of 550 rows, 50k')?.result).toBe('FAIL');
    expect(find(rows, 'deliverylog section')?.note).toContain('timeout');
  });
});
