/**
 * Completes a DAO's config from the chain: checks the RPC serves the configured chain, that the
 * governor is a Governor, and reads token, timelock, clock and counting mode when the config
 * leaves them out. Every failure is one ConfigError naming the field or the cause.
 */
import { type Address, createPublicClient, http, type PublicClient, parseAbi, zeroAddress } from "viem";
import { knownChain } from "../chains";
import { detectGovernor, type GovernorFlavour } from "../governor/detect";
import { ConfigError } from "./ConfigError";
import type { DaoConfig } from "./schema";

const governorProbeAbi = parseAbi([
  "function name() view returns (string)",
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function proposalThreshold() view returns (uint256)",
  "function token() view returns (address)",
  "function timelock() view returns (address)",
  "function CLOCK_MODE() view returns (string)",
  "function COUNTING_MODE() view returns (string)",
]);

const tokenProbeAbi = parseAbi([
  "function name() view returns (string)",
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
]);

export type ResolvedDao = Omit<DaoConfig, "token" | "timelock"> & {
  token: Address;
  timelock: Address | null;
  governorName: string;
  tokenName: string;
  tokenSymbol: string;
  tokenDecimals: number;
  /** ERC-6372 clock mode; `mode=blocknumber&from=default` when the governor predates ERC-6372. */
  clockMode: string;
  countingMode: string | null;
  /** Which Governor this is, found by probing the contracts (lib/governor/detect). */
  flavour: GovernorFlavour;
};

function settled<T>(result: PromiseSettledResult<T>): T | undefined {
  return result.status === "fulfilled" ? result.value : undefined;
}

/**
 * @example
 * const dao = await resolveDao(config.daos[0]); // dao.token, dao.tokenSymbol, dao.clockMode…
 */
export async function resolveDao(
  dao: DaoConfig,
  client: PublicClient = createPublicClient({
    chain: knownChain(dao.chainId),
    transport: http(dao.rpcUrl, { retryCount: 1, timeout: 10_000 }),
  }),
): Promise<ResolvedDao> {
  const where = `DAO "${dao.slug}"`;
  let rpcChainId: number;
  try {
    rpcChainId = await client.getChainId();
  } catch (error) {
    throw new ConfigError(
      `${where}: rpcUrl ${dao.rpcUrl} did not answer (${(error as Error).message.split("\n")[0]})`,
      "rpcUrl",
    );
  }
  if (rpcChainId !== dao.chainId) {
    throw new ConfigError(`${where}: chainId is ${dao.chainId} but rpcUrl serves chain ${rpcChainId}`, "chainId");
  }
  const code = await client.getCode({ address: dao.governor });
  if (!code || code === "0x") {
    throw new ConfigError(
      `${where}: governor ${dao.governor} has no contract code on chain ${dao.chainId}`,
      "governor",
    );
  }
  const flavourPromise = detectGovernor(client, dao.governor, {
    ...(dao.token ? { token: dao.token } : {}),
    ...(dao.timelock ? { timelock: dao.timelock } : {}),
  });
  flavourPromise.catch(() => undefined); // awaited below, unless an earlier check throws first
  const read = <F extends (typeof governorProbeAbi)[number]["name"]>(functionName: F) =>
    client.readContract({ address: dao.governor, abi: governorProbeAbi, functionName } as never) as Promise<unknown>;
  const [name, delay, period, threshold, token, timelock, clockMode, countingMode] = await Promise.allSettled([
    read("name"),
    read("votingDelay"),
    read("votingPeriod"),
    read("proposalThreshold"),
    read("token"),
    read("timelock"),
    read("CLOCK_MODE"),
    read("COUNTING_MODE"),
  ]);
  const missing = [
    ["votingDelay()", delay],
    ["votingPeriod()", period],
    ["proposalThreshold()", threshold],
  ].filter(([, result]) => (result as PromiseSettledResult<unknown>).status === "rejected");
  if (missing.length > 0) {
    throw new ConfigError(
      `${where}: governor ${dao.governor} is not a Governor (no ${missing.map(([fn]) => fn).join(", ")})`,
      "governor",
    );
  }
  const flavour = await flavourPromise;
  if (!flavour.supported) {
    throw new ConfigError(
      `${where}: governor ${dao.governor} is not a governor Commons can drive: ${flavour.missing.map((m) => m.message).join("; ")}`,
      flavour.missing.some((m) => m.capability.startsWith("token")) ? "token" : "governor",
    );
  }
  // GovernorBravo names its token comp() or uni(); detection asked for those too.
  const tokenAddress = dao.token ?? (settled(token) as Address | undefined) ?? flavour.token?.address;
  if (!tokenAddress || tokenAddress === zeroAddress) {
    throw new ConfigError(`${where}: the governor exposes no token(); set "token" in the config`, "token");
  }
  const readToken = <F extends (typeof tokenProbeAbi)[number]["name"]>(functionName: F) =>
    client.readContract({ address: tokenAddress, abi: tokenProbeAbi, functionName } as never) as Promise<unknown>;
  const [tokenName, tokenSymbol, tokenDecimals] = await Promise.allSettled([
    readToken("name"),
    readToken("symbol"),
    readToken("decimals"),
  ]);
  if (tokenSymbol.status === "rejected") {
    throw new ConfigError(`${where}: token ${tokenAddress} does not answer symbol(); is it the voting token?`, "token");
  }
  const timelockAddress = dao.timelock ?? (settled(timelock) as Address | undefined) ?? null;
  return {
    ...dao,
    token: tokenAddress,
    timelock: timelockAddress && timelockAddress !== zeroAddress ? timelockAddress : null,
    governorName: (settled(name) as string | undefined) ?? dao.name,
    tokenName: (settled(tokenName) as string | undefined) ?? String(tokenSymbol.value),
    tokenSymbol: String(tokenSymbol.value),
    // ERC721Votes tokens have no decimals(): one NFT is one vote.
    tokenDecimals:
      flavour.token?.kind === "erc721votes" ? 0 : Number((settled(tokenDecimals) as number | bigint | undefined) ?? 0),
    clockMode: (settled(clockMode) as string | undefined) ?? "mode=blocknumber&from=default",
    countingMode: (settled(countingMode) as string | undefined) ?? null,
    flavour,
  };
}
