/**
 * A DAO whose token is much older than its governor, as real ones are (ENS, Uniswap, Compound):
 * a votes token deployed a few hundred blocks in, thousands of transfers and re-delegations among
 * hundreds of holders over a few thousand blocks — in dense bursts, so a provider's result cap
 * trips, and across quiet stretches, so its range cap does — and only then a timelock and a
 * governor, with one proposal voted on. Holders are generated addresses that anvil sends for
 * (anvil_autoImpersonateAccount); each busy block is filled with automine off and mined once, and
 * quiet stretches are mined in one anvil_mine call.
 */
import {
  type Address,
  createTestClient,
  encodeFunctionData,
  getAddress,
  type Hex,
  http,
  keccak256,
  parseUnits,
  publicActions,
  stringToHex,
  toHex,
  walletActions,
  zeroAddress,
} from "viem";
import { foundry } from "viem/chains";
import { demoGovernorAbi, demoGovernorBytecode } from "../../contracts-abi/demoGovernor";
import { demoTimelockAbi, demoTimelockBytecode } from "../../contracts-abi/demoTimelock";
import { demoTokenAbi, demoTokenBytecode } from "../../contracts-abi/demoToken";
import { anvilDevAccounts } from "../../lib/chain/anvilDevAccounts";
import { rpc, rpcBatch } from "./anvil";
import { seededRandom } from "./seededRandom";

export type LongHistoryOptions = {
  /** Generated holders (default 300). */
  holders?: number;
  /** Busy blocks after the first distribution (default 24), in bursts of `burstLength` (default 6). */
  busyBlocks?: number;
  burstLength?: number;
  /** Transfers and delegations per busy block (default 150). */
  operationsPerBlock?: number;
  /** Empty blocks before the token is deployed (default 200). */
  blocksBeforeToken?: number;
  /** Seed of the generator choosing who sends what to whom (default 7). */
  seed?: number;
};

export type LongHistoryDao = {
  token: Address;
  tokenBlock: number;
  timelock: Address;
  governor: Address;
  governorBlock: number;
  proposalId: bigint;
  /** Every address that ever held or was delegated to, deployer included. */
  accounts: Address[];
  transfers: number;
  delegations: number;
  headBlock: number;
};

/** Who the token says each account is: balance, delegate, votes, and how many delegate to it. */
export type TokenState = Map<Address, { balance: bigint; delegate: Address | null; votes: bigint; delegators: number }>;

type RpcCall = { method: string; params: unknown[] };

const holderAddress = (index: number): Address =>
  getAddress(keccak256(stringToHex(`commons long-history holder ${index}`)).slice(0, 42));

const gas = toHex(300_000);
const maxFeePerGas = toHex(parseUnits("100", 9));

/**
 * Deploys and seeds the DAO on a fresh anvil (chain id 31337). Start anvil with a block gas limit
 * that holds `operationsPerBlock` transactions of 300k gas, e.g. `--gas-limit 100000000`.
 *
 * @example
 * const dao = await deployLongHistoryDao(anvil.rpcUrl); // dao.tokenBlock < dao.governorBlock
 */
export async function deployLongHistoryDao(url: string, options: LongHistoryOptions = {}): Promise<LongHistoryDao> {
  const holders = Array.from({ length: options.holders ?? 300 }, (_, index) => holderAddress(index));
  const busyBlocks = options.busyBlocks ?? 24;
  const burstLength = options.burstLength ?? 6;
  const operationsPerBlock = options.operationsPerBlock ?? 150;
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const client = createTestClient({
    mode: "anvil",
    chain: foundry,
    transport: http(url),
    cacheTime: 0,
    pollingInterval: 50,
  })
    .extend(publicActions)
    .extend(walletActions);
  const deployer = anvilDevAccounts[0];
  const supply = parseUnits("10000000", 18);

  await rpc(url, "anvil_mine", [toHex(options.blocksBeforeToken ?? 200), toHex(12)]);
  const tokenHash = await client.deployContract({
    abi: demoTokenAbi,
    bytecode: demoTokenBytecode,
    args: [deployer, supply],
    account: deployer,
    chain: foundry,
  });
  const tokenReceipt = await client.waitForTransactionReceipt({ hash: tokenHash });
  if (!tokenReceipt.contractAddress) throw new Error("the token deployment created no contract");
  const token = getAddress(tokenReceipt.contractAddress);

  await rpc(url, "anvil_autoImpersonateAccount", [true]);
  await rpcBatch(
    url,
    holders.map((holder) => ({ method: "anvil_setBalance", params: [holder, toHex(parseUnits("100", 18))] })),
    500,
  );
  await rpc(url, "evm_setAutomine", [false]);

  // What each account may still send in the block being built: its balance when the block began,
  // less what it already sends (anvil orders a block's transactions its own way, so tokens received
  // in the same block may arrive after they would be spent).
  const spendable = new Map<Address, bigint>([[deployer, supply]]);
  const balances = new Map<Address, bigint>([[deployer, supply]]);
  const nonces = new Map<Address, number>([[deployer, await client.getTransactionCount({ address: deployer })]]);
  const nextNonce = async (from: Address) => {
    const nonce = nonces.get(from) ?? 0;
    nonces.set(from, nonce + 1);
    return toHex(nonce);
  };
  let transfers = 0;
  let delegations = 0;
  const send = async (from: Address, data: Hex): Promise<RpcCall> => ({
    method: "eth_sendTransaction",
    params: [{ from, to: token, data, gas, maxFeePerGas, maxPriorityFeePerGas: "0x0", nonce: await nextNonce(from) }],
  });
  const transfer = async (from: Address, to: Address, amount: bigint) => {
    spendable.set(from, (spendable.get(from) ?? 0n) - amount);
    balances.set(from, (balances.get(from) ?? 0n) - amount);
    balances.set(to, (balances.get(to) ?? 0n) + amount);
    transfers++;
    return send(from, encodeFunctionData({ abi: demoTokenAbi, functionName: "transfer", args: [to, amount] }));
  };
  const delegate = async (from: Address, to: Address) => {
    delegations++;
    return send(from, encodeFunctionData({ abi: demoTokenAbi, functionName: "delegate", args: [to] }));
  };

  /** Sends the calls, mines one block with them all, and checks that each succeeded. */
  const mineBlock = async (calls: RpcCall[]) => {
    await rpcBatch(url, calls, 500);
    await rpc(url, "evm_mine");
    const receipts = await rpc<{ status: Hex; gasUsed: Hex }[]>(url, "eth_getBlockReceipts", ["latest"]);
    const failed = receipts.filter((receipt) => receipt.status !== "0x1");
    if (receipts.length !== calls.length || failed.length > 0) {
      const gasUsed = failed.map((receipt) => Number(receipt.gasUsed)).join(", ");
      throw new Error(
        `a busy block mined ${receipts.length} of ${calls.length} transactions, ${failed.length} reverted (gas used ${gasUsed})`,
      );
    }
    for (const [account, balance] of balances) spendable.set(account, balance);
  };

  // Everyone gets tokens (the deployer keeps a tenth); the first 40 holders are the delegates others choose.
  const share = (supply * 9n) / 10n / BigInt(holders.length);
  for (let offset = 0; offset < holders.length; offset += operationsPerBlock) {
    const calls = [];
    for (const holder of holders.slice(offset, offset + operationsPerBlock)) {
      calls.push(await transfer(deployer, holder, share + BigInt(Math.floor(random() * 1000)) * 10n ** 15n));
    }
    await mineBlock(calls);
  }
  const delegates = holders.slice(0, 40);

  for (let block = 0; block < busyBlocks; block++) {
    const calls = [];
    for (let operation = 0; operation < operationsPerBlock; operation++) {
      const from = pick(holders);
      const roll = random();
      if (roll < 0.55) {
        const balance = spendable.get(from) ?? 0n;
        // Now and then to oneself (a Transfer whose from and to are one account).
        const to = roll < 0.02 ? from : pick(holders);
        calls.push(await transfer(from, to, (balance * BigInt(Math.floor(random() * 50))) / 100n));
      } else if (roll < 0.97) {
        // Mostly to a delegate, sometimes to oneself.
        calls.push(await delegate(from, roll < 0.75 ? from : pick(delegates)));
      } else {
        // Undelegating: DelegateChanged to the zero address.
        calls.push(await delegate(from, zeroAddress));
      }
    }
    await mineBlock(calls);
    // Bursts of busy blocks back to back (one event type alone outgrows a 1,000-log answer in a
    // burst), then a quiet stretch of 600 to 900 blocks.
    if (block % burstLength === burstLength - 1 && block < busyBlocks - 1) {
      await rpc(url, "anvil_mine", [toHex(600 + Math.floor(random() * 300)), toHex(12)]);
    }
  }
  await rpc(url, "evm_setAutomine", [true]);

  const timelockHash = await client.deployContract({
    abi: demoTimelockAbi,
    bytecode: demoTimelockBytecode,
    args: [60n, [], [zeroAddress], deployer],
    account: deployer,
    chain: foundry,
  });
  const timelock = (await client.waitForTransactionReceipt({ hash: timelockHash })).contractAddress;
  if (!timelock) throw new Error("the timelock deployment created no contract");
  const governorHash = await client.deployContract({
    abi: demoGovernorAbi,
    bytecode: demoGovernorBytecode,
    args: [token, getAddress(timelock), 1, 30, 0n, 4n],
    account: deployer,
    chain: foundry,
  });
  const governorReceipt = await client.waitForTransactionReceipt({ hash: governorHash });
  if (!governorReceipt.contractAddress) throw new Error("the governor deployment created no contract");
  const governor = getAddress(governorReceipt.contractAddress);

  // One proposal, voted on by the delegates with the most power: tallies reach back into the token's history.
  const proposer = delegates[0] as Address;
  const proposal = {
    address: governor,
    abi: demoGovernorAbi,
    functionName: "propose",
    args: [[governor], [0n], ["0x"], "# Long history\n\nVoted on by holders of an old token."],
    account: proposer,
  } as const;
  const { result: proposalId } = await client.simulateContract(proposal);
  await client.waitForTransactionReceipt({ hash: await client.writeContract({ ...proposal, chain: foundry }) });
  await client.mine({ blocks: 2 });
  for (const [index, voter] of delegates.slice(0, 12).entries()) {
    const hash = await client.writeContract({
      address: governor,
      abi: demoGovernorAbi,
      functionName: "castVote",
      args: [proposalId, index % 3],
      account: voter,
      chain: foundry,
      gas: 300_000n,
    });
    await client.waitForTransactionReceipt({ hash });
  }

  return {
    token,
    tokenBlock: Number(tokenReceipt.blockNumber),
    timelock: getAddress(timelock),
    governor,
    governorBlock: Number(governorReceipt.blockNumber),
    proposalId,
    accounts: [deployer, ...holders],
    transfers,
    delegations,
    headBlock: Number(await client.getBlockNumber()),
  };
}

const tokenReadAbi = demoTokenAbi;

/**
 * What the token says now of every account: balance, delegate and votes read from the chain, and
 * delegator counts computed from everyone's delegates().
 */
export async function readTokenState(url: string, token: Address, accounts: readonly Address[]): Promise<TokenState> {
  const call = (functionName: "balanceOf" | "delegates" | "getVotes", account: Address): RpcCall => ({
    method: "eth_call",
    params: [{ to: token, data: encodeFunctionData({ abi: tokenReadAbi, functionName, args: [account] }) }, "latest"],
  });
  const [balances, delegates, votes] = await Promise.all(
    (["balanceOf", "delegates", "getVotes"] as const).map((name) =>
      rpcBatch<Hex>(
        url,
        accounts.map((account) => call(name, account)),
        500,
      ),
    ),
  );
  const state: TokenState = new Map();
  accounts.forEach((account, index) => {
    const delegate = getAddress(`0x${(delegates?.[index] ?? "0x").slice(-40)}`);
    state.set(account, {
      balance: BigInt(balances?.[index] ?? "0x0"),
      delegate: delegate === zeroAddress ? null : delegate,
      votes: BigInt(votes?.[index] ?? "0x0"),
      delegators: 0,
    });
  });
  for (const { delegate } of state.values()) {
    const target = delegate === null ? undefined : state.get(delegate);
    if (target) target.delegators++;
  }
  return state;
}
