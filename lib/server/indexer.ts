/**
 * The server's indexer client, pointed at INDEXER_URL (default http://127.0.0.1:42069). Only the
 * server talks to the indexer; the browser gets rendered pages.
 */
import "server-only";
import { createIndexerClient, type IndexerClient } from "../indexer/client";

let client: IndexerClient | undefined;

/**
 * @example const page = await getIndexer().listProposals("commons", { limit: 20, offset: 0 });
 */
export function getIndexer(): IndexerClient {
  client ??= createIndexerClient(process.env.INDEXER_URL);
  return client;
}
