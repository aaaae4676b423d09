/**
 * Which Governor a DAO runs, found by probing the contracts (never by a flag the user sets):
 * the family (OpenZeppelin, Compound GovernorBravo or GovernorAlpha, OpenZeppelin 4.x with
 * GovernorCompatibilityBravo),
 * the ERC-6372 clock, the counting mode (fractional or not), late-quorum protection, the timelock
 * type and the voting token's kind — and, for a contract Commons cannot drive, what is missing.
 *
 * A probe "exists" when the call succeeds or reverts WITH data (the function ran and refused, e.g.
 * `state(0)` → "unknown proposal id"); a call to a function the contract lacks reverts empty.
 * Everything is read in two round trips (lib/chain/readCalls: Multicall3 where the chain has it,
 * else a JSON-RPC batch), and the result is cached per (chainId, address) for the life of the process.
 *
 * Over 300 lines because the probes and the decisions drawn from them share one two-round-trip plan.
 */
import {
  type Abi,
  type Address,
  decodeFunctionResult,
  encodeFunctionData,
  getAddress,
  type Hex,
  type PublicClient,
  parseAbi,
  zeroAddress,
} from "viem";
import { type ChainReader, readRaw } from "../chain/readCalls";
import { type DaoFlavour, defaultDaoFlavour, type GovernorFamily } from "./adapter";
import type { VotesFunctions } from "./families/shared";

export type { GovernorFamily };

export type TimelockFlavour =
  | { kind: "openzeppelin"; address: Address; minDelaySeconds: number }
  | { kind: "compound"; address: Address; delaySeconds: number; gracePeriodSeconds: number }
  /** A timelock() that is neither: the proposal's ETA still comes from the governor. */
  | { kind: "unknown"; address: Address }
  | { kind: "none" };

export type TokenFlavour = {
  kind: "erc20votes" | "erc721votes";
  address: Address;
  /** 0 for ERC721Votes (one NFT is one vote). */
  decimals: number;
  symbol: string | null;
  name: string | null;
  /** getPastVotes (OpenZeppelin Votes) or getPriorVotes (Compound's Comp/Uni). */
  votes: VotesFunctions;
};

/** Something Commons needs and the contract does not answer, in words for the DAO overview page. */
export type MissingCapability = { capability: string; message: string };

/** What `detectGovernor` found: plain data (numbers and strings), fine to pass from server to client. */
export type GovernorFlavour = {
  chainId: number;
  governor: Address;
  /** No capability missing: Commons can drive this governor. */
  supported: boolean;
  family: GovernorFamily | null;
  name: string | null;
  /** ERC-6372 CLOCK_MODE, or `mode=blocknumber&from=default` when the governor predates it. */
  clockMode: string;
  clock: "blocknumber" | "timestamp";
  /** The governor answers clock() (OZ ≥ 4.9); else the clock is the block number. */
  hasClock: boolean;
  /** COUNTING_MODE, or Bravo's fixed `support=bravo&quorum=bravo` (GovernorAlpha: `support=alpha&quorum=bravo`). */
  countingMode: string;
  fractional: boolean;
  /** GovernorPreventLateQuorum: a late quorum extends the deadline by `lateQuorumExtension` clock units. */
  lateQuorum: boolean;
  lateQuorumExtension: number | null;
  timelock: TimelockFlavour;
  token: TokenFlavour | null;
  missing: MissingCapability[];
};

export const bravoCountingMode = "support=bravo&quorum=bravo";
/** GovernorAlpha's counting, stated the same way: For or Against only; For votes count toward quorum. */
export const alphaCountingMode = "support=alpha&quorum=bravo";
export const defaultClockMode = "mode=blocknumber&from=default";

const erc721InterfaceId = "0x80ac58cd";

const governorProbeAbi = parseAbi([
  "function name() view returns (string)",
  "function state(uint256 proposalId) view returns (uint8)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function proposalThreshold() view returns (uint256)",
  "function token() view returns (address)",
  "function comp() view returns (address)",
  "function uni() view returns (address)",
  "function timelock() view returns (address)",
  "function CLOCK_MODE() view returns (string)",
  "function clock() view returns (uint48)",
  "function COUNTING_MODE() view returns (string)",
  "function quorumVotes() view returns (uint256)",
  "function proposals(uint256 proposalId) view returns (uint256 id, address proposer, uint256 eta, uint256 startBlock, uint256 endBlock, uint256 forVotes, uint256 againstVotes, uint256 abstainVotes, bool canceled, bool executed)",
  "function proposalCount() view returns (uint256)",
  "function lateQuorumVoteExtension() view returns (uint64)",
]);

/**
 * What tells GovernorAlpha from GovernorBravo: its `proposals(id)` has no abstainVotes (nine fields,
 * where Bravo's ten do not decode), and it votes with `castVote(uint256,bool)` (for id 0 it refuses
 * with a reason; Bravo and OpenZeppelin have no such function and revert empty).
 */
const alphaProbeAbi = parseAbi([
  "function proposals(uint256 proposalId) view returns (uint256 id, address proposer, uint256 eta, uint256 startBlock, uint256 endBlock, uint256 forVotes, uint256 againstVotes, bool canceled, bool executed)",
  "function castVote(uint256 proposalId, bool support)",
]);

const tokenProbeAbi = parseAbi([
  "function supportsInterface(bytes4 interfaceId) view returns (bool)",
  "function decimals() view returns (uint8)",
  "function symbol() view returns (string)",
  "function name() view returns (string)",
  "function getPastVotes(address account, uint256 timepoint) view returns (uint256)",
  "function getPriorVotes(address account, uint256 blockNumber) view returns (uint96)",
  "function delegates(address account) view returns (address)",
]);

const timelockProbeAbi = parseAbi([
  "function getMinDelay() view returns (uint256)",
  "function delay() view returns (uint256)",
  "function GRACE_PERIOD() view returns (uint256)",
]);

type Probe = { key: string; address: Address; abi: Abi; functionName: string; args?: readonly unknown[] };
type Outcome = { ok: true; value: unknown } | { ok: false; data: Hex };

/** The function ran: it answered, or refused with a reason (a missing function reverts empty). */
function exists(outcome: Outcome | undefined): boolean {
  return !!outcome && (outcome.ok || outcome.data !== "0x");
}

function value<T>(outcome: Outcome | undefined): T | undefined {
  return outcome?.ok ? (outcome.value as T) : undefined;
}

function outcomeOf(probe: Probe, success: boolean, data: Hex): Outcome {
  if (!success) return { ok: false, data };
  try {
    return {
      ok: true,
      value: decodeFunctionResult({ abi: probe.abi, functionName: probe.functionName, data } as never),
    };
  } catch {
    return { ok: false, data: "0x" }; // no code, or an answer of the wrong shape: not this function
  }
}

/** Runs every probe in one round trip (lib/chain/readCalls: Multicall3, or a JSON-RPC batch). */
async function runProbes(client: ChainReader, probes: readonly Probe[]): Promise<Map<string, Outcome>> {
  const { results } = await readRaw(
    client,
    probes.map((probe) => ({
      target: probe.address,
      callData: encodeFunctionData({ abi: probe.abi, functionName: probe.functionName, args: probe.args } as never),
      decode: (data: Hex) => data,
    })),
  );
  const out = new Map<string, Outcome>();
  probes.forEach((probe, i) => {
    const result = results[i];
    out.set(probe.key, result ? outcomeOf(probe, result.success, result.returnData) : { ok: false, data: "0x" });
  });
  return out;
}

function nonZero(address: Address | undefined | null): Address | null {
  return address && address !== zeroAddress ? getAddress(address) : null;
}

export type DetectOptions = {
  /** The config's token / timelock, when it names them (they win over what the governor reports). */
  token?: Address;
  timelock?: Address | null;
};

/**
 * The part of a detection pages and write flows act on (see DaoFlavour); an unsupported
 * governor's unknown family reads as OpenZeppelin, whose calls then fail with the chain's reason.
 *
 * @example writeDao.flavour = daoFlavourOf(await detectGovernor(client, governor));
 */
export function daoFlavourOf(
  flavour: Pick<GovernorFlavour, "family" | "fractional" | "hasClock" | "token"> &
    Partial<Pick<GovernorFlavour, "clock" | "lateQuorum" | "timelock">>,
): DaoFlavour {
  return {
    family: flavour.family ?? defaultDaoFlavour.family,
    clock: flavour.clock ?? defaultDaoFlavour.clock,
    hasClock: flavour.hasClock,
    fractional: flavour.fractional,
    lateQuorum: flavour.lateQuorum ?? false,
    votes: flavour.token?.votes ?? defaultDaoFlavour.votes,
    tokenKind: flavour.token?.kind ?? defaultDaoFlavour.tokenKind,
    timelockKind: flavour.timelock?.kind ?? "none",
  };
}

const cache = new Map<string, Promise<GovernorFlavour>>();

/** Forget every cached detection (tests; or after a governor upgrade). */
export function clearGovernorFlavourCache() {
  cache.clear();
}

/**
 * @example
 * const flavour = await detectGovernor(client, dao.governor);
 * if (!flavour.supported) show(flavour.missing.map((m) => m.message));
 * const adapter = governorAdapterFor(flavour, dao);
 */
export async function detectGovernor(
  client: ChainReader & Pick<PublicClient, "getChainId">,
  governor: Address,
  options: DetectOptions = {},
): Promise<GovernorFlavour> {
  const chainId = client.chain?.id ?? (await client.getChainId());
  const key = [chainId, governor.toLowerCase(), options.token?.toLowerCase(), options.timelock?.toLowerCase()].join(
    ":",
  );
  let pending = cache.get(key);
  if (!pending) {
    pending = probeGovernor(client, chainId, getAddress(governor), options);
    cache.set(key, pending);
    // A failed RPC must not stick: the next call probes again.
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function probeGovernor(
  client: ChainReader,
  chainId: number,
  governor: Address,
  options: DetectOptions,
): Promise<GovernorFlavour> {
  const missing: MissingCapability[] = [];
  const lack = (capability: string, message: string) => missing.push({ capability, message });
  const g = (functionName: string, args: readonly unknown[] = []): Probe => ({
    key: functionName,
    address: governor,
    abi: governorProbeAbi as Abi,
    functionName,
    args,
  });
  const [code, gov] = await Promise.all([
    client.getCode({ address: governor }),
    runProbes(client, [
      g("name"),
      g("state", [0n]),
      g("votingDelay"),
      g("votingPeriod"),
      g("proposalThreshold"),
      g("token"),
      g("comp"),
      g("uni"),
      g("timelock"),
      g("CLOCK_MODE"),
      g("clock"),
      g("COUNTING_MODE"),
      g("quorumVotes"),
      g("proposals", [0n]),
      g("proposalCount"),
      g("lateQuorumVoteExtension"),
      { key: "alpha.proposals", address: governor, abi: alphaProbeAbi as Abi, functionName: "proposals", args: [0n] },
      {
        key: "alpha.castVote",
        address: governor,
        abi: alphaProbeAbi as Abi,
        functionName: "castVote",
        args: [0n, false],
      },
    ]),
  ]);
  const base = {
    chainId,
    governor,
    name: value<string>(gov.get("name")) ?? null,
    clockMode: defaultClockMode,
    clock: "blocknumber" as const,
    hasClock: false,
    countingMode: bravoCountingMode,
    fractional: false,
    lateQuorum: false,
    lateQuorumExtension: null,
    timelock: { kind: "none" } as TimelockFlavour,
    token: null,
  };
  if (!code || code === "0x") {
    lack("code", `There is no contract at ${governor} on chain ${chainId}.`);
    return { ...base, supported: false, family: null, missing };
  }

  if (!exists(gov.get("state"))) lack("state(uint256)", "no state(uint256): it cannot report a proposal's state");
  for (const fn of ["votingDelay", "votingPeriod", "proposalThreshold"]) {
    if (!gov.get(fn)?.ok) lack(`${fn}()`, `no ${fn}()`);
  }

  const countingMode = value<string>(gov.get("COUNTING_MODE"));
  const bravoShaped = exists(gov.get("proposals")) || gov.get("quorumVotes")?.ok === true;
  const alphaShaped =
    !exists(gov.get("proposals")) && gov.get("alpha.proposals")?.ok === true && exists(gov.get("alpha.castVote"));
  let family: GovernorFamily | null = null;
  if (countingMode !== undefined) family = bravoShaped ? "oz-bravo-compatible" : "openzeppelin";
  else if (alphaShaped && gov.get("proposalCount")?.ok) family = "alpha";
  else if (bravoShaped && gov.get("proposalCount")?.ok) family = "bravo";
  else {
    lack(
      "family",
      "no COUNTING_MODE() (OpenZeppelin Governor) nor proposals(uint256) and proposalCount() (GovernorBravo, GovernorAlpha): not a governor Commons knows",
    );
  }

  const clockMode = value<string>(gov.get("CLOCK_MODE")) ?? defaultClockMode;
  const lateQuorumExtension = value<bigint>(gov.get("lateQuorumVoteExtension"));

  const tokenAddress =
    nonZero(options.token) ??
    nonZero(value<Address>(gov.get("token"))) ??
    nonZero(value<Address>(gov.get("comp"))) ??
    nonZero(value<Address>(gov.get("uni")));
  const timelockAddress =
    options.timelock === null ? null : (nonZero(options.timelock) ?? nonZero(value<Address>(gov.get("timelock"))));

  const second: Probe[] = [];
  if (tokenAddress) {
    const t = (functionName: string, args: readonly unknown[] = []): Probe => ({
      key: `token.${functionName}`,
      address: tokenAddress,
      abi: tokenProbeAbi as Abi,
      functionName,
      args,
    });
    second.push(
      t("supportsInterface", [erc721InterfaceId]),
      t("decimals"),
      t("symbol"),
      t("name"),
      t("getPastVotes", [zeroAddress, 0n]),
      t("getPriorVotes", [zeroAddress, 0n]),
      t("delegates", [zeroAddress]),
    );
  } else {
    lack("token()", 'no token() (OpenZeppelin) nor comp()/uni() (GovernorBravo): set "token" in the config');
  }
  if (timelockAddress) {
    for (const functionName of ["getMinDelay", "delay", "GRACE_PERIOD"]) {
      second.push({
        key: `timelock.${functionName}`,
        address: timelockAddress,
        abi: timelockProbeAbi as Abi,
        functionName,
      });
    }
  }
  const more = second.length > 0 ? await runProbes(client, second) : new Map<string, Outcome>();

  let token: TokenFlavour | null = null;
  if (tokenAddress) {
    const pastVotes = exists(more.get("token.getPastVotes"));
    const priorVotes = exists(more.get("token.getPriorVotes"));
    if (!pastVotes && !priorVotes) {
      lack(
        "token votes",
        `token ${tokenAddress} has no getPastVotes(address,uint256) nor getPriorVotes(address,uint256): it is not a votes token`,
      );
    }
    if (!more.get("token.delegates")?.ok) lack("token delegates", `token ${tokenAddress} has no delegates(address)`);
    const nft = value<boolean>(more.get("token.supportsInterface")) === true;
    token = {
      kind: nft ? "erc721votes" : "erc20votes",
      address: tokenAddress,
      decimals: nft ? 0 : Number(value<number>(more.get("token.decimals")) ?? 0),
      symbol: value<string>(more.get("token.symbol")) ?? null,
      name: value<string>(more.get("token.name")) ?? null,
      votes: pastVotes || !priorVotes ? "getPastVotes" : "getPriorVotes",
    };
  }

  let timelock: TimelockFlavour = { kind: "none" };
  if (timelockAddress) {
    const minDelay = value<bigint>(more.get("timelock.getMinDelay"));
    const delay = value<bigint>(more.get("timelock.delay"));
    const grace = value<bigint>(more.get("timelock.GRACE_PERIOD"));
    if (minDelay !== undefined)
      timelock = { kind: "openzeppelin", address: timelockAddress, minDelaySeconds: Number(minDelay) };
    else if (delay !== undefined && grace !== undefined) {
      timelock = {
        kind: "compound",
        address: timelockAddress,
        delaySeconds: Number(delay),
        gracePeriodSeconds: Number(grace),
      };
    } else timelock = { kind: "unknown", address: timelockAddress };
  }

  return {
    ...base,
    supported: missing.length === 0,
    family,
    clockMode,
    clock: /(^|&)mode=timestamp(&|$)/.test(clockMode) ? "timestamp" : "blocknumber",
    hasClock: gov.get("clock")?.ok === true,
    countingMode: countingMode ?? (family === "alpha" ? alphaCountingMode : bravoCountingMode),
    fractional: /fractional/.test(countingMode ?? ""),
    lateQuorum: lateQuorumExtension !== undefined,
    lateQuorumExtension: lateQuorumExtension === undefined ? null : Number(lateQuorumExtension),
    timelock,
    token,
    missing,
  };
}
