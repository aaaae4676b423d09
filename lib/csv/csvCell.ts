/**
 * One CSV cell (RFC 4180) from an untrusted value: quoted when it holds a comma, quote or line
 * break, and defused when a spreadsheet would read it as a formula (it starts with =, +, -, @, a
 * tab or a carriage return): such a cell gets a leading apostrophe, which spreadsheets show as
 * text and do not evaluate (OWASP's advice for CSV injection).
 */

const formulaStart = /^[=+\-@\t\r]/;

/**
 * @example
 * csvCell('say "hi", then go') // '"say ""hi"", then go"'
 * csvCell("=HYPERLINK(\"http://x\")") // '"\'=HYPERLINK(""http://x"")"'
 * csvCell(12n) // "12"
 */
export function csvCell(value: string | number | bigint | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  // Numbers we produce are data, not text from strangers: a negative number stays a number.
  if (typeof value !== "string") return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV line (CRLF-terminated, as RFC 4180 says).
 *
 * @example
 * csvRow(["a", 1, null]) // "a,1,\r\n"
 */
export function csvRow(values: readonly (string | number | bigint | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
