/**
 * Reads everything the proposal page shows, each source failing on its own: the indexed proposal
 * (description, actions, events), the chain's clock for dates, and the live state in one
 * multicall (which needs the indexer's snapshot and the actions' token addresses, so it comes
 * after the indexer). Failures are logged (an RPC URL may carry a key) and become states the page
 * can explain.
 *
 * A proposal just created is not indexed yet: given the hash of the transaction that created it
 * (`?tx=` from the propose flow), its content is read from that transaction's receipt instead.
 */
import "server-only";
import { cache } from "react";
import { getAddress, type Hash, type PublicClient, TransactionReceiptNotFoundError } from "viem";
import { type DecodedAction, decodeAction, type VerifiedAbis } from "@/lib/actions/decodeAction";
import { erc20Targets } from "@/lib/actions/erc20Targets";
import { verifiedAbis } from "@/lib/actions/verifiedAbis";
import { type ChainProblem, describeChainProblem } from "@/lib/chain/chainErrors";
import { type ClockContext, readClockContext, withKnownBlock } from "@/lib/chain/clock";
import { getPublicClient } from "@/lib/chain/publicClient";
import { type ProposalLive, readProposalLive } from "@/lib/chain/readProposalLive";
import { governorAdapter } from "@/lib/governor/adapter";
import { writeDaoOf } from "@/lib/governor/writeDao";
import { IndexerNotFoundError } from "@/lib/indexer/client";
import type { IndexedProposal } from "@/lib/indexer/types";
import { isTransactionHash, proposalFromReceipt } from "@/lib/proposals/proposalFromReceipt";
import { getSettings } from "@/lib/server/daos";
import { getIndexer } from "@/lib/server/indexer";
import { type LoadedDao, loadedProblem } from "@/lib/server/loadDao";
import { settle, valueOrNull } from "@/lib/server/settle";

/**
 * The tallies to show: the chain's when it answered, else the index's.
 *
 * @example const tallies = talliesOf(proposal, live); // null when neither has the proposal
 */
export function talliesOf(
  proposal: Pick<IndexedProposal, "forVotes" | "againstVotes" | "abstainVotes"> | null,
  live: Pick<ProposalLive, "tallies"> | null,
): ProposalLive["tallies"] | null {
  if (live?.tallies) return live.tallies;
  return proposal
    ? {
        forVotes: BigInt(proposal.forVotes),
        againstVotes: BigInt(proposal.againstVotes),
        abstainVotes: BigInt(proposal.abstainVotes),
      }
    : null;
}

export type UsableDao = Extract<LoadedDao, { status: "ready" | "chainUnreachable" }>;

export type LoadedProposal = {
  /** null: the indexer does not know it; "unavailable": the indexer did not answer. */
  indexed: IndexedProposal | null | "unavailable";
  /**
   * The indexed proposal, or (when the indexer does not have it) the one read from the receipt of
   * the transaction that created it; null when neither is known.
   */
  proposal: IndexedProposal | null;
  /** `proposal` comes from the creating transaction's receipt, not the indexer. */
  fromReceipt: boolean;
  actions: DecodedAction[];
  /** null when the chain could not be read… */
  live: ProposalLive | null;
  /** …and then why. */
  liveProblem: ChainProblem | null;
  clock: ClockContext | null;
};

/**
 * The indexed proposal; null when the indexer does not know it, "unavailable" when it did not
 * answer. Deduplicated per request, so the page and its metadata share one fetch.
 *
 * @example const proposal = await fetchIndexedProposal("demo", "4242");
 */
export const fetchIndexedProposal = cache(
  async (slug: string, id: string): Promise<IndexedProposal | null | "unavailable"> => {
    try {
      return await getIndexer().getProposal(slug, id);
    } catch (error) {
      if (error instanceof IndexerNotFoundError) return null;
      console.error(`[commons] reading proposal ${id} of "${slug}" from the indexer failed:`, error);
      return "unavailable";
    }
  },
);

/**
 * The proposal `id` as created by transaction `tx` on the DAO's governor, read from the receipt;
 * null when the hash is malformed, the transaction is unknown or pending, or it did not create
 * this proposal there. Deduplicated per request (page and metadata).
 *
 * @example const proposal = await fetchProposalFromReceipt(loaded, "4242", "0xab…");
 */
export const fetchProposalFromReceipt = cache(
  async (loaded: UsableDao, id: string, tx: string | undefined): Promise<IndexedProposal | null> => {
    if (!isTransactionHash(tx) || loaded.status !== "ready") return null;
    const { config, dao } = loaded;
    const client = getPublicClient(config);
    try {
      const receipt = await client.getTransactionReceipt({ hash: tx as Hash });
      if (receipt.status !== "success") return null;
      const proposal = proposalFromReceipt({
        receipt,
        blockTimestamp: 0n,
        chainId: config.chainId,
        governor: dao.governor,
        proposalId: BigInt(id),
      });
      if (!proposal) return null;
      const block = await client.getBlock({ blockNumber: receipt.blockNumber });
      return { ...proposal, createdTimestamp: Number(block.timestamp) };
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError)) {
        console.error(`[commons] reading the receipt of ${tx} on "${config.slug}" failed:`, error);
      }
      return null;
    }
  },
);

function decodeActions(proposal: IndexedProposal, loaded: UsableDao, verified?: VerifiedAbis): DecodedAction[] {
  const contracts =
    loaded.status === "ready"
      ? { governor: loaded.dao.governor, token: loaded.dao.token, timelock: loaded.dao.timelock }
      : {
          governor: loaded.config.governor,
          token: loaded.config.token ?? loaded.config.governor,
          timelock: loaded.config.timelock ?? null,
        };
  return proposal.targets.map((target, index) =>
    decodeAction(
      {
        target: getAddress(target.toLowerCase()),
        value: BigInt(proposal.values[index] ?? "0"),
        signature: proposal.signatures[index] ?? "",
        calldata: (proposal.calldatas[index] ?? "0x") as `0x${string}`,
      },
      contracts,
      verified,
    ),
  );
}

/**
 * The actions again, with the verified ABIs (Sourcify, when the config names a server) of the
 * targets whose calls no known ABI decoded.
 */
async function withVerifiedAbis(
  actions: DecodedAction[],
  proposal: IndexedProposal,
  loaded: UsableDao,
): Promise<DecodedAction[]> {
  const { sourcifyUrl } = getSettings();
  const unknown = actions.filter((action) => action.call.kind === "unknown" && action.call.selector !== null);
  if (!sourcifyUrl || unknown.length === 0) return actions;
  const found = await verifiedAbis(
    sourcifyUrl,
    loaded.config.chainId,
    unknown.map((action) => action.target),
  );
  return found.size === 0 ? actions : decodeActions(proposal, loaded, found);
}

// Timestamps of past blocks never change (deep enough to be safe from reorgs): remember them.
const blockTimestamps = new Map<string, bigint>();
const settledDepth = 128n;

/**
 * The timestamps of the timeline's past blocks (snapshot, deadline, queue, execution…), so their
 * dates are exact rather than extrapolated with an average block time. Read in parallel; a block
 * that cannot be read is left out (its date stays an estimate).
 */
async function pastBlockTimes(
  client: PublicClient,
  chainId: number,
  blocks: readonly (bigint | null)[],
  head: bigint,
): Promise<{ block: bigint; timestamp: bigint }[]> {
  const wanted = [...new Set(blocks.filter((block): block is bigint => block !== null && block <= head))];
  const read = await Promise.all(
    wanted.map(async (block) => {
      const key = `${chainId}:${block}`;
      const cached = blockTimestamps.get(key);
      if (cached !== undefined) return { block, timestamp: cached };
      try {
        const { timestamp } = await client.getBlock({ blockNumber: block });
        if (block + settledDepth <= head) {
          if (blockTimestamps.size >= 10_000) blockTimestamps.clear();
          blockTimestamps.set(key, timestamp);
        }
        return { block, timestamp };
      } catch {
        return null;
      }
    }),
  );
  return read.filter((entry) => entry !== null);
}

/**
 * @example const { indexed, proposal, actions, live, clock } = await loadProposal(loaded, "4242", { tx });
 */
export async function loadProposal(
  loaded: UsableDao,
  id: string,
  options: { tx?: string } = {},
): Promise<LoadedProposal> {
  const { config } = loaded;
  const dao = loaded.status === "ready" ? loaded.dao : null;
  const client = dao ? getPublicClient(config) : null;
  const [indexed, clock] = await Promise.all([
    fetchIndexedProposal(config.slug, id),
    client && dao
      ? settle(readClockContext(client, dao.clockMode), `reading the clock of "${config.slug}"`).then(valueOrNull)
      : null,
  ]);
  const fromIndexer = typeof indexed === "object" && indexed !== null ? indexed : null;
  const fromTx = fromIndexer ? null : await fetchProposalFromReceipt(loaded, id, options.tx);
  const proposal = fromIndexer ?? fromTx;
  const known = proposal ? decodeActions(proposal, loaded) : [];
  const [actions, liveRead] = await Promise.all([
    proposal ? withVerifiedAbis(known, proposal, loaded) : known,
    client && dao
      ? settle(
          readProposalLive(client, {
            adapter: governorAdapter(writeDaoOf(config, dao)),
            proposalId: BigInt(id),
            snapshotHint: proposal ? BigInt(proposal.voteStart) : undefined,
            tokens: erc20Targets(known, new Set([dao.token.toLowerCase()])),
          }),
          `reading proposal ${id} of "${config.slug}" from the chain`,
        )
      : { ok: false as const, error: loadedProblem(loaded) },
  ]);
  const live = liveRead.ok ? liveRead.value : null;
  const liveProblem = liveRead.ok ? null : describeChainProblem(liveRead.error);
  let dated = clock;
  if (dated && proposal)
    dated = withKnownBlock(dated, BigInt(proposal.createdBlock), BigInt(proposal.createdTimestamp));
  if (dated?.mode === "blocknumber" && client && live) {
    const optional = (value: string | null | undefined) => (value ? BigInt(value) : null);
    const known = await pastBlockTimes(
      client,
      config.chainId,
      [
        live.snapshot,
        live.deadline,
        optional(proposal?.queuedBlock),
        optional(proposal?.executedBlock),
        optional(proposal?.canceledBlock),
      ],
      live.blockNumber,
    );
    for (const { block, timestamp } of known) dated = withKnownBlock(dated, block, timestamp);
  }
  return { indexed, proposal, fromReceipt: fromTx !== null, actions, live, liveProblem, clock: dated };
}
