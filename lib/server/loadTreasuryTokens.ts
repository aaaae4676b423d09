/**
 * The ERC-20s the treasury holds now, for the propose form's token transfers: the same candidates
 * as the treasury page (governance token, tokens the indexer saw arrive, labelled addresses),
 * read live, keeping those with a balance. Symbols come from the token contracts (untrusted):
 * invisible characters revealed, length bounded. Never throws: an indexer or RPC failure gives
 * fewer tokens (and the reason, for the page to say).
 */
import "server-only";
import { type Address, getAddress } from "viem";
import { displaySymbol } from "../actions/addressLabels";
import { describeChainProblem } from "../chain/chainErrors";
import { getPublicClient } from "../chain/publicClient";
import { readTreasuryBalances } from "../chain/readTreasuryBalances";
import type { DaoConfig } from "../config/schema";
import type { TreasuryToken } from "../proposals/builder/actions";
import { treasuryTokenCandidates } from "../treasury/treasuryTokenCandidates";
import { getIndexer } from "./indexer";

export type TreasuryHoldings = { eth: string | null; tokens: TreasuryToken[]; problem: string | null };

/** @example const { tokens } = await loadTreasuryTokens(config, dao.token, dao.timelock ?? dao.governor); */
export async function loadTreasuryTokens(
  config: DaoConfig,
  governanceToken: Address,
  treasury: Address,
): Promise<TreasuryHoldings> {
  let received: string[] = [];
  let problem: string | null = null;
  try {
    received = (await getIndexer().listTreasuryTokens(config.slug)).items.map((item) => item.token);
  } catch (error) {
    console.error(`[commons] listing the treasury tokens of "${config.slug}" failed:`, error);
    problem = "The indexer did not answer, so only the governance token and labelled tokens are offered.";
  }
  const candidates = treasuryTokenCandidates({
    governance: [governanceToken],
    received,
    labelled: Object.keys(config.labels ?? {}),
    spent: [],
  });
  try {
    const balances = await readTreasuryBalances(getPublicClient(config), getAddress(treasury), [...candidates.keys()]);
    const tokens = balances.tokens.flatMap((token): TreasuryToken[] =>
      token.balance !== undefined && token.balance > 0n && token.decimals !== undefined && token.decimals <= 255
        ? [
            {
              address: token.address,
              symbol: displaySymbol(token.symbol ?? ""),
              decimals: token.decimals,
              balance: token.balance.toString(),
            },
          ]
        : [],
    );
    return { eth: balances.eth?.toString() ?? null, tokens, problem };
  } catch (error) {
    console.error(`[commons] reading the treasury balances of "${config.slug}" failed:`, error);
    const { title } = describeChainProblem(error);
    return { eth: null, tokens: [], problem: `${title}, so the treasury's tokens are not listed.` };
  }
}
