/**
 * The proposal page's votes list: its URL search parameters (`support`, `sort`, `page`), read
 * leniently (anything odd falls back to the default) and written back into links, so filtering,
 * sorting and paging work without JavaScript.
 */

export const supportNames = { against: 0, for: 1, abstain: 2 } as const;
export type SupportName = keyof typeof supportNames;
export type VoteSort = "weight" | "recent";
export type VoteQuery = { support: SupportName | undefined; sort: VoteSort; page: number };

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** @example readVoteQuery({ support: "for", page: "2" }) // { support: "for", sort: "weight", page: 2 } */
export function readVoteQuery(params: SearchParams): VoteQuery {
  const support = one(params.support);
  const page = one(params.page);
  return {
    support: support && Object.hasOwn(supportNames, support) ? (support as SupportName) : undefined,
    sort: one(params.sort) === "recent" ? "recent" : "weight",
    page: page && /^\d{1,6}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

/** @example voteQueryHref({ support: "for", sort: "weight", page: 1 }, { page: 2 }) // "?support=for&page=2#votes" */
export function voteQueryHref(query: VoteQuery, change: Partial<VoteQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.support) params.set("support", next.support);
  if (next.sort !== "weight") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return `${search ? `?${search}` : "?"}#votes`;
}
