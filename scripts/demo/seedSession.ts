/**
 * The seed's way of writing history on an anvil with automine off: transactions are sent from any
 * address (dev accounts are unlocked, others impersonated), collected, and mined together into one
 * block whose receipts are all checked. Time is moved explicitly, so the history has realistic
 * timestamps and stays short in blocks.
 */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  createPublicClient,
  type EncodeFunctionDataParameters,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  type Hash,
  type Hex,
  http,
  numberToHex,
  type PublicClient,
  parseEther,
} from "viem";
import { foundry } from "viem/chains";
import { rpc } from "../../harness/anvil";

type Receipt = { status: Hex; contractAddress: Address | null; blockNumber: Hex };

/** A contract call to send, typed against its ABI. */
export type WriteRequest<abi extends Abi, functionName extends ContractFunctionName<abi, "nonpayable" | "payable">> = {
  from: Address;
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>;
  value?: bigint;
};

/** Seconds in a typical L1 block; the seeded history uses it between blocks. */
export const historyBlockSeconds = 12;

/**
 * Collects transactions for the next block and mines them. One instance per seeding run.
 *
 * @example
 * const session = await SeedSession.open(rpcUrl);
 * await session.write({ from, address: token, abi, functionName: "delegate", args: [from] }, "delegate");
 * await session.mine(); // throws naming the failed transaction
 */
export class SeedSession {
  readonly client: PublicClient;
  private pending: { hash: Hash; label: string }[] = [];
  private impersonated = new Set<string>();

  private constructor(readonly rpcUrl: string) {
    this.client = createPublicClient({ chain: foundry, transport: http(rpcUrl), cacheTime: 0 });
  }

  /** Opens a session and turns automine off (blocks are mined by {@link mine} only). */
  static async open(rpcUrl: string): Promise<SeedSession> {
    const session = new SeedSession(rpcUrl);
    await rpc(rpcUrl, "evm_setAutomine", [false]);
    return session;
  }

  /** Turns automine back on (the state a fresh anvil starts in). */
  async close(): Promise<void> {
    if (this.pending.length > 0) throw new Error(`${this.pending.length} seeded transaction(s) were never mined`);
    for (const address of this.impersonated) await rpc(this.rpcUrl, "anvil_stopImpersonatingAccount", [address]);
    await rpc(this.rpcUrl, "evm_setAutomine", [true]);
  }

  /** Lets `address` send without a key and gives it ETH for gas (dev accounts already can). */
  async impersonate(address: Address, eth = parseEther("10")): Promise<void> {
    if (this.impersonated.has(address)) return;
    await rpc(this.rpcUrl, "anvil_impersonateAccount", [address]);
    const balance = await this.client.getBalance({ address });
    if (balance < eth) await rpc(this.rpcUrl, "anvil_setBalance", [address, numberToHex(eth)]);
    this.impersonated.add(address);
  }

  /**
   * Queues a raw transaction for the next block. Gas is estimated against the latest block with a
   * margin: a transaction touching a vote checkpoint written in the same block costs more than the
   * estimate says (see DESIGN.md).
   */
  async send(label: string, tx: { from: Address; to?: Address; data?: Hex; value?: bigint }): Promise<Hash> {
    let gas: bigint;
    try {
      gas = await this.client.estimateGas({ account: tx.from, to: tx.to, data: tx.data, value: tx.value });
    } catch (error) {
      throw new Error(
        `seed step "${label}" would revert: ${(error as { shortMessage?: string }).shortMessage ?? error}`,
      );
    }
    const request = {
      from: tx.from,
      to: tx.to,
      data: tx.data,
      value: tx.value === undefined ? undefined : numberToHex(tx.value),
      gas: numberToHex((gas * 3n) / 2n + 50_000n),
    };
    const hash = await rpc<Hash>(this.rpcUrl, "eth_sendTransaction", [request]);
    this.pending.push({ hash, label });
    return hash;
  }

  /** Queues a contract call for the next block. */
  write<abi extends Abi, functionName extends ContractFunctionName<abi, "nonpayable" | "payable">>(
    request: WriteRequest<abi, functionName>,
    label: string,
  ): Promise<Hash> {
    const data = encodeFunctionData({
      abi: request.abi,
      functionName: request.functionName,
      args: request.args,
    } as EncodeFunctionDataParameters);
    return this.send(label, { from: request.from, to: request.address, data, value: request.value });
  }

  /** Deploys a contract in its own block and returns its address. */
  async deploy<abi extends Abi>(
    label: string,
    from: Address,
    abi: abi,
    bytecode: Hex,
    args: unknown[],
  ): Promise<Address> {
    const data = encodeDeployData({ abi, bytecode, args } as Parameters<typeof encodeDeployData>[0]);
    const hash = await this.send(label, { from, data });
    await this.mine();
    const receipt = await rpc<Receipt>(this.rpcUrl, "eth_getTransactionReceipt", [hash]);
    if (!receipt.contractAddress) throw new Error(`deploying ${label} produced no contract address`);
    return getAddress(receipt.contractAddress);
  }

  /**
   * Mines one block holding every queued transaction (at `timestamp` when given and after the head,
   * else {@link historyBlockSeconds} after the head) and throws naming any that failed or was left out.
   */
  async mine(timestamp?: number): Promise<bigint> {
    const head = await this.headTimestamp();
    // A planned time that is not after the head (a compressed schedule) falls back to the next slot.
    const next = timestamp !== undefined && timestamp > head ? timestamp : head + historyBlockSeconds;
    await rpc(this.rpcUrl, "evm_setNextBlockTimestamp", [next]);
    await rpc(this.rpcUrl, "evm_mine", []);
    const mined = this.pending;
    this.pending = [];
    const receipts = await Promise.all(
      mined.map(({ hash }) => rpc<Receipt | null>(this.rpcUrl, "eth_getTransactionReceipt", [hash])),
    );
    const failed = mined.flatMap(({ label }, index) => {
      const receipt = receipts[index];
      if (receipt?.status === "0x1") return [];
      return [`${label} (${receipt ? "reverted" : "not mined"})`];
    });
    if (failed.length > 0) throw new Error(`seed block failed: ${failed.join(", ")}`);
    return this.client.getBlockNumber();
  }

  /** Mines `blocks` empty blocks {@link historyBlockSeconds} apart (nothing may be queued). */
  async mineEmpty(blocks: number): Promise<bigint> {
    if (this.pending.length > 0) throw new Error("mineEmpty with queued transactions; call mine() first");
    // anvil_mine's interval only applies after the first block, so place that one explicitly.
    await rpc(this.rpcUrl, "evm_setNextBlockTimestamp", [(await this.headTimestamp()) + historyBlockSeconds]);
    await rpc(this.rpcUrl, "anvil_mine", [numberToHex(blocks), numberToHex(historyBlockSeconds)]);
    return this.client.getBlockNumber();
  }

  /** Mines empty blocks until the head is `target` (no-op when already there or past). */
  async mineUntil(target: bigint): Promise<void> {
    const head = await this.client.getBlockNumber();
    if (target > head) await this.mineEmpty(Number(target - head));
  }

  /** Timestamp of the latest block, in seconds. */
  async headTimestamp(): Promise<number> {
    const block = await this.client.getBlock({ blockTag: "latest" });
    return Number(block.timestamp);
  }
}
