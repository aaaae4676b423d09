/**
 * GET: the proposal's execution simulated on a fork of the DAO's chain (cached by proposal and
 * block). POST: simulate it again at the current block. See lib/server/simulation/api.ts.
 */
import { proposalSimulationRoute } from "@/lib/server/simulation/api";

type Context = { params: Promise<{ dao: string; id: string }> };

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return proposalSimulationRoute(request, await params, "show");
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return proposalSimulationRoute(request, await params, "rerun");
}
