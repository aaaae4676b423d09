/**
 * Formats a date for a person, in UTC (pages are rendered on the server, which does not know the
 * reader's time zone; "UTC" is said when the time of day is shown).
 */

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
  hourCycle: "h23",
});

/**
 * @example
 * formatDate(new Date("2026-11-12T15:04:00Z")) // "Nov 12, 2026"
 * formatDate(new Date("2026-11-12T15:04:00Z"), { time: true }) // "Nov 12, 2026, 15:04 UTC"
 */
export function formatDate(date: Date, options: { time?: boolean } = {}): string {
  if (Number.isNaN(date.getTime())) return "—";
  return options.time ? `${dateTimeFormat.format(date)} UTC` : dateFormat.format(date);
}
