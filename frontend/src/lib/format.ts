const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function formatCents(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : money.format(cents / 100);
}

/** YYYY-MM-DD as MM/DD/YYYY, the way billing offices read dates; no time-zone shift. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[2]}/${match[3]}/${match[1]}` : isoDate;
}

export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : dateTime.format(date);
}

/** What a biller types into a list field ("rt, 59" or "1 2") as upper-case items: modifiers, pointers. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item.length > 0);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day of a date (YYYY-MM-DD, as written) or an instant (in the user's time zone), as a UTC day number. */
function calendarDay(value: string | Date): number | null {
  if (typeof value === 'string') {
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (dateOnly) return Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])) / DAY_MS;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  // Counting via UTC of the local date keeps a daylight-saving change from making a day 23 or 25 hours long.
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS;
}

/** Whole calendar days from today to the date: 0 today, negative once it has passed; null without a (valid) date. */
export function daysUntil(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const target = calendarDay(value);
  const today = calendarDay(now);
  return target === null || today === null ? null : target - today;
}

/** Whole calendar days since the date: 0 today, e.g. a claim's age since it was billed. */
export function daysSince(value: string | null | undefined, now: Date = new Date()): number | null {
  const days = daysUntil(value, now);
  return days === null ? null : 0 - days; // -days would give -0 today
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A task's due date as a countdown: "in 3 days", "tomorrow", "today", "2 days overdue"; '' without a due date. */
export function formatDue(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${plural(days, 'day')}`;
  return `${plural(-days, 'day')} overdue`;
}

/** Days left in a window (appeal, timely filing): "12 days left", "last day", "window closed". */
export function formatDaysLeft(days: number): string {
  if (days < 0) return 'window closed';
  if (days === 0) return 'last day';
  return `${plural(days, 'day')} left`;
}

/** Days left at or under which a deadline is shown as urgent. */
export const URGENT_DAYS = 7;

/** A claim's age in days, the way A/R reports write it: "45 d"; '' without a date. */
export function formatAge(days: number | null): string {
  return days === null ? '' : `${Math.max(0, days)} d`;
}
