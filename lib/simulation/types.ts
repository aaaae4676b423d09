/**
 * What a simulation of a proposal's execution reports: plain JSON (amounts and numbers as decimal
 * strings), so the same report travels from the server (lib/server/simulation) to the proposal
 * page, the propose form and drafts. Everything in it that came from the chain (token symbols,
 * revert reasons, event arguments) is untrusted and shown as text only.
 */
import type { Address, Hex } from "viem";

/**
 * How the actions ran on the fork:
 * - `execute`: the proposal was Queued; time was moved past its ETA and the governor's real
 *   `execute` was called (so the governor, the timelock and every check of theirs ran).
 * - `actions`: each action was sent in order from the executor (the timelock, impersonated), with
 *   its value, as the timelock will send it once the proposal has passed.
 */
export type SimulationMode = "execute" | "actions";

/** What kind of thing an event says happened; drives how it is shown and which flags it raises. */
export type SimulatedEventKind =
  | "transfer"
  | "approval"
  | "role"
  | "ownership"
  | "upgrade"
  | "parameter"
  | "execution"
  | "delegation"
  | "other";

/** One log, decoded when its signature is one Commons knows (lib/simulation/decodeSimulationEvent). */
export type SimulatedEvent = {
  /** The contract that emitted it. */
  address: Address;
  /** The event's name ("Transfer", "RoleGranted"…); null when unknown. */
  name: string | null;
  kind: SimulatedEventKind;
  /** ERC-20 or ERC-721, for Transfer and Approval (told apart by which arguments are indexed). */
  standard?: "erc20" | "erc721";
  /** Arguments by name: addresses checksummed, numbers in decimal, bytes as hex, booleans "true"/"false". */
  args: Record<string, string>;
  /** The event's first topic (its signature hash), for unknown events. */
  topic0: Hex | null;
};

export type ActionStatus = "success" | "reverted" | "notRun";

/** One action of the proposal and what it did on the fork. */
export type ActionOutcome = {
  /** 0-based position in the proposal. */
  index: number;
  target: Address;
  /** Wei, decimal. */
  value: string;
  /** The calldata as it runs (a Bravo signature's selector + the arguments). */
  calldata: Hex;
  status: ActionStatus;
  /** Why it reverted, in words (lib/tx/explainTxError, as the write flows say it). */
  reason?: string;
  /** Gas the action's call used; null when it did not run. */
  gasUsed: string | null;
  /** Events it emitted, in order (none when it reverted: a revert undoes them). */
  events: SimulatedEvent[];
  /** Contracts it created (CREATE / CREATE2 anywhere inside it). */
  created: Address[];
  /** The target had contract code when the action ran. */
  targetHasCode: boolean;
};

/** ETH (the chain's native coin) or a token. */
export type SimulatedAsset = {
  /** The token contract, or "native" for the chain's coin. */
  address: Address | "native";
  kind: "native" | "erc20" | "erc721";
  /** As the token reports it (untrusted, bounded), or the native coin's symbol. */
  symbol: string;
  decimals: number;
};

/** One holder's balance of one asset, before and after the actions. */
export type BalanceChange = {
  holder: Address;
  /** The asset's `address` in the report's `assets`. */
  asset: Address | "native";
  /** Base units, decimal. */
  before: string;
  after: string;
  /** The DAO's treasury (the executor: the timelock, or the governor without one). */
  isTreasury: boolean;
};

/** A governance parameter read before and after (voting delay, period, threshold, quorum, timelock delay). */
export type ParameterChange = {
  contract: "governor" | "timelock";
  /** "votingPeriod", "timelockDelay"… */
  name: string;
  /** "voting period" — for sentences. */
  label: string;
  /** The value as a person reads it, with its unit ("60 blocks", "1,000 COMM"); null when unreadable. */
  before: string | null;
  after: string | null;
};

export type RiskKind =
  | "revert"
  | "governance"
  | "role"
  | "ownership"
  | "upgrade"
  | "noCode"
  | "unlimitedApproval"
  | "treasuryShare"
  | "contractCreated";

/** One risk found, in plain words with the evidence that raised it. */
export type RiskFlag = {
  kind: RiskKind;
  /** One sentence: what happens. */
  title: string;
  /** The facts behind it (the event, the values before → after, the action). */
  evidence: string[];
  /** 0-based action that raised it, when one did. */
  action: number | null;
};

/** A finished simulation. */
export type SimulationReport = {
  version: 1;
  chainId: number;
  /** The DAO's slug. */
  dao: string;
  /** The proposal simulated; null for a proposal not on chain yet (the propose form, a draft). */
  proposalId: string | null;
  /** The proposal's state when it was simulated (null for content not on chain). */
  proposalState: string | null;
  mode: SimulationMode;
  /** The block the fork was taken at (the chain's head then), and its hash and timestamp. */
  blockNumber: string;
  blockHash: Hex;
  blockTimestamp: string;
  /** When the simulation ran (ISO 8601). */
  simulatedAt: string;
  durationMs: number;
  /** Who runs the actions: the timelock, or the governor when it has none. */
  executor: Address;
  /** "success" when every action ran; "reverted" when the execution as a whole would revert. */
  status: "success" | "reverted";
  /** Why it reverts, when it does: the failing action (null when no action ran) and the reason. */
  failure: { action: number | null; reason: string } | null;
  /** Gas of the whole `execute` transaction (execute mode), or the sum of the actions' calls. */
  gasUsed: string | null;
  actions: ActionOutcome[];
  assets: SimulatedAsset[];
  /** Only when the execution succeeds: a revert changes nothing. */
  balanceChanges: BalanceChange[];
  parameterChanges: ParameterChange[];
  flags: RiskFlag[];
  /** What the risk rules looked at (shown with "no risk flags found"). */
  checked: string[];
  /** Caveats about how it ran (e.g. how a governance call was let through). */
  notes: string[];
};

/** Why a simulation could not run, in words a page shows. */
export type SimulationProblemKind =
  | "binaryMissing"
  | "forkFailed"
  | "rpc"
  | "busy"
  | "timeout"
  | "notFound"
  | "invalid"
  | "failed";

export type SimulationProblem = { kind: SimulationProblemKind; title: string; detail: string };

/** What the simulation API answers. */
export type SimulationResult = { ok: true; report: SimulationReport } | { ok: false; problem: SimulationProblem };
