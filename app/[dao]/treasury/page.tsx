/**
 * The treasury (the timelock, or the governor when there is none): its balances read live from
 * the chain in one multicall, and the outflows executed by past proposals (native value and
 * decoded ERC20 transfers). See lib/treasury/treasuryTokenCandidates.ts for how tokens are found.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { type Address, getAddress } from "viem";
import { ChainProblemAlert } from "@/components/dao/ChainProblemAlert";
import { IndexerAlert } from "@/components/ui/IndexerAlert";
import { PageLinks } from "@/components/ui/PageLinks";
import { describeChainProblem } from "@/lib/chain/chainErrors";
import { chainTableEntry, daoExplorerUrl } from "@/lib/chain/daoChain";
import { getPublicClient } from "@/lib/chain/publicClient";
import { readTreasuryBalances, type TreasuryBalances } from "@/lib/chain/readTreasuryBalances";
import { explorerUrl } from "@/lib/format/explorerUrl";
import { labelMap } from "@/lib/format/labelMap";
import type { IndexedProposal, IndexedTreasuryTokens, Page } from "@/lib/indexer/types";
import { pageParam, type SearchParams } from "@/lib/routing/searchParams";
import { getIndexer } from "@/lib/server/indexer";
import { loadDao, loadedProblem } from "@/lib/server/loadDao";
import { type Settled, settle } from "@/lib/server/settle";
import { proposalOutflows } from "@/lib/treasury/proposalOutflows";
import { treasuryTokenCandidates } from "@/lib/treasury/treasuryTokenCandidates";
import { type BalanceRow, BalancesTable } from "./_components/BalancesTable";
import { OutflowsList, type ProposalOutflows, type TokenInfo } from "./_components/OutflowsList";

type Props = { params: Promise<{ dao: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Treasury" };

/** Executed proposals per outflows page. */
const PAGE_SIZE = 50;

export default async function TreasuryPage({ params, searchParams }: Props) {
  const [{ dao: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound") notFound();
  if (loaded.status === "misconfigured") return null;
  const { config } = loaded;
  const page = pageParam(query.page);
  const dao = loaded.status === "ready" ? loaded.dao : null;
  const treasury = getAddress(dao?.timelock ?? config.timelock ?? config.governor);
  const chain = chainTableEntry(config.chainId);
  const native: TokenInfo = {
    symbol: chain?.nativeCurrency.symbol ?? "ETH",
    decimals: chain?.nativeCurrency.decimals ?? 18,
  };
  const labels = labelMap(config.labels);

  const indexer = getIndexer();
  const [received, executed] = await Promise.all([
    settle<IndexedTreasuryTokens>(indexer.listTreasuryTokens(slug), `listing the treasury tokens of "${slug}"`),
    settle<Page<IndexedProposal>>(
      indexer.listProposals(slug, { status: ["executed"], limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      `listing the executed proposals of "${slug}"`,
    ),
  ]);

  const outflowsByProposal: ProposalOutflows[] = (executed.ok ? executed.value.items : []).map((proposal) => ({
    id: proposal.id,
    title: proposal.title.trim() || "Untitled proposal",
    executedBlock: proposal.executedBlock,
    executedTx: proposal.executedTx,
    outflows: proposalOutflows(proposal, treasury),
  }));
  const candidates = treasuryTokenCandidates({
    governance: dao ? [dao.token] : config.token ? [config.token] : [],
    received: received.ok ? received.value.items.map((item) => item.token) : [],
    labelled: Object.keys(config.labels ?? {}),
    spent: outflowsByProposal.flatMap((proposal) =>
      proposal.outflows.flatMap((outflow) => (outflow.kind === "erc20" ? [outflow.token] : [])),
    ),
  });

  const balances: Settled<TreasuryBalances> =
    loaded.status === "ready"
      ? await settle(
          readTreasuryBalances(getPublicClient(config), treasury, [...candidates.keys()]),
          `reading the treasury balances of "${slug}"`,
        )
      : { ok: false, error: loadedProblem(loaded) };

  const tokenInfo = new Map<string, TokenInfo>();
  const holdings: BalanceRow[] = [];
  const emptied: BalanceRow[] = [];
  if (balances.ok) {
    for (const token of balances.value.tokens) {
      // Not an ERC20 (a labelled governor, a contract that reverts): not a holding.
      if (token.balance === undefined || token.decimals === undefined || token.decimals > 255) continue;
      const sources = candidates.get(token.address) ?? new Set();
      const symbol = token.symbol?.trim() || shortAddressSymbol(token.address);
      tokenInfo.set(token.address.toLowerCase(), { symbol, decimals: token.decimals });
      const row: BalanceRow = {
        key: token.address,
        symbol,
        name: token.name,
        address: token.address,
        balance: token.balance,
        decimals: token.decimals,
        unverified: sources.size === 1 && sources.has("received"),
      };
      if (row.balance > 0n || sources.has("governance")) holdings.push(row);
      else emptied.push(row);
    }
  }
  const rows: BalanceRow[] = balances.ok
    ? [
        {
          key: "native",
          symbol: native.symbol,
          name: chain?.nativeCurrency.name,
          address: undefined,
          balance: balances.value.eth ?? 0n,
          decimals: native.decimals,
          unverified: false,
        },
        ...holdings.sort((a, b) => rank(a, candidates) - rank(b, candidates) || a.symbol.localeCompare(b.symbol)),
      ]
    : [];

  const names = new Map(labels);
  const shown = outflowsByProposal.filter((proposal) => proposal.outflows.length > 0);
  const pageCount = executed.ok ? Math.max(1, Math.ceil(executed.value.total / PAGE_SIZE)) : 1;
  const treasuryLink = explorerUrl(daoExplorerUrl(config), { address: treasury });
  const indexerError = [received, executed].find((result) => !result.ok);

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="font-semibold text-2xl tracking-tight">Treasury</h1>
        <p className="mt-1 break-words text-muted-foreground text-sm">
          Held by the {dao?.timelock || config.timelock ? "timelock" : "governor"}{" "}
          {treasuryLink ? (
            <a href={treasuryLink} rel="noopener noreferrer" target="_blank" className="break-all font-mono underline">
              {treasury}
            </a>
          ) : (
            <span className="break-all font-mono">{treasury}</span>
          )}
          , which executes every passed proposal.
        </p>
      </div>

      {indexerError && !indexerError.ok ? (
        <IndexerAlert
          error={indexerError.error}
          what="The list of tokens received and the outflows of past proposals"
          stillWorks={
            balances.ok ? "Balances of the governance token and labelled tokens are read from the chain." : undefined
          }
        />
      ) : null}

      <section aria-labelledby="balances" className="flex flex-col gap-3">
        <h2 id="balances" className="font-semibold text-lg">
          Balances
        </h2>
        {balances.ok ? (
          <>
            <BalancesTable rows={rows} caption="Balances" explorer={daoExplorerUrl(config)} />
            {emptied.length > 0 ? (
              <details className="text-sm">
                <summary className="cursor-pointer font-medium text-accent">
                  {emptied.length} {emptied.length === 1 ? "token" : "tokens"} received before, now with a zero balance
                </summary>
                <div className="mt-3">
                  <BalancesTable
                    rows={emptied}
                    caption="Tokens with a zero balance"
                    explorer={daoExplorerUrl(config)}
                  />
                </div>
              </details>
            ) : null}
          </>
        ) : (
          <ChainProblemAlert problem={describeChainProblem(balances.error)}>
            The treasury’s balances are read live from the chain, so they cannot be shown right now. Reload the page to
            try again.
          </ChainProblemAlert>
        )}
      </section>

      <section aria-labelledby="outflows" className="flex scroll-mt-4 flex-col gap-3">
        <div>
          <h2 id="outflows" className="font-semibold text-lg">
            Outflows executed by proposals
          </h2>
          <p className="mt-1 text-muted-foreground text-sm">
            The {native.symbol} sent with each action and the ERC20 <code>transfer</code> calls of executed proposals,
            newest first. Other kinds of action (approvals, swaps, streams) are shown on each proposal’s page.
          </p>
        </div>
        {!executed.ok ? (
          <p className="text-muted-foreground text-sm">Outflows are unavailable while the indexer is unreachable.</p>
        ) : shown.length === 0 ? (
          <p className="rounded-xl border border-border border-dashed px-6 py-10 text-center text-muted-foreground text-sm">
            {executed.value.total === 0
              ? "No proposal has been executed yet."
              : "No executed proposal on this page moved funds out of the treasury."}
          </p>
        ) : (
          <OutflowsList
            slug={slug}
            proposals={shown}
            native={native}
            tokens={tokenInfo}
            names={names}
            explorer={daoExplorerUrl(config)}
          />
        )}
        {executed.ok && shown.length < outflowsByProposal.length && shown.length > 0 ? (
          <p className="text-muted-foreground text-xs">
            {outflowsByProposal.length - shown.length} executed{" "}
            {outflowsByProposal.length - shown.length === 1 ? "proposal" : "proposals"} on this page moved no funds and{" "}
            {outflowsByProposal.length - shown.length === 1 ? "is" : "are"} not listed.
          </p>
        ) : null}
        <PageLinks
          label="Outflows pages"
          param="page"
          page={page}
          pageCount={pageCount}
          previousText="← Newer"
          nextText="Older →"
          hash="outflows"
        />
      </section>
    </div>
  );
}

/** Holdings order: the governance token, then tokens someone vouched for, then the rest. */
function rank(row: BalanceRow, candidates: Map<Address, Set<string>>): number {
  const sources = row.address ? candidates.get(row.address as Address) : undefined;
  if (sources?.has("governance")) return 0;
  return row.unverified ? 2 : 1;
}

/** A token without a readable symbol is named by its address. */
function shortAddressSymbol(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
