/**
 * Decodes the logs a simulated execution emitted, with known event signatures only: ERC-20 and
 * ERC-721 transfers and approvals, AccessControl roles, Ownable ownership, ERC-1967 proxy upgrades,
 * the governor's and timelock's parameter events (OpenZeppelin 4.x/5.x, GovernorBravo, Compound's
 * Timelock), execution bookkeeping and delegation. ERC-20 and ERC-721 share the signatures of
 * Transfer and Approval; the number of indexed topics tells them apart. Anything else stays an
 * unknown event with its topic, never guessed from a signature directory.
 */
import {
  type AbiEvent,
  type Address,
  decodeEventLog,
  getAddress,
  type Hex,
  keccak256,
  parseAbiItem,
  stringToHex,
  toEventSelector,
} from "viem";
import type { SimulatedEvent, SimulatedEventKind } from "./types";

/** A log as a trace or a receipt gives it. */
export type RawLog = { address: Address; topics: readonly Hex[]; data: Hex };

type KnownEvent = { item: AbiEvent; kind: SimulatedEventKind; standard?: "erc20" | "erc721" };

const known = (signature: string, kind: SimulatedEventKind, standard?: "erc20" | "erc721"): KnownEvent => ({
  item: parseAbiItem(`event ${signature}`) as AbiEvent,
  kind,
  ...(standard ? { standard } : {}),
});

/** Every event Commons decodes in a simulation. */
export const simulationEvents: readonly KnownEvent[] = [
  known("Transfer(address indexed from, address indexed to, uint256 value)", "transfer", "erc20"),
  known("Transfer(address indexed from, address indexed to, uint256 indexed tokenId)", "transfer", "erc721"),
  known("Approval(address indexed owner, address indexed spender, uint256 value)", "approval", "erc20"),
  known("Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)", "approval", "erc721"),
  known("ApprovalForAll(address indexed owner, address indexed operator, bool approved)", "approval", "erc721"),
  // AccessControl (OpenZeppelin TimelockController, tokens with roles)
  known("RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)", "role"),
  known("RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)", "role"),
  known(
    "RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)",
    "role",
  ),
  // Ownable, Ownable2Step
  known("OwnershipTransferred(address indexed previousOwner, address indexed newOwner)", "ownership"),
  known("OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)", "ownership"),
  // Compound Timelock (admin indexed) and GovernorBravoDelegator (not indexed)
  known("NewAdmin(address indexed newAdmin)", "ownership"),
  known("NewPendingAdmin(address indexed newPendingAdmin)", "ownership"),
  known("NewAdmin(address oldAdmin, address newAdmin)", "ownership"),
  known("NewPendingAdmin(address oldPendingAdmin, address newPendingAdmin)", "ownership"),
  // ERC-1967 proxies, GovernorBravoDelegator
  known("Upgraded(address indexed implementation)", "upgrade"),
  known("BeaconUpgraded(address indexed beacon)", "upgrade"),
  known("AdminChanged(address previousAdmin, address newAdmin)", "upgrade"),
  known("NewImplementation(address oldImplementation, address newImplementation)", "upgrade"),
  // Governor parameters (OpenZeppelin and GovernorBravo share these signatures)
  known("VotingDelaySet(uint256 oldVotingDelay, uint256 newVotingDelay)", "parameter"),
  known("VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod)", "parameter"),
  known("ProposalThresholdSet(uint256 oldProposalThreshold, uint256 newProposalThreshold)", "parameter"),
  known("QuorumNumeratorUpdated(uint256 oldQuorumNumerator, uint256 newQuorumNumerator)", "parameter"),
  known("LateQuorumVoteExtensionSet(uint64 oldVoteExtension, uint64 newVoteExtension)", "parameter"),
  known("TimelockChange(address oldTimelock, address newTimelock)", "parameter"),
  // Timelock parameters: OpenZeppelin TimelockController, Compound Timelock
  known("MinDelayChange(uint256 oldDuration, uint256 newDuration)", "parameter"),
  known("NewDelay(uint256 indexed newDelay)", "parameter"),
  // Execution bookkeeping
  known("ProposalExecuted(uint256 proposalId)", "execution"),
  known(
    "CallExecuted(bytes32 indexed id, uint256 indexed index, address target, uint256 value, bytes data)",
    "execution",
  ),
  known(
    "ExecuteTransaction(bytes32 indexed txHash, address indexed target, uint256 value, string signature, bytes data, uint256 eta)",
    "execution",
  ),
  // Votes tokens
  known(
    "DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate)",
    "delegation",
  ),
  known("DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes)", "delegation"),
];

const bySelector = new Map<Hex, KnownEvent[]>();
for (const event of simulationEvents) {
  const selector = toEventSelector(event.item);
  bySelector.set(selector, [...(bySelector.get(selector) ?? []), event]);
}

function indexedCount(item: AbiEvent): number {
  return item.inputs.filter((input) => input.indexed).length;
}

function formatArgument(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") {
    return /^0x[0-9a-fA-F]{40}$/.test(value) ? getAddress(value.toLowerCase()) : value;
  }
  return String(value);
}

/**
 * @example
 * decodeSimulationEvent({ address: usdc, topics: [transferTopic, from, to], data: amount })
 * // { name: "Transfer", kind: "transfer", standard: "erc20", args: { from, to, value: "5000000" }, … }
 */
export function decodeSimulationEvent(log: RawLog): SimulatedEvent {
  const address = getAddress(log.address.toLowerCase());
  const topic0 = log.topics[0] ?? null;
  const unknown: SimulatedEvent = { address, name: null, kind: "other", args: {}, topic0 };
  if (!topic0) return unknown;
  const candidates = (bySelector.get(topic0.toLowerCase() as Hex) ?? []).filter(
    (event) => indexedCount(event.item) === log.topics.length - 1,
  );
  for (const event of candidates) {
    try {
      const decoded = decodeEventLog({
        abi: [event.item],
        topics: log.topics as [Hex, ...Hex[]],
        data: log.data,
        strict: true,
      });
      const args: Record<string, string> = {};
      for (const [name, value] of Object.entries((decoded.args ?? {}) as Record<string, unknown>)) {
        args[name] = formatArgument(value);
      }
      return {
        address,
        name: event.item.name,
        kind: event.kind,
        ...(event.standard ? { standard: event.standard } : {}),
        args,
        topic0,
      };
    } catch {
      // The data does not fit this signature (a contract reusing the name): try the next one.
    }
  }
  return unknown;
}

const roleNames = [
  "PROPOSER_ROLE",
  "EXECUTOR_ROLE",
  "CANCELLER_ROLE",
  "TIMELOCK_ADMIN_ROLE",
  "MINTER_ROLE",
  "BURNER_ROLE",
  "PAUSER_ROLE",
  "UPGRADER_ROLE",
  "OPERATOR_ROLE",
  "GUARDIAN_ROLE",
] as const;

const rolesByHash = new Map<string, string>([
  ["0x0000000000000000000000000000000000000000000000000000000000000000", "DEFAULT_ADMIN_ROLE"],
  ...roleNames.map((name) => [keccak256(stringToHex(name)), name] as [string, string]),
]);

/**
 * The name of an AccessControl role hash when it is one of the common ones (OpenZeppelin's
 * TimelockController roles, the admin role…); the hash itself otherwise.
 *
 * @example roleName(keccak256(stringToHex("PROPOSER_ROLE"))) // "PROPOSER_ROLE"
 */
export function roleName(role: string): string {
  return rolesByHash.get(role.toLowerCase()) ?? role;
}

/** Roles that govern the timelock itself (whoever holds them can queue, run, cancel or re-wire it). */
export const timelockRoles: ReadonlySet<string> = new Set([
  "PROPOSER_ROLE",
  "EXECUTOR_ROLE",
  "CANCELLER_ROLE",
  "TIMELOCK_ADMIN_ROLE",
  "DEFAULT_ADMIN_ROLE",
]);
