/**
 * Deploys and seeds the large DAO (see ./plan.ts for what it holds) on a fresh anvil, fast: every
 * holder, delegate and voter is a ScaleAccount clone driven by one ScaleSeeder, so one transaction
 * makes hundreds of transfers, delegations or votes, each from its own address; automine is off and
 * each block takes several such transactions; time jumps between rounds with
 * evm_setNextBlockTimestamp instead of empty blocks. The history spans three years and a few
 * thousand blocks, and the indexer reads it from logs like any chain's.
 */
import {
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  concat,
  createTestClient,
  type EncodeFunctionDataParameters,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  getContractAddress,
  type Hex,
  http,
  keccak256,
  numberToHex,
  parseUnits,
  publicActions,
  stringToHex,
  toHex,
  walletActions,
  zeroAddress,
  zeroHash,
} from "viem";
import { foundry } from "viem/chains";
import { demoGovernorAbi, demoGovernorBytecode } from "../../contracts-abi/demoGovernor";
import { demoTimelockAbi, demoTimelockBytecode } from "../../contracts-abi/demoTimelock";
import { demoTokenAbi, demoTokenBytecode } from "../../contracts-abi/demoToken";
import { scaleSeederAbi, scaleSeederBytecode } from "../../contracts-abi/fixtures/scaleSeeder";
import { multicall3DeployedBytecode } from "../../contracts-abi/multicall3";
import { rpc, rpcBatch } from "../../harness/anvil";
import { anvilDevAccounts } from "../../lib/chain/anvilDevAccounts";
import { multicall3Address } from "../demo/deployContracts";
import { seededRandom } from "../lib/seededRandom";
import { type Fate, type PlannedProposal, planProposals, type ScaleSizes, spread, topDelegates } from "./plan";

/** The ScaleSeeder functions the seed sends (each typed against the seeder's ABI). */
type SeederFunction = ContractFunctionName<typeof scaleSeederAbi, "nonpayable">;

/**
 * Governor settings, in blocks. Short: anvil hashes its whole state for every block it mines (a
 * quarter of a second each with this state), so the history has few blocks, far apart in time.
 */
export const largeGovernorSettings = { votingDelay: 3, votingPeriod: 10, quorumNumerator: 4n } as const;
/** The settings the DAO votes itself before its final round (see the round loop). */
export const finalGovernorSettings = { votingDelay: 40, votingPeriod: 100 } as const;
export const largeTimelockDelay = 3_600n;
/** 2023-11-14: the history runs three years from here. */
export const largeHistoryStart = 1_700_000_000;
const historySeconds = 3 * 365 * 86_400;
const supply = parseUnits("100000000", 18);
const treasuryShare = parseUnits("5000000", 18);
const topDelegateBalance = parseUnits("3000000", 18);
const seederNone = 0xffff_ffff;

/** What was built, for the config, the checks and the benchmark. */
export type LargeDeployment = {
  chainId: number;
  token: Address;
  timelock: Address;
  governor: Address;
  seeder: Address;
  multicall3: Address;
  tokenBlock: number;
  headBlock: number;
  sizes: ScaleSizes;
  /** Proposal ids by fate (decimal strings). */
  proposals: Record<Fate, string[]>;
  largestProposal: string;
  /** The delegate with the most delegators, who votes on every proposal. */
  largestDelegate: Address;
  /** A delegate of the long tail (page 500 of the directory or so). */
  smallDelegate: Address;
  counts: { transfers: number; delegations: number; votes: number; votesWithReason: number; logs: number };
};

type Call = { method: string; params: unknown[] };
/** A seeder transaction and how many logs it emits (at most). */
type SeedCall = Call & { logs: number };

/**
 * Logs per block at most. An indexer reads a block's logs in one eth_getLogs at least, and viem
 * refuses answers over 10 MB: mainnet blocks hold a few thousand logs, so do these.
 */
const logsPerBlock = 2_500;

const titles = [
  "Fund the developer grants programme",
  "Renew the security council",
  "Adjust the treasury's stablecoin allocation",
  "Pay for the bridge audit",
  "Ratify the constitution amendment",
  "Set the delegate compensation budget",
  "Onboard a new market maker",
  "Sponsor the community conference",
  "Update the token's metadata",
  "Retroactive funding for public goods",
  "Create a working group for research",
  "Lower the proposal threshold",
];
const paragraphs = [
  "This proposal asks the DAO to approve the transfer described in the actions below. The amount was discussed on the forum for two weeks and the feedback is summarised here.",
  "Milestones are reported monthly; unused funds return to the treasury at the end of the term. A multisig of five elected members holds the budget in the meantime.",
  "Risks: the counterparty may not deliver on time. Mitigation: payments are streamed and can be stopped by a later proposal.",
  "Voting For approves the actions; voting Against keeps the status quo; Abstain counts towards quorum only.",
];
const reasons = [
  "Strong team and a clear budget, happy to support.",
  "The forum thread answered my questions; voting for.",
  "Too expensive for what it delivers. Against.",
  "I support the goal but the milestones are vague.",
  "Abstaining: conflict of interest with the grantee.",
  "Good precedent for future funding requests.",
  "We discussed this with our delegators, who are in favour.",
  "The treasury can afford this and the return is plausible.",
];

/** A proposal's description: its title as the first heading, then a body of a few paragraphs. */
export function largeProposalDescription(index: number): string {
  const title = `${titles[index % titles.length]} (#${index + 1})`;
  const body = [0, 1, 2, 3].map((offset) => paragraphs[(index + offset) % paragraphs.length]).join("\n\n");
  return `# ${title}\n\n${body}`;
}

/**
 * Deploys and seeds on `url`: an anvil started with a large
 * block gas limit, cancun and pruned history (see largeChain.ts). `log` gets progress lines.
 *
 * @example
 * const deployment = await seedLargeDao(anvil.rpcUrl, sizesFromEnv(), console.log);
 */
export async function seedLargeDao(
  url: string,
  sizes: ScaleSizes,
  log: (line: string) => void,
): Promise<LargeDeployment> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const random = seededRandom(2026);
  const client = createTestClient({ mode: "anvil", chain: foundry, transport: http(url), cacheTime: 0 })
    .extend(publicActions)
    .extend(walletActions);
  const deployer = anvilDevAccounts[0];

  // Deployment, with automine, at the start of the history.
  await rpc(url, "anvil_setCode", [multicall3Address, multicall3DeployedBytecode]);
  await rpc(url, "evm_setNextBlockTimestamp", [toHex(largeHistoryStart)]);
  await rpc(url, "anvil_setBlockTimestampInterval", [12]);
  const deploy = async (abi: readonly unknown[], bytecode: Hex, args: readonly unknown[]) => {
    const hash = await client.deployContract({ abi, bytecode, args, account: deployer, chain: foundry });
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error("a deployment created no contract");
    return { address: getAddress(receipt.contractAddress), block: Number(receipt.blockNumber) };
  };
  const write = async (request: Parameters<typeof client.writeContract>[0]) => {
    const receipt = await client.waitForTransactionReceipt({ hash: await client.writeContract(request) });
    if (receipt.status !== "success") throw new Error(`${request.functionName} reverted`);
  };
  const seeder = (await deploy(scaleSeederAbi, scaleSeederBytecode, [])).address;
  const tokenDeployment = await deploy(demoTokenAbi, demoTokenBytecode, [deployer, supply]);
  const token = tokenDeployment.address;
  const timelock = (
    await deploy(demoTimelockAbi, demoTimelockBytecode, [largeTimelockDelay, [], [zeroAddress], deployer])
  ).address;
  const governor = (
    await deploy(demoGovernorAbi, demoGovernorBytecode, [
      token,
      timelock,
      largeGovernorSettings.votingDelay,
      largeGovernorSettings.votingPeriod,
      0n,
      largeGovernorSettings.quorumNumerator,
    ])
  ).address;
  const role = (name: string) => keccak256(stringToHex(name));
  const timelockCall = { address: timelock, abi: demoTimelockAbi, account: deployer, chain: foundry } as const;
  await write({ ...timelockCall, functionName: "grantRole", args: [role("PROPOSER_ROLE"), governor] });
  await write({ ...timelockCall, functionName: "grantRole", args: [role("CANCELLER_ROLE"), governor] });
  await write({ ...timelockCall, functionName: "renounceRole", args: [zeroHash, deployer] });
  const tokenCall = { address: token, abi: demoTokenAbi, account: deployer, chain: foundry } as const;
  await write({ ...tokenCall, functionName: "transfer", args: [timelock, treasuryShare] });
  await write({ ...tokenCall, functionName: "transfer", args: [seeder, supply - treasuryShare] });
  await write({
    address: seeder,
    abi: scaleSeederAbi,
    account: deployer,
    chain: foundry,
    functionName: "setUp",
    args: [token, governor],
  });
  log(`[seed:large] contracts deployed (${elapsed()})`);

  const implementation = await client.readContract({
    address: seeder,
    abi: scaleSeederAbi,
    functionName: "implementation",
  });
  const cloneHash = keccak256(
    concat(["0x3d602d80600a3d3981f3363d3d373d3d3d363d73", implementation, "0x5af43d82803e903d91602b57fd5bf3"]),
  );
  const accounts = Array.from({ length: sizes.holders }, (_, index) =>
    getContractAddress({
      opcode: "CREATE2",
      from: seeder,
      salt: numberToHex(index, { size: 32 }),
      bytecodeHash: cloneHash,
    }),
  );
  const lastIndex = sizes.holders - 1;
  const onChain = await client.readContract({
    address: seeder,
    abi: scaleSeederAbi,
    functionName: "accountAt",
    args: [lastIndex],
  });
  if (getAddress(onChain) !== accounts[lastIndex]) throw new Error("the clone addresses computed here are wrong");

  // From here on, blocks are built by hand.
  await rpc(url, "evm_setAutomine", [false]);
  let nonce = await client.getTransactionCount({ address: deployer, blockTag: "pending" });
  let head = Number(await client.getBlockNumber());
  let timestamp = Number((await client.getBlock()).timestamp);
  const counts = { transfers: 0, delegations: 0, votes: 0, votesWithReason: 0, logs: 0 };
  const watched = new Set([token.toLowerCase(), governor.toLowerCase()]);

  const transaction = (data: Hex, gas: number, logs: number): SeedCall => ({
    logs,
    method: "eth_sendTransaction",
    params: [
      {
        from: deployer,
        to: seeder,
        data,
        gas: toHex(gas),
        maxFeePerGas: toHex(parseUnits("50", 9)),
        maxPriorityFeePerGas: "0x0",
      },
    ],
  });
  /** Mines one block holding `calls` (at `at` when given) and checks every one succeeded. */
  const mineBlock = async (calls: Call[], at?: number) => {
    // Nonces in the order sent (calls are built ahead, in another order).
    const numbered = calls.map((call) => ({
      method: call.method,
      params: [{ ...(call.params[0] as Record<string, unknown>), nonce: toHex(nonce++) }],
    }));
    if (numbered.length > 0) await rpcBatch(url, numbered, 200);
    timestamp = at ?? timestamp + 12;
    await rpc(url, "evm_setNextBlockTimestamp", [toHex(timestamp)]);
    await rpc(url, "evm_mine");
    head++;
    const receipts = await rpc<{ status: Hex; gasUsed: Hex; logs: { address: string }[] }[]>(
      url,
      "eth_getBlockReceipts",
      [toHex(head)],
    );
    const failed = receipts.filter((receipt) => receipt.status !== "0x1");
    if (receipts.length !== calls.length || failed.length > 0) {
      const pool = await rpc(url, "txpool_inspect").catch(() => undefined);
      throw new Error(
        `pool: ${JSON.stringify(pool).slice(0, 1000)}; ` +
          `block ${head} mined ${receipts.length} of ${calls.length} transactions, ${failed.length} reverted (gas used ${failed.map((r) => Number(r.gasUsed)).join(", ")})`,
      );
    }
    for (const receipt of receipts) {
      for (const entry of receipt.logs) if (watched.has(entry.address.toLowerCase())) counts.logs++;
    }
  };
  /** Mines `count` empty blocks, 12 s apart, in one call. */
  const mineEmpty = async (count: number) => {
    if (count <= 0) return;
    timestamp += 12;
    await rpc(url, "evm_setNextBlockTimestamp", [toHex(timestamp)]);
    await rpc(url, "anvil_mine", [toHex(count), toHex(12)]);
    const latest = await client.getBlock();
    head = Number(latest.number);
    timestamp = Number(latest.timestamp);
  };
  /** Mines the calls in order, as many a block as {@link logsPerBlock} and 10 transactions allow. */
  const mineAll = async (calls: SeedCall[], at?: number) => {
    let block: SeedCall[] = [];
    let logs = 0;
    let first = true;
    const flush = async () => {
      await mineBlock(block, first ? at : undefined);
      first = false;
      block = [];
      logs = 0;
    };
    for (const call of calls) {
      if (block.length > 0 && (logs + call.logs > logsPerBlock || block.length === 10)) await flush();
      block.push(call);
      logs += call.logs;
    }
    if (block.length > 0) await flush();
  };
  // The signature checks each call's args against its function; TypeScript cannot carry that tie
  // into encodeFunctionData's own generics, so the parameters are widened to the ABI's union there.
  const seederData = <functionName extends SeederFunction>(
    functionName: functionName,
    args: ContractFunctionArgs<typeof scaleSeederAbi, "nonpayable", functionName>,
  ) =>
    encodeFunctionData({ abi: scaleSeederAbi, functionName, args } as EncodeFunctionDataParameters<
      typeof scaleSeederAbi
    >);
  const chunked = <T>(items: readonly T[], size: number): T[][] => {
    const chunks: T[][] = [];
    for (let offset = 0; offset < items.length; offset += size) chunks.push(items.slice(offset, offset + size));
    return chunks;
  };

  // Accounts, their tokens, their delegations.
  const createCalls: SeedCall[] = [];
  for (let from = 0; from < sizes.holders; from += 1_000) {
    const count = Math.min(1_000, sizes.holders - from);
    createCalls.push(transaction(seederData("createAccounts", [from, count]), 80_000 * count + 100_000, 0));
  }
  await mineAll(createCalls);
  log(`[seed:large] ${sizes.holders} accounts created (${elapsed()})`);

  const balances: bigint[] = new Array(sizes.holders).fill(0n);
  const weights = Array.from({ length: sizes.holders }, () => Math.floor(1_000 * (1 / (random() + 0.01)) ** 0.8) + 1);
  const tailWeight = weights.slice(topDelegates).reduce((sum, weight) => sum + weight, 0);
  const tailSupply = supply - treasuryShare - topDelegateBalance * BigInt(topDelegates) - parseUnits("1000000", 18);
  for (let i = 0; i < sizes.holders; i++) {
    balances[i] = i < topDelegates ? topDelegateBalance : (tailSupply * BigInt(weights[i] ?? 1)) / BigInt(tailWeight);
  }
  const holderIndexes = Array.from({ length: sizes.holders }, (_, i) => i);
  await mineAll(
    chunked(holderIndexes, 500).map((chunk) =>
      transaction(
        seederData("distribute", [chunk, chunk.map((i) => balances[i] ?? 0n)]),
        60_000 * chunk.length + 100_000,
        chunk.length,
      ),
    ),
  );
  counts.transfers += sizes.holders;
  log(`[seed:large] tokens distributed to ${sizes.holders} holders (${elapsed()})`);

  const longTail = (min: number) =>
    Math.min(sizes.delegates - 1, Math.max(min, Math.floor(Math.exp(random() * Math.log(sizes.delegates)))));
  const delegateOf = holderIndexes.map((i) =>
    i < sizes.delegates ? i : i < sizes.delegates + sizes.largestDelegators ? 0 : longTail(1),
  );
  await mineAll(
    chunked(holderIndexes, 500).map((chunk) =>
      transaction(
        seederData("delegations", [chunk, chunk.map((i) => delegateOf[i] ?? 0)]),
        150_000 * chunk.length + 100_000,
        3 * chunk.length,
      ),
    ),
  );
  counts.delegations += sizes.holders;
  log(`[seed:large] ${sizes.holders} delegations (${elapsed()})`);

  // Rounds: propose, cancel some, vote, queue and execute; churn in between.
  const plan = planProposals(sizes);
  const rounds = Math.max(...plan.map((proposal) => proposal.round)) + 1;
  const roundSeconds = Math.floor(historySeconds / rounds);
  const churnPerRound = spread(sizes.churn, rounds);
  const firstRedelegator = sizes.delegates + sizes.largestDelegators;
  const ids: Record<Fate, string[]> = {
    executed: [],
    defeated: [],
    succeeded: [],
    queued: [],
    canceled: [],
    active: [],
    pending: [],
  };
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from));

  const churnCalls = (operations: number): SeedCall[] => {
    const transferFrom: number[] = [];
    const transferTo: number[] = [];
    const amounts: bigint[] = [];
    const delegators: number[] = [];
    const delegatees: number[] = [];
    // What each sender may still send in this block (they may also receive in it, in any order).
    const spent = new Map<number, bigint>();
    for (let i = 0; i < operations; i++) {
      if (random() < 0.6) {
        const from = pick(topDelegates, sizes.holders);
        const to = pick(0, sizes.holders);
        const available = (balances[from] ?? 0n) - (spent.get(from) ?? 0n);
        const amount = available / 20n;
        spent.set(from, (spent.get(from) ?? 0n) + amount);
        transferFrom.push(from);
        transferTo.push(to);
        amounts.push(amount);
      } else if (firstRedelegator < sizes.holders) {
        const from = pick(firstRedelegator, sizes.holders);
        const roll = random();
        const to = roll < 0.03 ? seederNone : roll < 0.1 ? from : longTail(topDelegates);
        delegators.push(from);
        delegatees.push(to);
      } else {
        const from = pick(topDelegates, sizes.delegates);
        delegators.push(from);
        delegatees.push(from);
      }
    }
    for (const [from, amount] of spent) balances[from] = (balances[from] ?? 0n) - amount;
    for (const [index, to] of transferTo.entries()) balances[to] = (balances[to] ?? 0n) + (amounts[index] ?? 0n);
    counts.transfers += transferFrom.length;
    counts.delegations += delegators.length;
    const calls: SeedCall[] = [];
    for (let offset = 0; offset < transferFrom.length; offset += 400) {
      const end = offset + 400;
      calls.push(
        transaction(
          seederData("transfers", [
            transferFrom.slice(offset, end),
            transferTo.slice(offset, end),
            amounts.slice(offset, end),
          ]),
          200_000 * Math.min(400, transferFrom.length - offset) + 100_000,
          3 * Math.min(400, transferFrom.length - offset),
        ),
      );
    }
    for (let offset = 0; offset < delegators.length; offset += 400) {
      const end = offset + 400;
      calls.push(
        transaction(
          seederData("delegations", [delegators.slice(offset, end), delegatees.slice(offset, end)]),
          200_000 * Math.min(400, delegators.length - offset) + 100_000,
          3 * Math.min(400, delegators.length - offset),
        ),
      );
    }
    return calls;
  };

  const action = (round: number) => ({
    target: token,
    data: encodeFunctionData({
      abi: demoTokenAbi,
      functionName: "transfer",
      args: [accounts[round % accounts.length] as Address, parseUnits("1000", 18)],
    }),
  });
  const proposalIdOf = (round: number, index: number) =>
    BigInt(
      keccak256(
        encodeAbiParameters(
          [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
          [[action(round).target], [0n], [action(round).data], keccak256(stringToHex(largeProposalDescription(index)))],
        ),
      ),
    );
  const proposeCall = (round: number, proposals: PlannedProposal[]) => {
    const { target, data } = action(round);
    const descriptions = proposals.map((proposal) => largeProposalDescription(proposal.index));
    const bytes = descriptions.reduce((sum, description) => sum + description.length, 0);
    return transaction(
      seederData("propose", [target, data, descriptions]),
      300_000 * proposals.length + 200 * bytes + 100_000,
      proposals.length,
    );
  };
  const settleCall = (kind: 0 | 1 | 2, round: number, proposals: PlannedProposal[]) => {
    const { target, data } = action(round);
    const hashes = proposals.map((proposal) => keccak256(stringToHex(largeProposalDescription(proposal.index))));
    return transaction(
      seederData("settle", [kind, target, data, hashes]),
      300_000 * proposals.length + 100_000,
      5 * proposals.length,
    );
  };
  const voteCalls = (round: number, proposal: PlannedProposal): SeedCall[] => {
    const id = proposalIdOf(round, proposal.index);
    const voters = Array.from({ length: Math.min(topDelegates, proposal.votes) }, (_, i) => i);
    const chosen = new Set(voters);
    while (voters.length < proposal.votes) {
      const voter = pick(topDelegates, sizes.delegates);
      if (chosen.has(voter)) continue;
      chosen.add(voter);
      voters.push(voter);
    }
    const against = proposal.fate === "defeated";
    const supports = voters.map((voter) => {
      if (voter < topDelegates) return voter < 8 === against ? 0 : 1;
      const roll = random();
      return roll < 0.6 ? 1 : roll < 0.85 ? 0 : 2;
    });
    const texts = voters.map((voter) =>
      random() < 0.8 ? `${reasons[(voter + proposal.index) % reasons.length]} (${voter}/${proposal.index})` : "",
    );
    counts.votes += voters.length;
    counts.votesWithReason += texts.filter((text) => text !== "").length;
    const calls: SeedCall[] = [];
    for (let offset = 0; offset < voters.length; offset += 400) {
      const end = offset + 400;
      calls.push(
        transaction(
          seederData("votes", [id, voters.slice(offset, end), supports.slice(offset, end), texts.slice(offset, end)]),
          250_000 * Math.min(400, voters.length - offset) + 100_000,
          Math.min(400, voters.length - offset),
        ),
      );
    }
    return calls;
  };

  // The last settled round also lengthens the voting delay and period (two more executed
  // proposals), so that the final round's dense blocks end over 30 blocks (Ponder's finality depth
  // on an unknown chain) before the head while its proposals are still Pending and Active: Ponder
  // indexes its last 30 blocks one event at a time, some 40 events a second.
  const settingsActions = [
    {
      data: encodeFunctionData({
        abi: demoGovernorAbi,
        functionName: "setVotingDelay",
        args: [finalGovernorSettings.votingDelay],
      }),
      description:
        "# Lengthen the voting delay\n\nDelegates asked for more time to read proposals before voting opens.",
    },
    {
      data: encodeFunctionData({
        abi: demoGovernorAbi,
        functionName: "setVotingPeriod",
        args: [finalGovernorSettings.votingPeriod],
      }),
      description: "# Lengthen the voting period\n\nA longer vote lets delegates in every time zone take part.",
    },
  ].map((action) => ({
    ...action,
    hash: keccak256(stringToHex(action.description)),
    id: BigInt(
      keccak256(
        encodeAbiParameters(
          [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }],
          [[governor], [0n], [action.data], keccak256(stringToHex(action.description))],
        ),
      ),
    ),
  }));
  let settings: { votingDelay: number; votingPeriod: number } = largeGovernorSettings;

  for (let round = 0; round < rounds; round++) {
    const proposals = plan.filter((proposal) => proposal.round === round);
    const settingsRound = round === rounds - 2;
    const extra = settingsRound ? settingsActions : [];
    const final = round === rounds - 1;
    const proposed = proposals.filter((proposal) => proposal.fate !== "pending");
    const roundStart = largeHistoryStart + 86_400 + round * roundSeconds;
    const churn = churnCalls(churnPerRound[round] ?? 0);
    const startAt = Math.max(roundStart, timestamp + 12);
    await mineAll(churn, startAt);
    const proposedAt = head + 1;
    await mineBlock(
      [
        proposeCall(round, proposed),
        ...extra.map((action) =>
          transaction(seederData("propose", [governor, action.data, [action.description]]), 1_000_000, 1),
        ),
      ],
      churn.length === 0 ? startAt : undefined,
    );
    for (const action of extra) ids.executed.push(action.id.toString());
    for (const proposal of proposed) {
      const id = proposalIdOf(round, proposal.index).toString();
      ids[proposal.fate].push(id);
    }
    const canceled = proposals.filter((proposal) => proposal.fate === "canceled");
    if (canceled.length > 0) await mineBlock([settleCall(2, round, canceled)]);
    // Voting opens after the snapshot block (proposal block + votingDelay).
    await mineEmpty(proposedAt + settings.votingDelay - head);
    const top = Array.from({ length: topDelegates }, (_, i) => i);
    await mineAll([
      ...proposals.filter((proposal) => proposal.votes > 0).flatMap((proposal) => voteCalls(round, proposal)),
      ...extra.map((action) =>
        transaction(
          seederData("votes", [action.id, top, top.map(() => 1), top.map(() => "")]),
          300_000 * topDelegates,
          topDelegates,
        ),
      ),
    ]);
    const deadline = proposedAt + settings.votingDelay + settings.votingPeriod;
    if (head > deadline) throw new Error(`round ${round + 1}'s votes took past its deadline (block ${deadline})`);
    if (final) {
      // Light blocks to the head: the dense ones behind Ponder's finality depth.
      await mineEmpty(32);
      if (head >= deadline) throw new Error("the final round's proposals closed before the head");
      const pending = proposals.filter((proposal) => proposal.fate === "pending");
      await mineBlock([proposeCall(round, pending)]);
      for (const proposal of pending) ids.pending.push(proposalIdOf(round, proposal.index).toString());
      break;
    }
    // Past the deadline (proposal block + delay + period), then queue, then execute after the timelock's delay.
    await mineEmpty(proposedAt + settings.votingDelay + settings.votingPeriod - head);
    const settle = (kind: 0 | 1) =>
      extra.map((action) =>
        transaction(seederData("settle", [kind, governor, action.data, [action.hash]]), 1_000_000, 5),
      );
    const toQueue = proposals.filter((proposal) => proposal.fate === "queued" || proposal.fate === "executed");
    if (toQueue.length > 0) await mineBlock([settleCall(0, round, toQueue), ...settle(0)]);
    const toExecute = proposals.filter((proposal) => proposal.fate === "executed");
    if (toExecute.length > 0) {
      await mineBlock([settleCall(1, round, toExecute), ...settle(1)], timestamp + Number(largeTimelockDelay) + 12);
    }
    if (settingsRound) settings = finalGovernorSettings;
    if (round % 5 === 4 || round === rounds - 2) {
      log(
        `[seed:large] round ${round + 1}/${rounds}: ${plan.filter((proposal) => proposal.round <= round).length} proposals, ${counts.votes} votes, ${counts.transfers + counts.delegations} transfers and delegations, block ${head} (${elapsed()})`,
      );
    }
  }
  await rpc(url, "evm_setAutomine", [true]);
  await rpc(url, "anvil_removeBlockTimestampInterval");

  // Every fate is the state the governor says (one proposal of each).
  const expected: Record<Fate, number> = {
    pending: 0,
    active: 1,
    canceled: 2,
    defeated: 3,
    succeeded: 4,
    queued: 5,
    executed: 7,
  };
  for (const [fate, state] of Object.entries(expected) as [Fate, number][]) {
    const id = ids[fate][0];
    if (id === undefined) continue;
    const actual = await client.readContract({
      address: governor,
      abi: demoGovernorAbi,
      functionName: "state",
      args: [BigInt(id)],
    });
    if (actual !== state) throw new Error(`a proposal meant to be ${fate} is in state ${actual}, not ${state}`);
  }

  const largest = plan.find(
    (proposal) => proposal.votes === sizes.largestProposalVotes && proposal.fate === "executed",
  );
  const largestProposal = largest ? proposalIdOf(largest.round, largest.index).toString() : (ids.executed[0] ?? "");
  log(
    `[seed:large] done at block ${head}: ${plan.length} proposals, ${counts.votes} votes (${counts.votesWithReason} with reasons), ${counts.transfers} transfers, ${counts.delegations} delegations, ${counts.logs} token and governor logs (${elapsed()})`,
  );
  return {
    chainId: foundry.id,
    token,
    timelock,
    governor,
    seeder,
    multicall3: multicall3Address,
    tokenBlock: tokenDeployment.block,
    headBlock: head,
    sizes,
    proposals: ids,
    largestProposal,
    largestDelegate: accounts[0] as Address,
    smallDelegate: accounts[Math.min(sizes.delegates - 1, 12_345)] as Address,
    counts,
  };
}
