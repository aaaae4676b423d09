/**
 * Shared plumbing of the flavour fixtures (issue 6): a client that sends as anvil's dev accounts
 * on a fresh anvil (automine on), deploy/write helpers that check every receipt, the
 * {@link FlavourSender} the deploy scripts send through (automine, or the demo seed's
 * SeedSession), and the DAO config entry each flavour writes. See scripts/flavours/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  createTestClient,
  getAddress,
  type Hash,
  type Hex,
  http,
  keccak256,
  numberToHex,
  publicActions,
  stringToHex,
  type WriteContractParameters,
  walletActions,
  zeroHash,
} from "viem";
import { foundry } from "viem/chains";
import { demoTimelockAbi } from "../../contracts-abi/demoTimelock";
import { anvilDevAccounts } from "../../lib/chain/anvilDevAccounts";
import { parseCommonsConfig } from "../../lib/config/parseCommonsConfig";
import type { CommonsConfig, DaoConfig } from "../../lib/config/schema";
import { serializeCommonsConfig } from "../../lib/config/serializeCommonsConfig";

/** A TimelockController role id ("PROPOSER_ROLE" → keccak256 of the name). */
export const roleId = (name: string): Hex => keccak256(stringToHex(name));

/** Anvil's dev accounts #0..#9; #0 deploys every flavour. */
export const dev = anvilDevAccounts;

/** The slugs of the flavours that have a fixture. */
export type FlavourSlug = "ts-fractional" | "nft" | "bravo" | "alpha" | "compound";

/** Seconds between the empty blocks a flavour script mines (a typical L1 block time). */
export const flavourBlockSeconds = 12;

/** Blocks per anvil_mine request (each answers well within an RPC client's timeout). */
const mineSlice = 2_000;

/** A dev account's holding in a flavour DAO. */
export type FlavourHolder = { address: Address; amount: bigint; delegated: boolean };

/** What a flavour's deploy script produced: addresses, settings and who holds the votes. */
export type FlavourDeployment = {
  slug: FlavourSlug;
  name: string;
  chainId: number;
  /** Block of the first deployed contract (the config's startBlock). */
  startBlock: number;
  governor: Address;
  token: Address;
  timelock: Address;
  /** Settings in the governor's clock units (blocks, or seconds for a timestamp clock). */
  settings: {
    votingDelay: number;
    votingPeriod: number;
    proposalThreshold: bigint;
    /** Quorum in percent of the supply (GovernorAlpha/Bravo: their fixed quorumVotes as a share, rounded down). */
    quorumNumerator: bigint;
    /** GovernorAlpha/Bravo: the fixed number of For votes a proposal needs (token units). */
    quorumVotes?: bigint;
    /** Seconds between queue and execute. */
    timelockDelay: number;
  };
  /**
   * Token units (wei-like for ERC20s, NFT count for ERC721) each dev account holds, and whether it
   * self-delegated (#0..#3 did; #4 holds a little and never delegated).
   */
  holders: FlavourHolder[];
  /** Token units and ETH held by the timelock (the treasury). */
  treasury: { tokens: bigint; eth: bigint };
  /**
   * A governor that took over from a GovernorAlpha (Compound's migration): that Alpha, whose
   * proposal count the governor's ids continue from.
   */
  predecessor?: Address;
  /** A governor behind a proxy (GovernorBravoDelegator): the implementation it delegates to. */
  implementation?: Address;
};

/** A viem test client on `rpcUrl` that can send as any dev account (anvil signs for them). */
export function flavourClient(rpcUrl: string) {
  return createTestClient({ mode: "anvil", chain: foundry, transport: http(rpcUrl), cacheTime: 0, pollingInterval: 50 })
    .extend(publicActions)
    .extend(walletActions);
}

export type FlavourClient = ReturnType<typeof flavourClient>;

async function confirmed(client: FlavourClient, hash: Hash, label: string) {
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${label} reverted (tx ${hash})`);
  return receipt;
}

/**
 * Deploys `bytecode` from `from` and returns the address and block, throwing on a revert.
 *
 * @example
 * const { address } = await deploy(client, "token", dev[0], abi, bytecode, [dev[0], supply]);
 */
export async function deploy(
  client: FlavourClient,
  label: string,
  from: Address,
  abi: Abi,
  bytecode: Hex,
  args: readonly unknown[],
): Promise<{ address: Address; blockNumber: bigint }> {
  const hash = await client.deployContract({ abi, bytecode, args, account: from, chain: foundry });
  const receipt = await confirmed(client, hash, `deploying ${label}`);
  if (!receipt.contractAddress) throw new Error(`deploying ${label} produced no contract address`);
  return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber };
}

/**
 * Sends one contract call from `from` (simulated first, so a revert names its reason) and waits for it.
 *
 * @example
 * await write(client, dev[1], { address: token, abi, functionName: "delegate", args: [dev[1]] });
 */
export async function write<abi extends Abi, functionName extends ContractFunctionName<abi, "nonpayable" | "payable">>(
  client: FlavourClient,
  from: Address,
  call: {
    address: Address;
    abi: abi;
    functionName: functionName;
    args: ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>;
    value?: bigint;
  },
) {
  await client.simulateContract({ ...call, account: from });
  // eth_estimateGas runs in the latest block: a vote checkpoint written there is updated in place
  // during the estimate but needs a new slot in the next block, so give a margin (see DESIGN.md).
  const gas = await client.estimateContractGas({ ...call, account: from });
  // viem types `value` by the function's mutability, which TypeScript cannot work out for a generic
  // functionName; `call` is checked against its ABI by this function's signature, so name the type.
  const hash = await client.writeContract({
    ...call,
    account: from,
    gas: (gas * 3n) / 2n + 50_000n,
  } as WriteContractParameters<abi, functionName, typeof call.args, typeof foundry>);
  return confirmed(client, hash, `${String(call.functionName)} from ${from}`);
}

/**
 * Hands an OpenZeppelin TimelockController to its governor: the governor may propose and cancel,
 * and the deployer gives up its admin role.
 */
export async function handTimelockToGovernor(
  sender: FlavourSender,
  from: Address,
  timelock: Address,
  governor: Address,
) {
  const timelockCall = { address: timelock, abi: demoTimelockAbi } as const;
  await sender.write(from, { ...timelockCall, functionName: "grantRole", args: [roleId("PROPOSER_ROLE"), governor] });
  await sender.write(from, { ...timelockCall, functionName: "grantRole", args: [roleId("CANCELLER_ROLE"), governor] });
  await sender.write(from, { ...timelockCall, functionName: "renounceRole", args: [zeroHash, from] });
}

/** Sends plain ETH from a dev account. */
export async function sendEth(client: FlavourClient, from: Address, to: Address, value: bigint) {
  const hash = await client.sendTransaction({ account: from, to, value, chain: foundry });
  return confirmed(client, hash, `sending ETH to ${to}`);
}

/** A contract call a flavour script sends, typed against its ABI. */
export type FlavourCall<abi extends Abi, functionName extends ContractFunctionName<abi, "nonpayable" | "payable">> = {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>;
  value?: bigint;
};

/**
 * How a flavour's deploy script sends: every step is mined and checked before the next one. On a
 * plain anvil that is {@link automineSender}; the demo seed passes one that mines through its
 * SeedSession (scripts/demo/seedFlavours.ts), so the flavours share the demo's history and clock.
 */
export type FlavourSender = {
  chainId(): Promise<number>;
  /** The next nonce of `address`. */
  nonce(address: Address): Promise<number>;
  deploy(
    label: string,
    from: Address,
    abi: Abi,
    bytecode: Hex,
    args: readonly unknown[],
  ): Promise<{ address: Address; blockNumber: bigint }>;
  write<abi extends Abi, functionName extends ContractFunctionName<abi, "nonpayable" | "payable">>(
    from: Address,
    call: FlavourCall<abi, functionName>,
  ): Promise<{ blockNumber: bigint }>;
  sendEth(from: Address, to: Address, value: bigint): Promise<{ blockNumber: bigint }>;
  /** A view call at the head. */
  read<T>(call: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] }): Promise<T>;
  /** Mines `blocks` empty blocks {@link flavourBlockSeconds} apart and returns the new head. */
  mineBlocks(blocks: number): Promise<bigint>;
  /** Mines one empty block at `timestamp` (seconds, after the head's) and returns its number. */
  mineAt(timestamp: number): Promise<bigint>;
  /** The head block's timestamp in seconds. */
  headTimestamp(): Promise<number>;
};

/**
 * A {@link FlavourSender} for an anvil with automine on (each transaction is its own block).
 *
 * @example
 * const deployment = await deployNft(automineSender("http://127.0.0.1:8545"));
 */
export function automineSender(rpcUrl: string): FlavourSender {
  const client = flavourClient(rpcUrl);
  return {
    chainId: () => client.getChainId(),
    nonce: (address) => client.getTransactionCount({ address }),
    deploy: (label, from, abi, bytecode, args) => deploy(client, label, from, abi, bytecode, args),
    write: (from, call) => write(client, from, call),
    sendEth: (from, to, value) => sendEth(client, from, to, value),
    read: async <T>(call: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] }) =>
      (await client.readContract(call)) as T,
    async mineBlocks(blocks) {
      // In slices: a GovernorAlpha's 40,320 blocks in one request can outlast the client's timeout.
      for (let left = blocks; left > 0; left -= mineSlice) {
        await client.request({
          method: "anvil_mine",
          params: [numberToHex(Math.min(left, mineSlice)), numberToHex(flavourBlockSeconds)],
        });
      }
      return client.getBlockNumber();
    },
    async mineAt(timestamp) {
      await client.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
      await client.mine({ blocks: 1 });
      return client.getBlockNumber();
    },
    headTimestamp: async () => Number((await client.getBlock()).timestamp),
  };
}

/** The sender for `target`: itself, or an {@link automineSender} for an RPC URL. */
export function flavourSender(target: string | FlavourSender): FlavourSender {
  return typeof target === "string" ? automineSender(target) : target;
}

/**
 * The DAO config entry for a flavour deployment (token and timelock given, the rest probed).
 *
 * @example
 * flavourConfigEntry(deployment, "http://127.0.0.1:8545").slug // "nft"
 */
export function flavourConfigEntry(
  deployment: Pick<FlavourDeployment, "slug" | "name" | "chainId" | "governor" | "startBlock" | "token" | "timelock">,
  rpcUrl: string,
): DaoConfig {
  return {
    slug: deployment.slug,
    name: deployment.name,
    chainId: deployment.chainId,
    rpcUrl,
    rpcUrls: [rpcUrl],
    governor: deployment.governor,
    startBlock: deployment.startBlock,
    token: deployment.token,
    timelock: deployment.timelock,
    labels: {
      [deployment.governor]: `${deployment.name} governor`,
      [deployment.token]: `${deployment.name} token`,
      [deployment.timelock]: `${deployment.name} treasury (timelock)`,
    },
  };
}

/**
 * Adds (or replaces, by slug) the flavour's entry in the DAO config at `path`, validating the whole
 * file with the app's schema before writing it. Other DAOs in the file are kept.
 *
 * @example
 * writeFlavourConfig(deployment, anvil.rpcUrl, ".commons/flavours/dao.config.json");
 */
export function writeFlavourConfig(deployment: FlavourDeployment, rpcUrl: string, path: string): CommonsConfig {
  const existing = existsSync(path) ? parseCommonsConfig(readFileSync(path, "utf8"), path).daos : [];
  const daos = [...existing.filter((dao) => dao.slug !== deployment.slug), flavourConfigEntry(deployment, rpcUrl)];
  const config = parseCommonsConfig(JSON.stringify({ daos }), `the ${deployment.slug} flavour config`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeCommonsConfig(config));
  return config;
}
