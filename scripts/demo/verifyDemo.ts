/**
 * Checks a demo chain against its DemoDeployment: head block and every proposal's live state (and,
 * for Defeated ones, whether quorum or the majority defeated it), the flavour DAOs' proposals too. Used after seeding and after
 * loading a cached state, so a stale or corrupted cache is caught before anyone uses it.
 */
import { type PublicClient, parseAbi } from "viem";
import { demoGovernorAbi } from "../../contracts-abi/demoGovernor";
import { type DemoDeployment, governorStates } from "./types";

const stateAbi = parseAbi(["function state(uint256 proposalId) view returns (uint8)"]);

/** Why a proposal is Defeated: not enough For+Abstain, or not more For than Against. */
export async function defeatCause(
  client: PublicClient,
  governor: DemoDeployment["governor"],
  id: bigint,
): Promise<"quorum" | "majority"> {
  const base = { address: governor, abi: demoGovernorAbi } as const;
  const [[against, forVotes, abstain], snapshot] = await Promise.all([
    client.readContract({ ...base, functionName: "proposalVotes", args: [id] }),
    client.readContract({ ...base, functionName: "proposalSnapshot", args: [id] }),
  ]);
  const quorum = await client.readContract({ ...base, functionName: "quorum", args: [snapshot] });
  if (forVotes + abstain < quorum) return "quorum";
  if (forVotes <= against) return "majority";
  throw new Error(`proposal ${id} met quorum and majority; it should not be Defeated`);
}

/**
 * Lists every difference between the chain and `deployment` (empty when they agree).
 *
 * @example
 * const problems = await demoStateProblems(client, deployment); // [] on a good chain
 */
export async function demoStateProblems(client: PublicClient, deployment: DemoDeployment): Promise<string[]> {
  const problems: string[] = [];
  const head = Number(await client.getBlockNumber({ cacheTime: 0 }));
  if (head !== deployment.headBlock) problems.push(`head block is ${head}, expected ${deployment.headBlock}`);
  const states = await Promise.all(
    deployment.proposals.map((proposal) =>
      client.readContract({
        address: deployment.governor,
        abi: demoGovernorAbi,
        functionName: "state",
        args: [BigInt(proposal.id)],
      }),
    ),
  );
  for (const [index, proposal] of deployment.proposals.entries()) {
    const state = governorStates[states[index] ?? -1];
    if (state !== proposal.expectedState) {
      problems.push(`"${proposal.key}" is ${state}, expected ${proposal.expectedState}`);
    } else if (proposal.defeatedBy) {
      const cause = await defeatCause(client, deployment.governor, BigInt(proposal.id));
      if (cause !== proposal.defeatedBy)
        problems.push(`"${proposal.key}" lost by ${cause}, expected ${proposal.defeatedBy}`);
    }
  }
  if (!Array.isArray(deployment.flavours)) {
    problems.push("the deployment lists no flavour DAOs");
    return problems;
  }
  for (const flavour of deployment.flavours) {
    const flavourStates = await Promise.all(
      flavour.proposals.map((proposal) =>
        client.readContract({
          address: flavour.governor,
          abi: stateAbi,
          functionName: "state",
          args: [BigInt(proposal.id)],
        }),
      ),
    );
    for (const [index, proposal] of flavour.proposals.entries()) {
      const state = governorStates[flavourStates[index] ?? -1];
      if (state !== proposal.expectedState) {
        problems.push(`${flavour.slug} "${proposal.key}" is ${state}, expected ${proposal.expectedState}`);
      }
    }
  }
  return problems;
}

/**
 * Throws listing every difference between the chain and `deployment`.
 *
 * @example
 * await verifyDemoState(client, deployment);
 */
export async function verifyDemoState(client: PublicClient, deployment: DemoDeployment): Promise<void> {
  const problems = await demoStateProblems(client, deployment);
  if (problems.length > 0) throw new Error(`the demo chain is not in its seeded state:\n- ${problems.join("\n- ")}`);
}
