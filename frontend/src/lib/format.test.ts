import { describe, expect, it } from 'vitest';
import { daysSince, daysUntil, formatAge, formatDaysLeft, formatDue } from '@/lib/format';

// Local noon, so the tests mean the same day in every time zone the build machine may have.
const now = new Date(2026, 10, 10, 12, 0, 0);

describe('date differences', () => {
  it('counts calendar days to a date, whatever the time of day', () => {
    expect(daysUntil('2026-11-10', now)).toBe(0);
    expect(daysUntil('2026-11-13', now)).toBe(3);
    expect(daysUntil('2026-11-08', now)).toBe(-2);
    expect(daysUntil(new Date(2026, 10, 10, 23, 59).toISOString(), now)).toBe(0);
    expect(daysUntil(new Date(2026, 10, 11, 0, 1).toISOString(), now)).toBe(1);
  });

  it('counts across a month end and a daylight-saving change as whole days', () => {
    expect(daysUntil('2026-12-01', now)).toBe(21);
    expect(daysUntil('2026-11-01', new Date(2026, 9, 31, 12))).toBe(1);
    expect(daysUntil('2026-03-09', new Date(2026, 2, 7, 12))).toBe(2);
  });

  it('has no answer without a valid date', () => {
    expect(daysUntil(null, now)).toBeNull();
    expect(daysUntil('', now)).toBeNull();
    expect(daysUntil('soon', now)).toBeNull();
    expect(daysSince(undefined, now)).toBeNull();
  });

  it('counts days since a date', () => {
    expect(daysSince(new Date(2026, 8, 26, 9, 30).toISOString(), now)).toBe(45);
    expect(daysSince('2026-11-10', now)).toBe(0);
  });
});

describe('countdowns', () => {
  it('says when a task is due', () => {
    expect(formatDue(null)).toBe('');
    expect(formatDue(0)).toBe('today');
    expect(formatDue(1)).toBe('tomorrow');
    expect(formatDue(3)).toBe('in 3 days');
    expect(formatDue(-1)).toBe('1 day overdue');
    expect(formatDue(-2)).toBe('2 days overdue');
  });

  it('says how long a window stays open', () => {
    expect(formatDaysLeft(12)).toBe('12 days left');
    expect(formatDaysLeft(1)).toBe('1 day left');
    expect(formatDaysLeft(0)).toBe('last day');
    expect(formatDaysLeft(-1)).toBe('window closed');
  });

  it('writes a claim age in days', () => {
    expect(formatAge(45)).toBe('45 d');
    expect(formatAge(0)).toBe('0 d');
    expect(formatAge(null)).toBe('');
  });
});
