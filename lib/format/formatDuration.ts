/**
 * Formats a length of time in seconds for a person, with its two largest units: "2 days 4 hours",
 * "2 minutes", "45 seconds". For governance parameters (voting delay, period, timelock delay).
 */

const units = [
  { seconds: 365 * 24 * 3600, name: "year" },
  { seconds: 7 * 24 * 3600, name: "week" },
  { seconds: 24 * 3600, name: "day" },
  { seconds: 3600, name: "hour" },
  { seconds: 60, name: "minute" },
  { seconds: 1, name: "second" },
] as const;

const plural = (count: number, name: string) => `${count.toLocaleString("en-US")} ${name}${count === 1 ? "" : "s"}`;

/**
 * Rounds to whole seconds, then shows at most `parts` units (truncating the rest).
 *
 * @example
 * formatDuration(120) // "2 minutes"
 * formatDuration(90_061) // "1 day 1 hour"
 * formatDuration(0) // "0 seconds"
 */
export function formatDuration(seconds: number | bigint, parts = 2): string {
  let rest = typeof seconds === "bigint" ? seconds : BigInt(Math.round(Number.isFinite(seconds) ? seconds : 0));
  if (rest < 0n) rest = -rest;
  if (rest === 0n) return "0 seconds";
  const shown: string[] = [];
  for (const unit of units) {
    const size = BigInt(unit.seconds);
    if (rest >= size) {
      shown.push(plural(Number(rest / size), unit.name));
      rest %= size;
    } else if (shown.length > 0) {
      // Units are shown adjacent only: "1 day 5 minutes" would read as more precise than it is.
      break;
    }
    if (shown.length === parts) break;
  }
  return shown.join(" ");
}
