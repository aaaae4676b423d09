/**
 * Completes a DAO's config from the chain: checks every RPC endpoint serves the configured chain,
 * that the governor is a Governor Commons can drive (lib/governor/detect, which also reads the
 * token, timelock, clock and counting mode when the config leaves them out), and where Multicall3
 * is on that chain, if anywhere. Every failure is one ConfigError naming the field or the cause.
 */
import { type Address, createPublicClient, http, type PublicClient } from "viem";
import { ChainUnreachableError, endpointFailure, hostOf } from "../chain/chainErrors";
import { findMulticall3 } from "../chain/multicall3";
import { getPublicClient } from "../chain/publicClient";
import { bravoCountingMode, detectGovernor, type GovernorFlavour } from "../governor/detect";
import { ConfigError } from "./ConfigError";
import type { DaoConfig } from "./schema";

export type ResolvedDao = Omit<DaoConfig, "token" | "timelock" | "multicall3"> & {
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
  /** Multicall3 as found on the chain; null where it has none (reads go as JSON-RPC batches). */
  multicall3: Address | null;
};

/**
 * Asks each endpoint for its chain id on its own: one that serves another chain is a config
 * error even while another endpoint answers first. Endpoints that do not answer are only a
 * problem when none does.
 */
async function checkEndpoints(dao: DaoConfig, where: string): Promise<void> {
  const answers = await Promise.all(
    dao.rpcUrls.map(async (url) => {
      const client = createPublicClient({ transport: http(url, { retryCount: 1, timeout: 10_000 }) });
      try {
        return { url, chainId: await client.getChainId() };
      } catch (error) {
        return { url, error };
      }
    }),
  );
  const wrong = answers.find((answer) => answer.chainId !== undefined && answer.chainId !== dao.chainId);
  if (wrong) {
    const which = dao.rpcUrls.length > 1 ? ` (${hostOf(wrong.url)})` : "";
    throw new ConfigError(
      `${where}: chainId is ${dao.chainId} but rpcUrl${which} serves chain ${wrong.chainId}`,
      "chainId",
    );
  }
  if (answers.every((answer) => answer.chainId === undefined)) {
    const failures = answers.map((answer) => endpointFailure(answer.url, answer.error));
    const cause = new ChainUnreachableError(dao.chainId, failures);
    throw new ConfigError(`${where}: ${cause.message}`, "rpcUrl", { cause });
  }
}

/**
 * @example
 * const dao = await resolveDao(config.daos[0]); // dao.token, dao.tokenSymbol, dao.clockMode…
 */
export async function resolveDao(dao: DaoConfig, client: PublicClient = getPublicClient(dao)): Promise<ResolvedDao> {
  const where = `DAO "${dao.slug}"`;
  await checkEndpoints(dao, where);
  const code = await client.getCode({ address: dao.governor });
  if (!code || code === "0x") {
    throw new ConfigError(
      `${where}: governor ${dao.governor} has no contract code on chain ${dao.chainId}`,
      "governor",
    );
  }
  const [flavour, multicall3] = await Promise.all([
    detectGovernor(client, dao.governor, {
      ...(dao.token ? { token: dao.token } : {}),
      ...(dao.timelock ? { timelock: dao.timelock } : {}),
    }),
    findMulticall3(client, dao.multicall3 ? { configured: dao.multicall3 } : {}),
  ]);
  const notAGovernor = flavour.missing.filter((m) =>
    ["votingDelay()", "votingPeriod()", "proposalThreshold()"].includes(m.capability),
  );
  if (notAGovernor.length > 0) {
    throw new ConfigError(
      `${where}: governor ${dao.governor} is not a Governor (no ${notAGovernor.map((m) => m.capability).join(", ")})`,
      "governor",
    );
  }
  if (!flavour.supported || !flavour.token) {
    throw new ConfigError(
      `${where}: governor ${dao.governor} is not a governor Commons can drive: ${flavour.missing.map((m) => m.message).join("; ")}`,
      flavour.missing.some((m) => m.capability.startsWith("token")) ? "token" : "governor",
    );
  }
  const { token } = flavour;
  if (token.symbol === null) {
    throw new ConfigError(
      `${where}: token ${token.address} does not answer symbol(); is it the voting token?`,
      "token",
    );
  }
  const { multicall3: _configured, ...rest } = dao;
  return {
    ...rest,
    token: token.address,
    timelock: flavour.timelock.kind === "none" ? null : flavour.timelock.address,
    governorName: flavour.name ?? dao.name,
    tokenName: token.name ?? token.symbol,
    tokenSymbol: token.symbol,
    // ERC721Votes tokens have no decimals(): one NFT is one vote.
    tokenDecimals: token.decimals,
    clockMode: flavour.clockMode,
    // Detection reports Bravo's fixed mode for governors without COUNTING_MODE(); the DAO has none.
    countingMode: flavour.countingMode === bravoCountingMode ? null : flavour.countingMode,
    flavour,
    multicall3,
  };
}
