/**
 * A typed client for the indexer's HTTP API (indexer/src/api), used by the app's server code,
 * scripts and tests. Every response is parsed with the schemas of ./types; every failure is one of
 * three errors a caller can tell apart: the indexer is unreachable, the thing does not exist, or
 * the indexer answered something this app does not understand.
 */
import type { z } from "zod";
import {
  type IndexedAccount,
  type IndexedAnalytics,
  type IndexedDelegate,
  type IndexedDelegateRecord,
  type IndexedDelegator,
  type IndexedProposal,
  type IndexedTreasuryTokens,
  type IndexedVote,
  type IndexedVoterVote,
  type IndexedVotingPowerChange,
  indexedAccountSchema,
  indexedAnalyticsSchema,
  indexedDelegateRecordSchema,
  indexedDelegateSchema,
  indexedDelegatorSchema,
  indexedProposalSchema,
  indexedTreasuryTokensSchema,
  indexedVoterVoteSchema,
  indexedVoteSchema,
  indexedVotingPowerChangeSchema,
  indexerStatusSchema,
  type Page,
  pageOf,
} from "./types";

export const defaultIndexerUrl = "http://127.0.0.1:42069";

/** The indexer did not answer: down, timed out, or failing (5xx). Usually temporary. */
export class IndexerUnavailableError extends Error {
  override name = "IndexerUnavailableError";
  constructor(
    readonly url: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`the indexer at ${url} is unreachable (${detail})`, options);
  }
}

/** The indexer does not know the DAO, proposal or route (404). */
export class IndexerNotFoundError extends Error {
  override name = "IndexerNotFoundError";
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(`${message} (${url})`);
  }
}

/** The indexer answered, but not with what the API contract says (4xx other than 404, or a bad body). */
export class IndexerResponseError extends Error {
  override name = "IndexerResponseError";
  constructor(
    readonly url: string,
    message: string,
    readonly status?: number,
  ) {
    super(`unexpected answer from the indexer at ${url}: ${message}`);
  }
}

export type PageParams = { limit?: number; offset?: number };
export type ProposalListParams = PageParams & {
  q?: string;
  /** Only proposals whose indexed status is one of these (what events say; the live state is the chain's). */
  status?: readonly ("created" | "queued" | "executed" | "canceled")[];
  /** Only the candidates of this state filter at governor clock `clock` (both or neither). */
  state?: "active" | "pending" | "passed" | "executed" | "closed";
  clock?: bigint;
};
export type VoteListParams = PageParams & {
  /** Votes with weight on this side: nominal votes for it, and split votes with a part on it. */
  support?: 0 | 1 | 2;
  sort?: "weight" | "recent";
  /** Only this address's vote (a page of at most one item). */
  voter?: string;
};
export type DelegateListParams = PageParams & { q?: string };
export type IndexerStatus = z.infer<typeof indexerStatusSchema>;

export type IndexerClientOptions = {
  /** Per-request timeout. Default 5 s. */
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
};

export type IndexerClient = {
  readonly baseUrl: string;
  listProposals(slug: string, params?: ProposalListParams): Promise<Page<IndexedProposal>>;
  getProposal(slug: string, id: string | bigint): Promise<IndexedProposal>;
  listVotes(slug: string, id: string | bigint, params?: VoteListParams): Promise<Page<IndexedVote>>;
  listDelegates(slug: string, params?: DelegateListParams): Promise<Page<IndexedDelegate>>;
  getAccount(slug: string, address: string): Promise<IndexedAccount>;
  /** One delegate's figures (zeros for an address the token never mentioned), with participation. */
  getDelegate(slug: string, address: string): Promise<IndexedDelegate>;
  /** Accounts delegating to `address`, largest balance first. */
  listDelegators(slug: string, address: string, params?: PageParams): Promise<Page<IndexedDelegator>>;
  /** `address`'s voting power changes, newest first (limit up to 1000). */
  listVotingPowerChanges(slug: string, address: string, params?: PageParams): Promise<Page<IndexedVotingPowerChange>>;
  /** Votes cast by `address` on the DAO's governor, newest first, with proposal titles. */
  listVoterVotes(slug: string, address: string, params?: PageParams): Promise<Page<IndexedVoterVote>>;
  /** ERC20s the DAO's treasury has received. */
  listTreasuryTokens(slug: string): Promise<IndexedTreasuryTokens>;
  /** Governance health: the current distribution of voting power and a page of proposals with their turnout. */
  getAnalytics(slug: string, params?: PageParams): Promise<IndexedAnalytics>;
  /** How `address`'s current delegate voted on each proposal since `address` delegated to them. */
  getDelegateRecord(slug: string, address: string, params?: PageParams): Promise<IndexedDelegateRecord>;
  status(): Promise<IndexerStatus>;
};

const proposalPageSchema = pageOf(indexedProposalSchema);
const votePageSchema = pageOf(indexedVoteSchema);
const delegatePageSchema = pageOf(indexedDelegateSchema);
const delegatorPageSchema = pageOf(indexedDelegatorSchema);
const votingPowerPageSchema = pageOf(indexedVotingPowerChangeSchema);
const voterVotePageSchema = pageOf(indexedVoterVoteSchema);

function errorMessage(body: unknown, fallback: string): string {
  if (typeof body === "object" && body !== null && "error" in body && typeof body.error === "string") {
    return body.error.slice(0, 300);
  }
  return fallback;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "invalid body";
  const path = issue.path.map(String).join(".");
  return `${path || "body"}: ${issue.message}`;
}

/**
 * @example
 * const indexer = createIndexerClient(); // INDEXER_URL or http://127.0.0.1:42069
 * const { items, total } = await indexer.listProposals("demo", { limit: 20 });
 */
export function createIndexerClient(
  baseUrl: string = process.env.INDEXER_URL ?? defaultIndexerUrl,
  options: IndexerClientOptions = {},
): IndexerClient {
  const root = baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 5_000;
  const fetchFn = options.fetch ?? fetch;

  async function get<T>(path: string, query: Record<string, string | number | undefined>, schema: z.ZodType<T>) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== "") search.set(key, String(value));
    }
    const url = `${root}${path}${search.size > 0 ? `?${search}` : ""}`;

    let response: Response;
    try {
      response = await fetchFn(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: "application/json" },
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const detail = timedOut ? `no answer within ${timeoutMs} ms` : (cause ?? (error as Error).message);
      throw new IndexerUnavailableError(root, detail, { cause: error });
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (response.status >= 500) throw new IndexerUnavailableError(root, `HTTP ${response.status}`, { cause: error });
      throw new IndexerResponseError(url, `HTTP ${response.status} with a body that is not JSON`, response.status);
    }
    if (response.status >= 500) {
      throw new IndexerUnavailableError(root, `HTTP ${response.status}: ${errorMessage(body, "server error")}`);
    }
    if (response.status === 404) throw new IndexerNotFoundError(url, errorMessage(body, "not found"));
    if (!response.ok) {
      throw new IndexerResponseError(
        url,
        `HTTP ${response.status}: ${errorMessage(body, "request refused")}`,
        response.status,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new IndexerResponseError(url, firstIssue(parsed.error), response.status);
    return parsed.data;
  }

  const dao = (slug: string) => `/api/daos/${encodeURIComponent(slug)}`;

  return {
    baseUrl: root,
    listProposals: (slug, params = {}) =>
      get(
        `${dao(slug)}/proposals`,
        {
          limit: params.limit,
          offset: params.offset,
          q: params.q,
          status: params.status?.join(","),
          state: params.state,
          clock: params.clock?.toString(),
        },
        proposalPageSchema,
      ),
    getProposal: (slug, id) =>
      get(`${dao(slug)}/proposals/${encodeURIComponent(String(id))}`, {}, indexedProposalSchema),
    listVotes: (slug, id, params = {}) =>
      get(
        `${dao(slug)}/proposals/${encodeURIComponent(String(id))}/votes`,
        { limit: params.limit, offset: params.offset, support: params.support, sort: params.sort, voter: params.voter },
        votePageSchema,
      ),
    listDelegates: (slug, params = {}) =>
      get(`${dao(slug)}/delegates`, { limit: params.limit, offset: params.offset, q: params.q }, delegatePageSchema),
    getAccount: (slug, address) =>
      get(`${dao(slug)}/accounts/${encodeURIComponent(address)}`, {}, indexedAccountSchema),
    getDelegate: (slug, address) =>
      get(`${dao(slug)}/delegates/${encodeURIComponent(address)}`, {}, indexedDelegateSchema),
    listDelegators: (slug, address, params = {}) =>
      get(
        `${dao(slug)}/delegates/${encodeURIComponent(address)}/delegators`,
        { limit: params.limit, offset: params.offset },
        delegatorPageSchema,
      ),
    listVotingPowerChanges: (slug, address, params = {}) =>
      get(
        `${dao(slug)}/delegates/${encodeURIComponent(address)}/voting-power`,
        { limit: params.limit, offset: params.offset },
        votingPowerPageSchema,
      ),
    listVoterVotes: (slug, address, params = {}) =>
      get(
        `${dao(slug)}/delegates/${encodeURIComponent(address)}/votes`,
        { limit: params.limit, offset: params.offset },
        voterVotePageSchema,
      ),
    listTreasuryTokens: (slug) => get(`${dao(slug)}/treasury/tokens`, {}, indexedTreasuryTokensSchema),
    getAnalytics: (slug, params = {}) =>
      get(`${dao(slug)}/analytics`, { limit: params.limit, offset: params.offset }, indexedAnalyticsSchema),
    getDelegateRecord: (slug, address, params = {}) =>
      get(
        `${dao(slug)}/accounts/${encodeURIComponent(address)}/delegate-record`,
        { limit: params.limit, offset: params.offset },
        indexedDelegateRecordSchema,
      ),
    status: () => get("/api/status", {}, indexerStatusSchema),
  };
}
