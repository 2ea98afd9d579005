import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DateTime } from './date-time';

describe('DateTime', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T15:47:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('is a <time> with the machine value, the relative text and the exact moment on hover', () => {
    render(<DateTime value="2026-12-01T15:44:00Z" locale="en-GB" timeZone="UTC" />);
    const time = screen.getByText('3 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2026-12-01T15:44:00.000Z');
    expect(time).toHaveAttribute('title', 'Tue, 1 December 2026 at 15:44:00 Coordinated Universal Time');
  });

  it('keeps a relative time current while it is on screen', () => {
    render(<DateTime value={new Date('2026-12-01T15:46:00Z')} locale="en-GB" timeZone="UTC" />);
    expect(screen.getByText('1 minute ago')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('2 minutes ago')).toBeInTheDocument();
  });

  it('shows an old date with its zone', () => {
    render(<DateTime value="2026-10-01T08:05:00Z" locale="en-GB" timeZone="UTC" />);
    expect(screen.getByText('1 Oct 2026, 08:05 UTC')).toBeInTheDocument();
  });
});
