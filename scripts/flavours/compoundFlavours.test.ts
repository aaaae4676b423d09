/**
 * The Compound-era fixtures on a real anvil (`--prune-history`, so a 40,320-block vote takes about a
 * second): the "alpha" DAO (GovernorAlpha, Timelock and Uni as @uniswap/governance ships them) and
 * the "compound" DAO, whose GovernorBravoDelegator + GovernorBravoDelegate (written for Commons from
 * Compound's interface) took over from a GovernorAlpha. Each asserts behaviour Compound's deployed
 * contracts have: GovernorAlpha's For/Against-only votes and 40,320-block period; Bravo's proxy,
 * `_initiate`, bounds, votes 0/1/2 with reasons and by signature, receipts, the eight states
 * (Expired after the timelock's grace period), one live proposal per proposer, whitelisted proposers
 * and who may cancel, and `execute` forwarding each action's ETH value from the caller.
 */
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  getAddress,
  type Hex,
  parseAbi,
  parseAbiParameters,
  parseEther,
  parseEventLogs,
  parseSignature,
  parseUnits,
  toFunctionSelector,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { governorBravoDelegateAbi } from "../../contracts-abi/flavours/governorBravoDelegate";
import { governorBravoDelegatorAbi } from "../../contracts-abi/flavours/governorBravoDelegator";
import { uniGovernorAlphaAbi } from "../../contracts-abi/flavours/uniGovernorAlpha";
import { uniTimelockAbi } from "../../contracts-abi/flavours/uniTimelock";
import { uniTokenAbi } from "../../contracts-abi/flavours/uniToken";
import { type AnvilInstance, freePort, rpc, startAnvil } from "../../harness/anvil";
import { alphaGracePeriod, alphaSettings, deployAlpha } from "./alpha";
import { automineSender, dev, type FlavourClient, type FlavourDeployment, flavourClient, write } from "./common";
import {
  type CompoundContracts,
  compoundSettings,
  compoundWhitelistGuardian,
  deployCompoundContracts,
  migrateToBravo,
} from "./compound";

/** Governor ProposalState numbering (GovernorAlpha, GovernorBravo and OZ alike). */
const State = {
  Pending: 0,
  Active: 1,
  Canceled: 2,
  Defeated: 3,
  Succeeded: 4,
  Queued: 5,
  Expired: 6,
  Executed: 7,
} as const;

const units = (whole: string) => parseUnits(whole, 18);
const bravoAbi = governorBravoDelegateAbi;
const alphaAbi = uniGovernorAlphaAbi;

let anvil: AnvilInstance;
let client: FlavourClient;
let alpha: FlavourDeployment;
let compound: CompoundContracts;
let alphaProposalsBeforeMigration: bigint;

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort(), pruneHistory: true });
  client = flavourClient(anvil.rpcUrl);
  alpha = await deployAlpha(anvil.rpcUrl);
  const sender = automineSender(anvil.rpcUrl);
  compound = await deployCompoundContracts(sender);
  alphaProposalsBeforeMigration = await read<bigint>(compound.alpha, alphaAbi, "proposalCount");
  await migrateToBravo(sender, compound);
});

afterAll(async () => {
  await anvil?.stop();
});

async function read<T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
  return (await client.readContract({ address, abi, functionName, args } as never)) as T;
}

/** The revert reason a call from `from` (sending `value`) would meet. */
async function refusal(
  from: Address,
  address: Address,
  abi: Abi,
  functionName: string,
  args: readonly unknown[],
  value?: bigint,
) {
  const error = await client.simulateContract({ address, abi, functionName, args, account: from, value } as never).then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  expect(error, `${functionName} from ${from} should revert`).toBeDefined();
  return (error as { shortMessage?: string }).shortMessage ?? String(error);
}

async function propose(from: Address, governor: Address, abi: Abi, args: readonly unknown[]): Promise<bigint> {
  const { result } = await client.simulateContract({
    address: governor,
    abi,
    functionName: "propose",
    args,
    account: from,
  } as never);
  await write(client, from, { address: governor, abi, functionName: "propose", args } as never);
  return result as bigint;
}

async function passSeconds(seconds: number) {
  await client.increaseTime({ seconds });
  await client.mine({ blocks: 1 });
}

const transferArgs = (to: Address, amount: bigint) =>
  encodeAbiParameters(parseAbiParameters("address, uint256"), [to, amount]);

describe("alpha: GovernorAlpha, Timelock and Uni from @uniswap/governance", () => {
  it("has GovernorAlpha's constants and a Comp-style token", async () => {
    const { governor, token, timelock } = alpha;
    expect(await read(governor, alphaAbi, "votingPeriod")).toBe(40_320n);
    expect(await read(governor, alphaAbi, "votingDelay")).toBe(1n);
    expect(await read(governor, alphaAbi, "quorumVotes")).toBe(alphaSettings.quorumVotes);
    expect(await read(governor, alphaAbi, "proposalThreshold")).toBe(alphaSettings.proposalThreshold);
    expect(await read(governor, alphaAbi, "proposalMaxOperations")).toBe(10n);
    expect(await read(governor, alphaAbi, "uni")).toBe(token);
    expect(await read(timelock, uniTimelockAbi, "admin")).toBe(governor);
    expect(await read(timelock, uniTimelockAbi, "GRACE_PERIOD")).toBe(BigInt(alphaGracePeriod));
    expect(await read(token, uniTokenAbi, "getCurrentVotes", [dev[1]])).toBe(units("300000000"));
    expect(await read(token, uniTokenAbi, "getCurrentVotes", [dev[4]])).toBe(0n);
    expect(await read(token, uniTokenAbi, "balanceOf", [dev[4]])).toBe(units("10000000"));
    expect(await read(token, uniTokenAbi, "balanceOf", [timelock])).toBe(units("150000000"));
  });

  it("delegates by signature (EIP-712, relayed by someone else)", async () => {
    const { token } = alpha;
    const name = await read<string>(token, uniTokenAbi, "name");
    const nonce = await read<bigint>(token, uniTokenAbi, "nonces", [dev[7]]);
    const expiry = BigInt((await client.getBlock()).timestamp) + 3600n;
    await write(client, dev[0], { address: token, abi: uniTokenAbi, functionName: "transfer", args: [dev[7], 1000n] });
    // Uni's domain has no version; anvil signs for its dev accounts.
    const signature = await client.signTypedData({
      account: dev[7],
      domain: { name, chainId: BigInt(await client.getChainId()), verifyingContract: token },
      types: {
        EIP712Domain: [
          { name: "name", type: "string" },
          { name: "chainId", type: "uint256" },
          { name: "verifyingContract", type: "address" },
        ],
        Delegation: [
          { name: "delegatee", type: "address" },
          { name: "nonce", type: "uint256" },
          { name: "expiry", type: "uint256" },
        ],
      },
      primaryType: "Delegation",
      message: { delegatee: dev[3], nonce, expiry },
    });
    const { v, r, s } = parseSignature(signature);
    await write(client, dev[0], {
      address: token,
      abi: uniTokenAbi,
      functionName: "delegateBySig",
      args: [dev[3], nonce, expiry, Number(v), r, s],
    });
    expect(await read(token, uniTokenAbi, "delegates", [dev[7]])).toBe(dev[3]);
    expect(await read(token, uniTokenAbi, "getCurrentVotes", [dev[3]])).toBe(units("50000000") + 1000n);
  });

  it("votes For or Against only, over 40,320 blocks; execute forwards the ETH from the caller", async () => {
    const { governor, token, timelock } = alpha;
    const recipient = getAddress("0x00000000000000000000000000000000000a1f01");
    const id = await propose(dev[3], governor, alphaAbi, [
      [recipient, token],
      [parseEther("0.5"), 0n],
      ["", "transfer(address,uint256)"],
      ["0x", transferArgs(recipient, units("1000"))],
      "# Pay the alpha recipient\n\nETH and UNI.",
    ]);
    expect(await read(governor, alphaAbi, "state", [id])).toBe(State.Pending);
    expect(await refusal(dev[1], governor, alphaAbi, "castVote", [id, true])).toMatch(
      "GovernorAlpha::_castVote: voting is closed",
    );
    // Unlike Bravo, not even the proposer may cancel while above the threshold.
    expect(await refusal(dev[3], governor, alphaAbi, "cancel", [id])).toMatch(
      "GovernorAlpha::cancel: proposer above threshold",
    );
    // Voting opens in the block after startBlock (the proposal's block + votingDelay).
    await client.mine({ blocks: alphaSettings.votingDelay + 1 });
    expect(await read(governor, alphaAbi, "state", [id])).toBe(State.Active);
    expect(await refusal(dev[3], governor, alphaAbi, "propose", [[recipient], [0n], [""], ["0x"], "again"])).toMatch(
      "GovernorAlpha::propose: one live proposal per proposer, found an already active proposal",
    );

    const receipt = await write(client, dev[1], {
      address: governor,
      abi: alphaAbi,
      functionName: "castVote",
      args: [id, true],
    });
    await write(client, dev[2], { address: governor, abi: alphaAbi, functionName: "castVote", args: [id, false] });
    const [cast] = parseEventLogs({ abi: alphaAbi, eventName: "VoteCast", logs: receipt.logs });
    expect(cast?.args).toEqual({ voter: dev[1], proposalId: id, support: true, votes: units("300000000") });
    expect(await read(governor, alphaAbi, "getReceipt", [id, dev[2]])).toEqual({
      hasVoted: true,
      support: false,
      votes: units("100000000"),
    });
    expect(await refusal(dev[1], governor, alphaAbi, "castVote", [id, false])).toMatch(
      "GovernorAlpha::_castVote: voter already voted",
    );
    // No Abstain: Bravo's castVote(uint256,uint8) is not a function of GovernorAlpha.
    const bravoVote = parseAbi(["function castVote(uint256 proposalId, uint8 support)"]);
    await expect(
      client.simulateContract({
        address: governor,
        abi: bravoVote,
        functionName: "castVote",
        args: [id, 2],
        account: dev[0],
      }),
    ).rejects.toThrow();
    // proposals(id): id, proposer, eta, startBlock, endBlock, forVotes, againstVotes, canceled, executed (no abstainVotes).
    const fields = await read<readonly unknown[]>(governor, alphaAbi, "proposals", [id]);
    expect(fields).toHaveLength(9);
    expect(fields[5]).toBe(units("300000000"));
    expect(fields[6]).toBe(units("100000000"));
    expect((fields[4] as bigint) - (fields[3] as bigint)).toBe(40_320n);

    for (let left = 40_320; left > 0; left -= 2_000) await client.mine({ blocks: Math.min(left, 2_000) });
    expect(await read(governor, alphaAbi, "state", [id])).toBe(State.Succeeded);
    await write(client, dev[5], { address: governor, abi: alphaAbi, functionName: "queue", args: [id] });
    expect(await read(governor, alphaAbi, "state", [id])).toBe(State.Queued);
    await passSeconds(alphaSettings.timelockDelay + 1);
    // GovernorAlpha sends each action's value along with its call to the timelock, from its own
    // balance: with no ETH sent to execute (and none held by the governor) the call reverts.
    await expect(
      client.simulateContract({
        address: governor,
        abi: alphaAbi,
        functionName: "execute",
        args: [id],
        account: dev[5],
      }),
    ).rejects.toThrow();
    const treasuryEth = await client.getBalance({ address: timelock });
    await write(client, dev[5], {
      address: governor,
      abi: alphaAbi,
      functionName: "execute",
      args: [id],
      value: parseEther("0.5"),
    });
    expect(await read(governor, alphaAbi, "state", [id])).toBe(State.Executed);
    expect(await client.getBalance({ address: recipient })).toBe(parseEther("0.5"));
    expect(await client.getBalance({ address: timelock })).toBe(treasuryEth);
    expect(await read(token, uniTokenAbi, "balanceOf", [recipient])).toBe(units("1000"));
  });
});

describe("compound: a GovernorBravoDelegator in front of a GovernorBravoDelegate, migrated from a GovernorAlpha", () => {
  const bravo = () => compound.bravo;

  it("took over the timelock from its GovernorAlpha, and proposal ids continue the Alpha's", async () => {
    const migrated = alphaProposalsBeforeMigration + 1n;
    expect(await read(bravo(), bravoAbi, "initialProposalId")).toBe(migrated);
    expect(await read(bravo(), bravoAbi, "proposalCount")).toBe(migrated);
    expect(await read(compound.alpha, alphaAbi, "proposalCount")).toBe(migrated);
    expect(await read(compound.timelock, uniTimelockAbi, "admin")).toBe(bravo());
    expect(await read(compound.timelock, uniTimelockAbi, "pendingAdmin")).toBe(
      "0x0000000000000000000000000000000000000000",
    );
    expect(await read(bravo(), bravoAbi, "admin")).toBe(compound.timelock);
    expect(await read(bravo(), governorBravoDelegatorAbi, "implementation")).toBe(compound.implementation);
    expect(await read(bravo(), bravoAbi, "whitelistGuardian")).toBe(compoundWhitelistGuardian);
    expect(await read(bravo(), bravoAbi, "comp")).toBe(compound.token);
    expect(await read(bravo(), bravoAbi, "timelock")).toBe(compound.timelock);
    expect(await read(bravo(), bravoAbi, "votingPeriod")).toBe(5760n);
    expect(await read(bravo(), bravoAbi, "quorumVotes")).toBe(compoundSettings.quorumVotes);
    expect(await read(bravo(), bravoAbi, "name")).toBe("Compound Governor Bravo");
    // The Alpha's proposals are not Bravo's; and the Alpha no longer controls the timelock.
    expect(await refusal(dev[0], bravo(), bravoAbi, "state", [migrated])).toMatch(
      "GovernorBravo::state: invalid proposal id",
    );
    expect(await refusal(dev[0], bravo(), bravoAbi, "_initiate", [compound.alpha])).toMatch(
      "GovernorBravo::_initiate: admin only",
    );
  });

  it("keeps its admin functions for the admin (the timelock), within Compound's bounds", async () => {
    const timelock = compound.timelock;
    expect(await refusal(dev[0], bravo(), bravoAbi, "_setVotingPeriod", [6000n])).toMatch("admin only");
    expect(await refusal(dev[0], bravo(), governorBravoDelegatorAbi, "_setImplementation", [dev[0]])).toMatch(
      "GovernorBravoDelegator::_setImplementation: admin only",
    );
    await rpc(anvil.rpcUrl, "anvil_impersonateAccount", [timelock]);
    await rpc(anvil.rpcUrl, "anvil_setBalance", [timelock, "0xde0b6b3a7640000"]);
    const snapshot = await client.snapshot();
    try {
      expect(await refusal(timelock, bravo(), bravoAbi, "_setVotingPeriod", [5759n])).toMatch(
        "GovernorBravo::_setVotingPeriod: invalid voting period",
      );
      expect(await refusal(timelock, bravo(), bravoAbi, "_setVotingDelay", [40_321n])).toMatch(
        "GovernorBravo::_setVotingDelay: invalid voting delay",
      );
      expect(await refusal(timelock, bravo(), bravoAbi, "_setProposalThreshold", [units("49999")])).toMatch(
        "GovernorBravo::_setProposalThreshold: invalid proposal threshold",
      );
      expect(await refusal(timelock, bravo(), bravoAbi, "_initiate", [compound.alpha])).toMatch(
        "GovernorBravo::_initiate: can only initiate once",
      );
      expect(
        await refusal(timelock, bravo(), bravoAbi, "initialize", [timelock, compound.token, 5760n, 1n, units("50000")]),
      ).toMatch("GovernorBravo::initialize: can only initialize once");
      const set = await write(client, timelock, {
        address: bravo(),
        abi: bravoAbi,
        functionName: "_setVotingPeriod",
        args: [6000n],
      });
      expect(parseEventLogs({ abi: bravoAbi, eventName: "VotingPeriodSet", logs: set.logs })[0]?.args).toEqual({
        oldVotingPeriod: 5760n,
        newVotingPeriod: 6000n,
      });
      const upgraded = await write(client, timelock, {
        address: bravo(),
        abi: governorBravoDelegatorAbi,
        functionName: "_setImplementation",
        args: [compound.implementation],
      });
      expect(
        parseEventLogs({ abi: governorBravoDelegatorAbi, eventName: "NewImplementation", logs: upgraded.logs })[0]
          ?.args,
      ).toEqual({ oldImplementation: compound.implementation, newImplementation: compound.implementation });
    } finally {
      await client.revert({ id: snapshot });
      await rpc(anvil.rpcUrl, "anvil_stopImpersonatingAccount", [timelock]);
    }
  });

  it("runs a proposal with signatures through 5,760 blocks: votes 0/1/2 with reasons, by signature, then executes", async () => {
    const { token, timelock } = compound;
    const recipient = getAddress("0x00000000000000000000000000000000000b2a01");
    const payment = transferArgs(recipient, units("2500"));
    await expect(
      propose(dev[1], bravo(), bravoAbi, [
        Array(11).fill(recipient),
        Array(11).fill(0n),
        Array(11).fill(""),
        Array(11).fill("0x"),
        "too many",
      ]),
    ).rejects.toThrow("GovernorBravo::propose: too many actions");
    const id = await propose(dev[1], bravo(), bravoAbi, [
      [recipient, token],
      [parseEther("0.25"), 0n],
      ["", "transfer(address,uint256)"],
      ["0x", payment],
      "# Pay the compound recipient\n\nETH and UNI, by signature.",
    ]);
    expect(id).toBe((await read<bigint>(bravo(), bravoAbi, "initialProposalId")) + 1n);
    const [targets, , signatures, calldatas] = await read<readonly [Address[], bigint[], string[], Hex[]]>(
      bravo(),
      bravoAbi,
      "getActions",
      [id],
    );
    expect(targets).toEqual([recipient, token]);
    expect(signatures).toEqual(["", "transfer(address,uint256)"]);
    expect(calldatas).toEqual(["0x", payment]);
    expect(await read(bravo(), bravoAbi, "state", [id])).toBe(State.Pending);
    expect(await refusal(dev[1], bravo(), bravoAbi, "propose", [[recipient], [0n], [""], ["0x"], "again"])).toMatch(
      "GovernorBravo::propose: one live proposal per proposer, found an already pending proposal",
    );
    await client.mine({ blocks: compoundSettings.votingDelay + 1 });
    expect(await read(bravo(), bravoAbi, "state", [id])).toBe(State.Active);

    const vote = await write(client, dev[1], {
      address: bravo(),
      abi: bravoAbi,
      functionName: "castVoteWithReason",
      args: [id, 1, "Pays for itself."],
    });
    expect(parseEventLogs({ abi: bravoAbi, eventName: "VoteCast", logs: vote.logs })[0]?.args).toEqual({
      voter: dev[1],
      proposalId: id,
      support: 1,
      votes: units("300000000"),
      reason: "Pays for itself.",
    });
    await write(client, dev[2], { address: bravo(), abi: bravoAbi, functionName: "castVote", args: [id, 0] });
    expect(await refusal(dev[3], bravo(), bravoAbi, "castVote", [id, 3])).toMatch(
      "GovernorBravo::castVoteInternal: invalid vote type",
    );
    // #3 signs an Abstain ballot; #5 (no tokens) relays it.
    const signature = await client.signTypedData({
      account: dev[3],
      domain: {
        name: "Compound Governor Bravo",
        chainId: BigInt(await client.getChainId()),
        verifyingContract: bravo(),
      },
      types: {
        EIP712Domain: [
          { name: "name", type: "string" },
          { name: "chainId", type: "uint256" },
          { name: "verifyingContract", type: "address" },
        ],
        Ballot: [
          { name: "proposalId", type: "uint256" },
          { name: "support", type: "uint8" },
        ],
      },
      primaryType: "Ballot",
      message: { proposalId: id, support: 2 },
    });
    const { v, r, s } = parseSignature(signature);
    await write(client, dev[5], {
      address: bravo(),
      abi: bravoAbi,
      functionName: "castVoteBySig",
      args: [id, 2, Number(v), r, s],
    });
    expect(await read(bravo(), bravoAbi, "getReceipt", [id, dev[3]])).toEqual({
      hasVoted: true,
      support: 2,
      votes: units("50000000"),
    });
    expect(await read(bravo(), bravoAbi, "getReceipt", [id, dev[5]])).toEqual({
      hasVoted: false,
      support: 0,
      votes: 0n,
    });
    const fields = await read<readonly unknown[]>(bravo(), bravoAbi, "proposals", [id]);
    expect(fields.slice(5, 8)).toEqual([units("300000000"), units("100000000"), units("50000000")]);

    await client.mine({ blocks: compoundSettings.votingPeriod });
    expect(await read(bravo(), bravoAbi, "state", [id])).toBe(State.Succeeded);
    await write(client, dev[5], { address: bravo(), abi: bravoAbi, functionName: "queue", args: [id] });
    expect(await read(bravo(), bravoAbi, "state", [id])).toBe(State.Queued);
    expect(await refusal(dev[5], bravo(), bravoAbi, "execute", [id], parseEther("0.25"))).toMatch(
      "Timelock::executeTransaction: Transaction hasn't surpassed time lock.",
    );
    await passSeconds(compoundSettings.timelockDelay + 1);
    const treasuryEth = await client.getBalance({ address: timelock });
    await write(client, dev[5], {
      address: bravo(),
      abi: bravoAbi,
      functionName: "execute",
      args: [id],
      value: parseEther("0.25"),
    });
    expect(await read(bravo(), bravoAbi, "state", [id])).toBe(State.Executed);
    expect(await client.getBalance({ address: recipient })).toBe(parseEther("0.25"));
    expect(await client.getBalance({ address: timelock })).toBe(treasuryEth);
    expect(await read(token, uniTokenAbi, "balanceOf", [recipient])).toBe(units("2500"));
    // The timelock ran selector(signature) ++ arguments.
    expect(toFunctionSelector("transfer(address,uint256)")).toBe("0xa9059cbb");
  });

  it("ends proposals Defeated (by quorum and by majority), Canceled and Expired", async () => {
    const target = getAddress("0x00000000000000000000000000000000000b2a02");
    const simple = (description: string) => [[target], [0n], [""], ["0x"], description] as const;
    const majority = await propose(dev[0], bravo(), bravoAbi, simple("# Defeated by majority"));
    const quorum = await propose(dev[2], bravo(), bravoAbi, simple("# Defeated by quorum"));
    const canceled = await propose(dev[3], bravo(), bravoAbi, simple("# Canceled by its proposer"));
    const expires = await propose(dev[1], bravo(), bravoAbi, simple("# Queued, never executed"));
    await client.mine({ blocks: compoundSettings.votingDelay + 1 });
    // 300M For, 390M Against: quorum met, majority against.
    await write(client, dev[1], { address: bravo(), abi: bravoAbi, functionName: "castVote", args: [majority, 1] });
    await write(client, dev[0], { address: bravo(), abi: bravoAbi, functionName: "castVote", args: [majority, 0] });
    // #4 never delegated: its vote weighs nothing, so quorum (400,000 For) is not met.
    await write(client, dev[4], { address: bravo(), abi: bravoAbi, functionName: "castVote", args: [quorum, 1] });
    await write(client, dev[1], { address: bravo(), abi: bravoAbi, functionName: "castVote", args: [expires, 1] });
    expect(await refusal(dev[0], bravo(), bravoAbi, "cancel", [canceled])).toMatch(
      "GovernorBravo::cancel: proposer above threshold",
    );
    await write(client, dev[3], { address: bravo(), abi: bravoAbi, functionName: "cancel", args: [canceled] });
    await client.mine({ blocks: compoundSettings.votingPeriod });
    expect(await read(bravo(), bravoAbi, "state", [majority])).toBe(State.Defeated);
    expect(await read(bravo(), bravoAbi, "state", [quorum])).toBe(State.Defeated);
    expect(await read(bravo(), bravoAbi, "state", [canceled])).toBe(State.Canceled);
    expect(await refusal(dev[0], bravo(), bravoAbi, "queue", [majority])).toMatch(
      "GovernorBravo::queue: proposal can only be queued if it is succeeded",
    );
    await write(client, dev[5], { address: bravo(), abi: bravoAbi, functionName: "queue", args: [expires] });
    await passSeconds(compoundSettings.timelockDelay + alphaGracePeriod + 1);
    expect(await read(bravo(), bravoAbi, "state", [expires])).toBe(State.Expired);
    expect(await refusal(dev[5], bravo(), bravoAbi, "execute", [expires])).toMatch(
      "GovernorBravo::execute: proposal can only be executed if it is queued",
    );
  });

  it("lets a whitelisted account propose below the threshold; only the guardian may cancel it", async () => {
    const proposer = dev[8]; // holds no UNI
    const target = getAddress("0x00000000000000000000000000000000000b2a03");
    const args = [[target], [0n], [""], ["0x"], "# From a whitelisted proposer"] as const;
    expect(await refusal(proposer, bravo(), bravoAbi, "propose", args)).toMatch(
      "GovernorBravo::propose: proposer votes below proposal threshold",
    );
    expect(await refusal(dev[0], bravo(), bravoAbi, "_setWhitelistAccountExpiration", [proposer, 1n])).toMatch(
      "GovernorBravo::_setWhitelistAccountExpiration: admin only",
    );
    const until = BigInt((await client.getBlock()).timestamp) + 30n * 86_400n;
    const set = await write(client, compoundWhitelistGuardian, {
      address: bravo(),
      abi: bravoAbi,
      functionName: "_setWhitelistAccountExpiration",
      args: [proposer, until],
    });
    expect(
      parseEventLogs({ abi: bravoAbi, eventName: "WhitelistAccountExpirationSet", logs: set.logs })[0]?.args,
    ).toEqual({ account: proposer, expiration: until });
    expect(await read(bravo(), bravoAbi, "isWhitelisted", [proposer])).toBe(true);
    const id = await propose(proposer, bravo(), bravoAbi, args);
    expect(await refusal(dev[0], bravo(), bravoAbi, "cancel", [id])).toMatch(
      "GovernorBravo::cancel: whitelisted proposer",
    );
    await write(client, compoundWhitelistGuardian, {
      address: bravo(),
      abi: bravoAbi,
      functionName: "cancel",
      args: [id],
    });
    expect(await read(bravo(), bravoAbi, "state", [id])).toBe(State.Canceled);
  });
});
