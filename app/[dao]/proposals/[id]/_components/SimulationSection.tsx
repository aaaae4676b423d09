/**
 * "Simulated execution": what executing the proposal would do, run on a fork of the DAO's chain
 * at its head (lib/server/simulation): made on the server on the page's first view and cached by
 * proposal and block; the block it ran at is shown, and anyone may re-run it at the current block.
 * The page waits for it at most COMMONS_SIMULATION_WAIT_MS (1500 ms; usually it is cached): a first
 * run that takes longer goes on in the background, and the section says so and shows it when done
 * (SimulationPending). Not streamed: a page must render whole without JavaScript.
 */
import { SimulationReport } from "@/components/simulation/SimulationReport";
import { Alert } from "@/components/ui/alert";
import type { ResolvedDao } from "@/lib/config/resolveDao";
import type { DaoConfig } from "@/lib/config/schema";
import type { ProposalContent } from "@/lib/governor/adapter";
import { simulateProposal } from "@/lib/server/simulation";
import { RerunSimulationButton } from "./RerunSimulationButton";
import { Section } from "./Section";
import { SimulationPending } from "./SimulationPending";

export type SimulationSectionProps = {
  ready: { config: DaoConfig; dao: ResolvedDao };
  proposalId: string;
  state: string | null;
  /** Exactly as proposed; null when the content is unknown or does not match the id. */
  content: ProposalContent | null;
};

const title = "Simulated execution";

/** How long the page waits for a simulation that is not cached yet. */
function waitMs(): number {
  const value = Number(process.env.COMMONS_SIMULATION_WAIT_MS);
  return Number.isFinite(value) && value >= 0 ? value : 1500;
}

/** @example <SimulationSection ready={loaded} proposalId={id} state="Active" content={content} /> */
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
  const { config, dao } = ready;
  const running = simulateProposal(ready, { id: proposalId, state, content });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = await Promise.race([
    running,
    new Promise<"pending">((resolve) => {
      timer = setTimeout(() => resolve("pending"), waitMs());
    }),
  ]).finally(() => clearTimeout(timer));
  if (result === "pending") {
    // It goes on: the report lands in the cache, where the next view (or the API) finds it.
    running.catch(() => undefined);
    return (
      <Section id="simulation" title={title}>
        <SimulationPending
          slug={config.slug}
          proposalId={proposalId}
          href={`/${config.slug}/proposals/${proposalId}`}
        />
      </Section>
    );
  }
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
