/**
 * Pieces every governor family shares: the call builders, and `readResult` — how a read whose
 * contract answers a struct (GovernorBravo's `proposals(id)`, `getReceipt(id, voter)`) is narrowed to the one value the adapter promises.
 */
import { type Abi, type Address, keccak256, parseAbi, stringToHex } from "viem";
import type {
  ContractRead,
  ContractWrite,
  DaoFlavour,
  GovernorAdapter,
  ProposalContent,
  ProposalVotes,
} from "../adapter";

/** The token calls both OpenZeppelin Votes and Compound's Comp/Uni tokens answer. */
export const votesTokenAbi = parseAbi([
  "function name() view returns (string)",
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
  "function totalSupply() view returns (uint256)",
  "function getPastTotalSupply(uint256 timepoint) view returns (uint256)",
  "function delegate(address delegatee)",
  "function delegates(address account) view returns (address)",
  "function getVotes(address account) view returns (uint256)",
  "function getPastVotes(address account, uint256 timepoint) view returns (uint256)",
  "function getCurrentVotes(address account) view returns (uint96)",
  "function getPriorVotes(address account, uint256 blockNumber) view returns (uint96)",
  "function balanceOf(address account) view returns (uint256)",
]);

/** How the token reports votes: OpenZeppelin Votes (getPastVotes/getVotes) or Compound (getPriorVotes/getCurrentVotes). */
export type VotesFunctions = "getPastVotes" | "getPriorVotes";

export function descriptionHash(description: string) {
  return keccak256(stringToHex(description));
}

export function contentArgs(content: ProposalContent) {
  return [content.targets, content.values, content.calldatas, descriptionHash(content.description)] as const;
}

export function callBuilder(address: Address, abi: Abi) {
  return (functionName: string, args: readonly unknown[] = []): ContractWrite & ContractRead => ({
    address,
    abi,
    functionName,
    args,
  });
}

const pickers = new WeakMap<ContractRead, (raw: unknown) => unknown>();

/** Marks `read` as answering a struct from which `pick` takes the adapter's value. */
export function picking<T extends ContractRead>(read: T, pick: (raw: unknown) => unknown): T {
  pickers.set(read, pick);
  return read;
}

/**
 * The value an adapter read promises (e.g. `proposalEta` → bigint) from what the contract returned.
 * For OpenZeppelin reads it is the result itself; for GovernorBravo's struct getters it is one field.
 * Pass the same `read` object you called (it is recognised by identity).
 *
 * @example
 * const call = adapter.proposalEta(id);
 * const eta = readResult(call, await client.readContract(call)) as bigint;
 */
export function readResult(read: ContractRead, raw: unknown): unknown {
  const pick = pickers.get(read);
  return pick ? pick(raw) : raw;
}

/** Field `index` (or `name`) of a struct result viem decoded as an array or object. */
export function field(index: number, name: string) {
  return (raw: unknown) => {
    if (Array.isArray(raw)) return raw[index];
    if (raw && typeof raw === "object" && name in raw) return (raw as Record<string, unknown>)[name];
    return raw;
  };
}

/**
 * The tallies `{ againstVotes, forVotes, abstainVotes }` from a result holding them at these
 * indexes (OpenZeppelin's proposalVotes tuple: 0, 1, 2; Bravo's proposals struct: 6, 5, 7).
 * A missing result (a reverted read) stays undefined.
 */
export function tallies(indexes: { against: number; for: number; abstain: number }) {
  return (raw: unknown): ProposalVotes | undefined => {
    if (raw === undefined || raw === null) return undefined;
    return {
      againstVotes: field(indexes.against, "againstVotes")(raw) as bigint,
      forVotes: field(indexes.for, "forVotes")(raw) as bigint,
      abstainVotes: field(indexes.abstain, "abstainVotes")(raw) as bigint,
    };
  };
}

/** Bravo's `proposals(id)` struct: forVotes at 5, againstVotes at 6, abstainVotes at 7. */
export const bravoStructTallies = tallies({ against: 6, for: 5, abstain: 7 });

export const timelockReadAbi = parseAbi([
  "function getMinDelay() view returns (uint256)",
  "function delay() view returns (uint256)",
  "function GRACE_PERIOD() view returns (uint256)",
]);

/**
 * Adds `timelockDelay` when the DAO has a timelock of a known kind: OpenZeppelin's getMinDelay,
 * Compound's delay.
 */
export function withTimelock(
  adapter: GovernorAdapter,
  timelock: Address | null,
  kind: DaoFlavour["timelockKind"],
): GovernorAdapter {
  if (!timelock || (kind !== "openzeppelin" && kind !== "compound")) return adapter;
  const t = callBuilder(timelock, timelockReadAbi as Abi);
  return { ...adapter, timelockDelay: () => (kind === "openzeppelin" ? t("getMinDelay") : t("delay")) };
}
