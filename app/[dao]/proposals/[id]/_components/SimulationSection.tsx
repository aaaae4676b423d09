/**
 * "Simulated execution": what executing the proposal would do, run on a fork of the DAO's chain
 * at its head (lib/server/simulation): made on the server on the page's first view and cached by
 * proposal and block; the block it ran at is shown, and anyone may re-run it at the current block.
 * Streamed in (Suspense) so the rest of the page never waits for it.
 */
import { SimulationReport } from "@/components/simulation/SimulationReport";
import { Alert } from "@/components/ui/alert";
import type { ResolvedDao } from "@/lib/config/resolveDao";
import type { DaoConfig } from "@/lib/config/schema";
import type { ProposalContent } from "@/lib/governor/adapter";
import { simulateProposal } from "@/lib/server/simulation";
import { RerunSimulationButton } from "./RerunSimulationButton";
import { Section } from "./Section";

export type SimulationSectionProps = {
  ready: { config: DaoConfig; dao: ResolvedDao };
  proposalId: string;
  state: string | null;
  /** Exactly as proposed; null when the content is unknown or does not match the id. */
  content: ProposalContent | null;
};

const title = "Simulated execution";

/** While the simulation runs. */
export function SimulationSkeleton() {
  return (
    <Section id="simulation" title={title}>
      <p className="text-muted-foreground text-sm" aria-busy="true">
        Simulating the execution on a fork of the chain…
      </p>
    </Section>
  );
}

/** @example <Suspense fallback={<SimulationSkeleton />}><SimulationSection ready={loaded} proposalId={id} state="Active" content={content} /></Suspense> */
export async function SimulationSection({ ready, proposalId, state, content }: SimulationSectionProps) {
  if (!content) {
    return (
      <Section id="simulation" title={title}>
        <p className="text-muted-foreground text-sm">
          Not simulated: the proposal’s actions are not known, or do not match its id.
        </p>
      </Section>
    );
  }
  const result = await simulateProposal(ready, { id: proposalId, state, content });
  const { config, dao } = ready;
  return (
    <Section id="simulation" title={title} aside={<RerunSimulationButton slug={config.slug} proposalId={proposalId} />}>
      {result.ok ? (
        <SimulationReport
          report={result.report}
          dao={{
            governor: dao.governor,
            timelock: dao.timelock,
            token: dao.token,
            tokenSymbol: dao.tokenSymbol,
            ...(config.labels ? { labels: config.labels } : {}),
          }}
        />
      ) : (
        <Alert tone="warning" title={result.problem.title}>
          {result.problem.detail}
        </Alert>
      )}
    </Section>
  );
}
