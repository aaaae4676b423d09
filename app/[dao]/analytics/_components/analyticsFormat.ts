/** How the analytics page words its figures: dates, shares, Nakamoto coefficients. */

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** @example date(1700000000) // "Nov 14, 2023" */
export const date = (seconds: number) => dateFormat.format(new Date(seconds * 1000));

/** @example percent(0.1234) // "12.3%" */
export const percent = (share: number | undefined) => (share === undefined ? "—" : `${(share * 100).toFixed(1)}%`);

/** @example nakamotoText("more") // "over 100" */
export function nakamotoText(value: number | "more" | undefined | null): string {
  if (value === undefined || value === null) return "—";
  if (value === "more") return "over 100";
  return value.toLocaleString("en-US");
}
