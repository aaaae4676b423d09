/**
 * Reads everything a delegate's page shows, each source failing on its own (logged, an RPC URL may
 * carry a key): from the indexer the delegate, its voting-power history, a page of its delegators
 * and a page of its votes; from the chain its live voting power and balance; from the app's store
 * its statement; and display names (config labels, then ENS) for it and its delegators.
 */
import "server-only";
import type { Address } from "viem";
import { getPublicClient } from "@/lib/chain/publicClient";
import { type DelegateOnChain, readDelegateOnChain } from "@/lib/chain/readDelegateOnChain";
import { labelMap } from "@/lib/format/labelMap";
import { adapterOf } from "@/lib/governor/writeDao";
import { ensProfilesFor } from "@/lib/server/ens";
import { getIndexer } from "@/lib/server/indexer";
import { type LoadedDao, loadedProblem } from "@/lib/server/loadDao";
import { type Settled, settle } from "@/lib/server/settle";
import { readStatement } from "@/lib/server/statements";

export const PAGE_SIZE = 20;
/** Voting power changes drawn in the chart (the indexer's maximum page). */
const HISTORY_LIMIT = 1000;

type UsableDao = Extract<LoadedDao, { status: "ready" | "chainUnreachable" }>;

/**
 * @example const delegate = await loadDelegate(loaded, address, { votesPage: 1, delegatorsPage: 1 });
 */
export async function loadDelegate(
  loaded: UsableDao,
  address: Address,
  { votesPage, delegatorsPage }: { votesPage: number; delegatorsPage: number },
) {
  const { config } = loaded;
  const slug = config.slug;
  const indexer = getIndexer();
  const client = loaded.status === "ready" ? getPublicClient(config) : undefined;
  const [delegate, history, delegators, votes, live, statement] = await Promise.all([
    settle(indexer.getDelegate(slug, address), `reading delegate ${address} of "${slug}"`),
    settle(
      indexer.listVotingPowerChanges(slug, address, { limit: HISTORY_LIMIT }),
      `reading ${address}'s power history`,
    ),
    settle(
      indexer.listDelegators(slug, address, { limit: PAGE_SIZE, offset: (delegatorsPage - 1) * PAGE_SIZE }),
      `listing ${address}'s delegators`,
    ),
    settle(
      indexer.listVoterVotes(slug, address, { limit: PAGE_SIZE, offset: (votesPage - 1) * PAGE_SIZE }),
      `listing ${address}'s votes`,
    ),
    client && loaded.status === "ready"
      ? settle<DelegateOnChain>(
          readDelegateOnChain(client, adapterOf(loaded.dao), address),
          `reading ${address} from the chain`,
        )
      : Promise.resolve<Settled<DelegateOnChain>>({ ok: false, error: loadedProblem(loaded) }),
    readStatement(slug, address),
  ]);

  const labels = labelMap(config.labels);
  const lookup = [address, ...(delegators.ok ? delegators.value.items.map((row) => row.address as Address) : [])];
  const ens = await ensProfilesFor(config, lookup);
  const names = new Map<string, string>();
  const avatars = new Map<string, string | null>();
  for (const item of lookup) {
    const profile = ens.get(item.toLowerCase());
    const name = labels.get(item.toLowerCase()) ?? profile?.name;
    if (name) names.set(item.toLowerCase(), name);
    if (profile?.avatar) avatars.set(item.toLowerCase(), profile.avatar);
  }
  return { delegate, history, delegators, votes, live, statement, names, avatars };
}
