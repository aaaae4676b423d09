/**
 * The risk rules: from what a simulated execution did (each action's outcome and events, the
 * governance parameters read before and after, the balances that moved), the flags a voter should
 * see, each in plain words with the evidence that raised it — and, when none is raised, the list
 * of what was checked. Pure: every fact comes in through {@link RiskInput}.
 */
import { type Address, isAddressEqual } from "viem";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { assetIn, isUnlimitedAmount } from "./assets";
import { roleName, timelockRoles } from "./decodeSimulationEvent";
import type { ActionOutcome, BalanceChange, ParameterChange, RiskFlag, SimulatedAsset, SimulatedEvent } from "./types";

export type RiskInput = {
  contracts: { governor: Address; timelock: Address | null; token: Address };
  /** The treasury: the timelock, or the governor when there is none. */
  executor: Address;
  actions: readonly ActionOutcome[];
  failure: { action: number | null; reason: string } | null;
  parameterChanges: readonly ParameterChange[];
  balanceChanges: readonly BalanceChange[];
  assets: readonly SimulatedAsset[];
  /** Whether an address has contract code after the execution (tells a person's key from a contract). */
  hasCode: (address: Address) => boolean;
  /** How to name an address in a sentence ("the timelock (0xe7f1…0512)"). */
  name: (address: Address) => string;
};

/** What the rules look at; shown with "no risk flags found". */
export const riskChecks: readonly string[] = [
  "every action runs without reverting",
  "the governor’s voting delay, voting period, proposal threshold and quorum, and the timelock’s delay (read before and after)",
  "roles granted or revoked on any contract (PROPOSER, EXECUTOR, CANCELLER, ADMIN…)",
  "ownership and admin transfers",
  "proxy upgrades",
  "calls to addresses that have no code",
  "approvals of unlimited amounts",
  "more than 10% of the treasury’s holding of any asset moved",
  "contracts created",
];

const parameterEvents: Readonly<Record<string, { name: string; label: string }>> = {
  VotingDelaySet: { name: "votingDelay", label: "voting delay" },
  VotingPeriodSet: { name: "votingPeriod", label: "voting period" },
  ProposalThresholdSet: { name: "proposalThreshold", label: "proposal threshold" },
  QuorumNumeratorUpdated: { name: "quorumNumerator", label: "quorum" },
  LateQuorumVoteExtensionSet: { name: "lateQuorumVoteExtension", label: "late-quorum extension" },
  MinDelayChange: { name: "timelockDelay", label: "timelock delay" },
  NewDelay: { name: "timelockDelay", label: "timelock delay" },
};

function actionLabel(index: number): string {
  return `action ${index + 1}`;
}

function roleFlag(event: SimulatedEvent, action: number, input: RiskInput): RiskFlag | null {
  const where = input.name(event.address);
  const onTimelock = input.contracts.timelock !== null && isAddressEqual(event.address, input.contracts.timelock);
  const evidence = [`${event.name} emitted by ${where} in ${actionLabel(action)}`];
  if (event.name === "RoleAdminChanged") {
    const role = roleName(event.args.role ?? "");
    return {
      kind: "role",
      title: `Changes which role administers ${role} on ${where}: ${roleName(event.args.previousAdminRole ?? "")} → ${roleName(event.args.newAdminRole ?? "")}`,
      evidence,
      action,
    };
  }
  const role = roleName(event.args.role ?? "");
  const account = (event.args.account ?? "") as Address;
  const person = account && !input.hasCode(account);
  const who = `${input.name(account)}${person ? " — an account with no code, i.e. someone’s private key, not a contract" : ""}`;
  const roleText = onTimelock && timelockRoles.has(role) ? `the timelock’s ${role}` : `${role} on ${where}`;
  if (event.name === "RoleGranted") {
    return { kind: "role", title: `Grants ${roleText} to ${who}`, evidence, action };
  }
  return { kind: "role", title: `Revokes ${roleText} from ${who}`, evidence, action };
}

function ownershipFlag(event: SimulatedEvent, action: number, input: RiskInput): RiskFlag {
  const where = input.name(event.address);
  const evidence = [`${event.name} emitted by ${where} in ${actionLabel(action)}`];
  const to = (event.args.newOwner ?? event.args.newAdmin ?? event.args.newPendingAdmin ?? "") as Address;
  const target = to ? input.name(to) : "?";
  switch (event.name) {
    case "OwnershipTransferred":
      return {
        kind: "ownership",
        title: `Transfers ownership of ${where} to ${target}`,
        evidence: [...evidence, `from ${input.name((event.args.previousOwner ?? "") as Address)}`],
        action,
      };
    case "OwnershipTransferStarted":
      return { kind: "ownership", title: `Starts handing ownership of ${where} to ${target}`, evidence, action };
    case "NewPendingAdmin":
      return { kind: "ownership", title: `Proposes ${target} as the admin of ${where}`, evidence, action };
    default:
      return { kind: "ownership", title: `Makes ${target} the admin of ${where}`, evidence, action };
  }
}

function upgradeFlag(event: SimulatedEvent, action: number, input: RiskInput): RiskFlag {
  const where = input.name(event.address);
  const evidence = [`${event.name} emitted by ${where} in ${actionLabel(action)}`];
  switch (event.name) {
    case "Upgraded":
      return {
        kind: "upgrade",
        title: `Upgrades the proxy ${where} to new code at ${input.name((event.args.implementation ?? "") as Address)}`,
        evidence,
        action,
      };
    case "BeaconUpgraded":
      return {
        kind: "upgrade",
        title: `Points the proxy ${where} at another beacon, ${input.name((event.args.beacon ?? "") as Address)}`,
        evidence,
        action,
      };
    case "NewImplementation":
      return {
        kind: "upgrade",
        title: `Upgrades ${where} to new code at ${input.name((event.args.newImplementation ?? "") as Address)}`,
        evidence,
        action,
      };
    default:
      return {
        kind: "upgrade",
        title: `Changes who may upgrade the proxy ${where}: now ${input.name((event.args.newAdmin ?? "") as Address)}`,
        evidence,
        action,
      };
  }
}

function approvalFlag(event: SimulatedEvent, action: number, input: RiskInput): RiskFlag | null {
  const where = input.name(event.address);
  const evidence = [`${event.name} emitted by ${where} in ${actionLabel(action)}`];
  if (event.name === "ApprovalForAll") {
    if (event.args.approved !== "true") return null;
    return {
      kind: "unlimitedApproval",
      title: `Lets ${input.name((event.args.operator ?? "") as Address)} move every ${where} NFT that ${input.name((event.args.owner ?? "") as Address)} holds`,
      evidence,
      action,
    };
  }
  if (event.standard !== "erc20") return null;
  const amount = BigInt(event.args.value ?? "0");
  if (!isUnlimitedAmount(amount)) return null;
  const symbol = assetIn(input.assets, event.address)?.symbol ?? where;
  return {
    kind: "unlimitedApproval",
    title: `Approves ${input.name((event.args.spender ?? "") as Address)} to spend an unlimited amount of ${symbol} held by ${input.name((event.args.owner ?? "") as Address)}`,
    evidence: [...evidence, `amount ${amount.toString()}`],
    action,
  };
}

function isDaoContract(address: Address, contracts: RiskInput["contracts"]): boolean {
  return (
    isAddressEqual(address, contracts.governor) ||
    (contracts.timelock !== null && isAddressEqual(address, contracts.timelock))
  );
}

/**
 * @example
 * const { flags, checked } = riskFlags({ contracts, executor, actions, failure, parameterChanges, balanceChanges, assets, hasCode, name });
 * flags.length === 0 // "No risk flags found" + checked
 */
export function riskFlags(input: RiskInput): { flags: RiskFlag[]; checked: string[] } {
  const flags: RiskFlag[] = [];

  if (input.failure) {
    const { action, reason } = input.failure;
    flags.push({
      kind: "revert",
      title:
        action === null
          ? "The execution would revert before any action runs"
          : `The execution would revert: ${actionLabel(action)} fails`,
      evidence: [reason, "A revert undoes the whole proposal: none of its actions would take effect."],
      action,
    });
  }

  // Governance parameters of the DAO's own governor and timelock: the values read before and after.
  for (const change of input.parameterChanges) {
    if (change.before === change.after) continue;
    const owner = change.contract === "governor" ? "the governor’s" : "the timelock’s";
    const cause = input.actions.flatMap((action) =>
      action.events
        .filter(
          (event) =>
            event.kind === "parameter" &&
            event.name !== null &&
            parameterEvents[event.name]?.name === change.name &&
            isDaoContract(event.address, input.contracts),
        )
        .map((event) => ({ event, action: action.index })),
    )[0];
    flags.push({
      kind: "governance",
      title: `Changes ${owner} ${change.label}`,
      evidence: [
        `${change.before ?? "?"} → ${change.after ?? "?"}`,
        ...(cause ? [`${cause.event.name} emitted in ${actionLabel(cause.action)}`] : []),
      ],
      action: cause?.action ?? null,
    });
  }

  for (const action of input.actions) {
    if (action.status !== "success") continue;
    if (!action.targetHasCode && action.calldata !== "0x") {
      flags.push({
        kind: "noCode",
        title: `${actionLabel(action.index).replace(/^a/, "A")} calls ${input.name(action.target)}, which has no code`,
        evidence: [
          "A call with data to an address without code does nothing and still succeeds: a mistyped address, or a contract not deployed on this chain?",
        ],
        action: action.index,
      });
    }
    for (const event of action.events) {
      if (event.kind === "role") {
        const flag = roleFlag(event, action.index, input);
        if (flag) flags.push(flag);
      } else if (event.kind === "ownership") {
        flags.push(ownershipFlag(event, action.index, input));
      } else if (event.kind === "upgrade") {
        flags.push(upgradeFlag(event, action.index, input));
      } else if (event.kind === "approval") {
        const flag = approvalFlag(event, action.index, input);
        if (flag) flags.push(flag);
      } else if (event.kind === "parameter" && event.name) {
        if (event.name === "TimelockChange") {
          flags.push({
            kind: "governance",
            title: `Moves ${input.name(event.address)} to another timelock, ${input.name((event.args.newTimelock ?? "") as Address)}`,
            evidence: [`TimelockChange emitted in ${actionLabel(action.index)}`],
            action: action.index,
          });
        } else if (!isDaoContract(event.address, input.contracts)) {
          // Another governor or timelock than the DAO's own (its parameters are read above).
          const parameter = parameterEvents[event.name];
          const values = Object.values(event.args);
          flags.push({
            kind: "governance",
            title: `Changes the ${parameter?.label ?? event.name} of ${input.name(event.address)}`,
            evidence: [
              `${event.name} emitted in ${actionLabel(action.index)}${values.length ? `: ${values.join(" → ")}` : ""}`,
            ],
            action: action.index,
          });
        }
      }
    }
    for (const created of action.created) {
      flags.push({
        kind: "contractCreated",
        title: `${actionLabel(action.index).replace(/^a/, "A")} creates a contract at ${input.name(created)}`,
        evidence: ["New code on chain that this proposal deploys: read it before voting."],
        action: action.index,
      });
    }
  }

  // More than 10% of the treasury's holding of any asset leaves it.
  for (const change of input.balanceChanges) {
    if (!change.isTreasury) continue;
    const before = BigInt(change.before);
    const after = BigInt(change.after);
    if (before <= 0n || after >= before || (before - after) * 10n <= before) continue;
    const asset = assetIn(input.assets, change.asset);
    const decimals = asset?.decimals ?? 0;
    const symbol = asset?.symbol ?? "?";
    const percent = Number(((before - after) * 10_000n) / before) / 100;
    flags.push({
      kind: "treasuryShare",
      title: `Moves ${percent}% of the treasury’s ${symbol}`,
      evidence: [
        `${formatTokenAmount(before, decimals)} → ${formatTokenAmount(after, decimals)} ${symbol} (−${formatTokenAmount(before - after, decimals)})`,
      ],
      action: null,
    });
  }

  return { flags, checked: [...riskChecks] };
}
