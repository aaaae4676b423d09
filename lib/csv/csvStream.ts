/**
 * A CSV download streamed page by page: the header row first, then each page's rows as soon as
 * it is read, so a 100,000-row export never sits whole in memory and starts arriving at once.
 */
import { csvRow } from "./csvCell";

type Cell = string | number | bigint | boolean | null | undefined;

/** Reads one page of rows from `offset`; `done` when nothing follows. */
export type CsvPageReader<T> = (offset: number) => Promise<{ items: readonly T[]; done: boolean }>;

/**
 * @example
 * const body = csvStream(["voter", "weight"], (offset) => readVotes(offset), (vote) => [vote.voter, vote.weight]);
 * return new Response(body, { headers: csvHeaders("votes.csv") });
 */
export function csvStream<T>(
  header: readonly string[],
  readPage: CsvPageReader<T>,
  toCells: (item: T) => readonly Cell[],
  options: { maxRows?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  let offset = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(header)));
        return;
      }
      try {
        const { items, done } = await readPage(offset);
        const room = Math.max(0, maxRows - offset);
        const rows = items.slice(0, room);
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((item) => csvRow(toCells(item))).join("")));
        offset += rows.length;
        if (done || items.length === 0 || offset >= maxRows) controller.close();
      } catch (error) {
        // A truncated file must not pass for a whole one: the download fails instead.
        controller.error(error);
      }
    },
  });
}

/**
 * Headers of a CSV download named `filename` (ASCII letters, digits, dots and dashes only).
 *
 * @example
 * csvHeaders("votes.csv")["content-disposition"] // 'attachment; filename="votes.csv"'
 */
export function csvHeaders(filename: string): Record<string, string> {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${safe}"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  };
}
