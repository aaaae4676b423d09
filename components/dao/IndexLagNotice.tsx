/**
 * Says when the index lags the chain, and by how much (blocks and time): lists, votes and
 * history may then miss the newest events, while what pages read from the chain is current. An
 * indexer that is down, a chain that does not answer and a call that reverts are said by the
 * pages themselves (IndexerAlert, ChainProblemAlert), each in its own words.
 */
import { Alert } from "@/components/ui/alert";
import type { DaoConfig } from "@/lib/config/schema";
import { describeIndexLag } from "@/lib/indexer/indexLag";
import { loadIndexLag } from "@/lib/server/indexLag";

/** @example <IndexLagNotice config={config} /> */
export async function IndexLagNotice({ config, className }: { config: DaoConfig; className?: string }) {
  const lag = await loadIndexLag(config);
  if (lag?.kind === "behind") {
    return (
      <Alert tone="info" className={className} title={describeIndexLag(lag)}>
        Proposal lists, votes and history show what was indexed up to block {lag.indexedBlock.toLocaleString("en-US")}{" "}
        and may miss the newest events until the indexer catches up. States, tallies and voting power are read live from
        the chain and are current.
      </Alert>
    );
  }
  if (lag?.kind === "notStarted") {
    return (
      <Alert tone="info" className={className} title="The indexer has not reached this DAO’s blocks yet">
        Proposal lists, votes and history appear once its first blocks are indexed. States, tallies and voting power are
        read live from the chain.
      </Alert>
    );
  }
  return null;
}
