/**
 * The simulation API:
 * - `GET /api/daos/<dao>/proposals/<id>/simulation`: the proposal's report (made on first ask,
 *   then cached by proposal and block);
 * - `POST` on the same path: re-run it at the current block (rate-limited per client: a re-run
 *   forks the chain again);
 * - `POST /api/daos/<dao>/simulation` with `{ targets, values, calldatas, signatures? }`: content
 *   not proposed yet, as the propose form and drafts send it.
 * Every answer is a SimulationResult (`{ ok: true, report }` or `{ ok: false, problem }`); a
 * problem that is the server's (busy, forking impossible) answers 503.
 */
import "server-only";
import { getAddress, type Hex } from "viem";
import { z } from "zod";
import { maxActions } from "../../proposals/builder/buildProposal";
import type { SimulationResult } from "../../simulation/types";
import { rateLimit } from "../appRateLimit";
import { clientIp, crossOriginError, json, jsonError, readJsonBody } from "../http";
import { getIndexer } from "../indexer";
import { loadDao } from "../loadDao";
import { liveProposalState, simulateContent, simulateProposal } from ".";

function answer(result: SimulationResult): Response {
  if (result.ok) return json(result);
  const status = result.problem.kind === "notFound" ? 404 : result.problem.kind === "invalid" ? 400 : 503;
  return json(result, { status, ...(result.problem.kind === "busy" ? { headers: { "Retry-After": "30" } } : {}) });
}

async function readyDao(slug: string) {
  const loaded = await loadDao(slug);
  if (loaded.status === "notFound" || loaded.status === "misconfigured") {
    return jsonError(404, `No DAO "${slug}" on this server.`);
  }
  if (loaded.status !== "ready") {
    return answer({
      ok: false,
      problem: { kind: "rpc", title: loaded.problem.title, detail: loaded.problem.detail },
    });
  }
  return loaded;
}

const idPattern = /^\d{1,78}$/;

/**
 * GET (show) and POST (re-run) a proposal's simulation.
 *
 * @example export async function GET(request, { params }) { return proposalSimulationRoute(request, await params, "show"); }
 */
export async function proposalSimulationRoute(
  request: Request,
  params: { dao: string; id: string },
  what: "show" | "rerun",
): Promise<Response> {
  if (!idPattern.test(params.id) || BigInt(params.id) >= 2n ** 256n) {
    return jsonError(400, "id: must be a proposal id (a decimal number)", "id");
  }
  if (what === "rerun") {
    const crossOrigin = crossOriginError(request);
    if (crossOrigin) return crossOrigin;
    const limited = await rateLimit(`simulation-rerun:${clientIp(request)}`, 10, 60_000);
    if (limited) return limited;
  } else {
    const limited = await rateLimit(`simulation-show:${clientIp(request)}`, 60, 60_000);
    if (limited) return limited;
  }
  const ready = await readyDao(params.dao);
  if (ready instanceof Response) return ready;
  let proposal: Awaited<ReturnType<ReturnType<typeof getIndexer>["getProposal"]>>;
  try {
    proposal = await getIndexer().getProposal(params.dao, params.id);
  } catch {
    return answer({
      ok: false,
      problem: {
        kind: "notFound",
        title: "The proposal is not known here yet",
        detail: "The index does not have it (yet); its actions are needed to simulate it.",
      },
    });
  }
  const state = await liveProposalState(ready, BigInt(params.id)).catch(() => null);
  return answer(
    await simulateProposal(
      ready,
      {
        id: params.id,
        state,
        content: {
          targets: proposal.targets.map((target) => getAddress(target.toLowerCase())),
          values: proposal.values.map((value) => BigInt(value)),
          calldatas: proposal.calldatas as Hex[],
          signatures: proposal.signatures,
          description: proposal.description,
        },
      },
      { rerun: what === "rerun" },
    ),
  );
}

const hex = z.string().regex(/^0x(?:[0-9a-fA-F]{2}){0,24576}$/, "must be hex bytes (0x…), at most 24 KB");
const contentInput = z
  .object({
    targets: z
      .array(z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be an address"))
      .min(1, "needs at least one action")
      .max(maxActions, `at most ${maxActions} actions`),
    values: z.array(z.string().regex(/^\d{1,78}$/, "must be an amount in wei (a decimal number)")),
    calldatas: z.array(hex),
    signatures: z.array(z.string().max(1_000)).optional(),
  })
  .refine(
    (content) =>
      content.values.length === content.targets.length &&
      content.calldatas.length === content.targets.length &&
      (content.signatures === undefined || content.signatures.length === content.targets.length),
    { message: "targets, values, calldatas (and signatures) must have one entry per action", path: ["targets"] },
  );

/**
 * POST: simulate content not proposed yet.
 *
 * @example export async function POST(request, { params }) { return contentSimulationRoute(request, await params); }
 */
export async function contentSimulationRoute(request: Request, params: { dao: string }): Promise<Response> {
  const crossOrigin = crossOriginError(request);
  if (crossOrigin) return crossOrigin;
  const limited = await rateLimit(`simulation-content:${clientIp(request)}`, 30, 60_000);
  if (limited) return limited;
  const body = await readJsonBody(request, contentInput, 1_100_000);
  if (body instanceof Response) return body;
  const ready = await readyDao(params.dao);
  if (ready instanceof Response) return ready;
  return answer(
    await simulateContent(ready, {
      targets: body.targets.map((target) => getAddress(target.toLowerCase())),
      values: body.values.map((value) => BigInt(value)),
      calldatas: body.calldatas as Hex[],
      ...(body.signatures ? { signatures: body.signatures } : {}),
    }),
  );
}
