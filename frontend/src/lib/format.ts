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
