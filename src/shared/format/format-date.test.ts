import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatAbsolute,
  formatClock,
  formatExact,
  formatInstant,
  formatRelative,
  formatRetryWhen,
  formatSeconds,
  formatWhen,
} from './format-date';

const now = new Date('2026-12-01T15:47:00Z');
const gb = { now, locale: 'en-GB', timeZone: 'UTC' } as const;
const us = { now, locale: 'en-US', timeZone: 'America/New_York' } as const;

describe('formatWhen', () => {
  it('says how long ago a recent event was, in the given locale', () => {
    expect(formatWhen('2026-12-01T15:44:00Z', gb)).toBe('3 minutes ago');
    expect(formatWhen('2026-12-01T15:46:50Z', gb)).toBe('10 seconds ago');
    expect(formatWhen('2026-12-01T15:47:00Z', gb)).toBe('1 second ago');
    expect(formatWhen('2026-12-01T13:40:00Z', gb)).toBe('2 hours ago');
    expect(formatWhen('2026-12-01T15:47:30Z', gb)).toBe('in 30 seconds');
    expect(formatWhen('2026-12-01T15:44:00Z', { now, locale: 'de-DE' })).toBe('vor 3 Minuten');
  });

  it('gives an older event its date, time and zone', () => {
    expect(formatWhen('2026-11-28T15:44:34Z', gb)).toBe('28 Nov 2026, 15:44 UTC');
    expect(formatWhen('2026-11-28T15:44:34Z', us)).toBe('Nov 28, 2026, 10:44 AM EST');
  });

  it('never ends in a dangling colon or drops the zone', () => {
    const text = formatAbsolute('2026-12-01T15:44:34Z', gb);
    expect(text).toBe('1 Dec 2026, 15:44 UTC');
    expect(text).not.toMatch(/:$/);
  });

  it('shows what it was given when it is not a date', () => {
    expect(formatWhen('not a date', gb)).toBe('not a date');
    expect(formatRelative('not a date', gb)).toBeNull();
  });
});

describe('formatExact', () => {
  it('names the second and the zone in full', () => {
    expect(formatExact('2026-12-01T15:44:34Z', gb)).toBe('Tue, 1 December 2026 at 15:44:34 Coordinated Universal Time');
    expect(formatExact('2026-12-01T15:44:34Z', us)).toBe('Tue, December 1, 2026 at 10:44:34 AM Eastern Standard Time');
  });
});

describe('formatClock', () => {
  it('reads as a clock time with its zone today, and as a date with its zone on another day', () => {
    expect(formatClock('2026-12-01T10:32:00Z', gb)).toBe('10:32 UTC');
    expect(formatClock('2026-12-01T15:32:00Z', us)).toBe('10:32 AM EST');
    expect(formatClock('2026-11-28T10:32:00Z', gb)).toBe('28 Nov 2026, 10:32 UTC');
  });

  it('counts "today" in the zone shown, not in UTC', () => {
    // 02:00 UTC on 2 Dec is still 1 Dec in New York, the same day as `now` there.
    expect(formatClock('2026-12-02T02:00:00Z', { ...us, now: new Date('2026-12-01T23:00:00Z') })).toBe('9:00 PM EST');
  });
});

describe('formatInstant and formatSeconds', () => {
  it('gives the moment to the second with its zone', () => {
    expect(formatInstant('2026-12-01T15:44:34Z', gb)).toBe('1 Dec 2026, 15:44:34 UTC');
  });

  it('says a span in seconds, minutes and hours', () => {
    expect([40, 125, 120, 7300, 7200, -3].map(formatSeconds)).toEqual([
      '40 s',
      '2 min 5 s',
      '2 min',
      '2 h 1 min',
      '2 h',
      '0 s',
    ]);
  });
});

describe('formatRetryWhen', () => {
  it('says how long and at what clock time, with the zone', () => {
    expect(formatRetryWhen(20, gb)).toBe('in 20 seconds (at 15:47:20 UTC)');
    expect(formatRetryWhen(300, us)).toBe('in 5 minutes (at 10:52:00 AM EST)');
    expect(formatRetryWhen(undefined, gb)).toBe('in a minute');
  });
});

describe('formatters', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are built once per locale, zone and field set, not once per date (a page of dates stays cheap)', () => {
    // Counting spies that still build the real thing (a formatter lives on internal slots a stand-in lacks).
    const { DateTimeFormat, RelativeTimeFormat } = Intl;
    const dateFormats = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
      ...args: ConstructorParameters<typeof DateTimeFormat>
    ) {
      return new DateTimeFormat(...args);
    });
    const relativeFormats = vi.spyOn(Intl, 'RelativeTimeFormat').mockImplementation(function (
      ...args: ConstructorParameters<typeof RelativeTimeFormat>
    ) {
      return new RelativeTimeFormat(...args);
    });
    const options = { now, locale: 'en-GB', timeZone: 'Europe/Lisbon' } as const;
    const first = [formatWhen('2026-11-02T10:00:00Z', options), formatWhen('2026-12-01T15:40:00Z', options)];
    const built = dateFormats.mock.calls.length + relativeFormats.mock.calls.length;
    for (let day = 1; day <= 28; day++) {
      expect(formatWhen(`2026-10-${String(day).padStart(2, '0')}T10:00:00Z`, options)).toMatch(/Oct 2026/);
      expect(formatWhen('2026-12-01T15:40:00Z', options)).toBe('7 minutes ago');
    }
    expect(first).toEqual(['2 Nov 2026, 10:00 WET', '7 minutes ago']);
    expect(dateFormats.mock.calls.length + relativeFormats.mock.calls.length).toBe(built);
    // Another zone is another formatter, and reads in that zone.
    expect(formatAbsolute('2026-11-02T10:00:00Z', { ...options, timeZone: 'UTC' })).toBe('2 Nov 2026, 10:00 UTC');
  });
});
