/**
 * A streamed CSV download read page by page from the indexer (lib/csv/csvStream), or a plain-text
 * error when even the first page cannot be read (unknown DAO or proposal, indexer down), so a
 * failure never downloads as an empty file.
 */
import "server-only";
import { type CsvPageReader, csvHeaders, csvStream } from "../csv/csvStream";
import { IndexerNotFoundError } from "../indexer/client";

type Cell = string | number | bigint | boolean | null | undefined;

/** Rows per indexer request while exporting (the API's largest page). */
export const exportPageSize = 1000;

/**
 * @example
 * return csvResponse("votes.csv", ["voter", "weight"], (offset) => readPage(offset), (vote) => [vote.voter, vote.weight]);
 */
export async function csvResponse<T>(
  filename: string,
  header: readonly string[],
  readPage: CsvPageReader<T>,
  toCells: (item: T) => readonly Cell[],
): Promise<Response> {
  let first: Awaited<ReturnType<CsvPageReader<T>>>;
  try {
    first = await readPage(0);
  } catch (error) {
    const notFound = error instanceof IndexerNotFoundError;
    if (!notFound) console.error(`[commons] exporting ${filename} failed:`, error);
    return new Response(notFound ? "Not found\n" : "The index is unreachable; try again in a moment.\n", {
      status: notFound ? 404 : 503,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  // The first page is already read: hand it over, then read on from where it ended.
  const reader: CsvPageReader<T> = (offset) => (offset === 0 ? Promise.resolve(first) : readPage(offset));
  return new Response(csvStream(header, reader, toCells), { headers: csvHeaders(filename) });
}

/** A reader over an offset-paginated indexer list: done once `total` rows are read. */
export function pagedReader<T>(
  read: (page: { limit: number; offset: number }) => Promise<{ items: T[]; total: number }>,
): CsvPageReader<T> {
  return async (offset) => {
    const page = await read({ limit: exportPageSize, offset });
    return { items: page.items, done: offset + page.items.length >= page.total };
  };
}
