/**
 * POST `{ targets, values, calldatas, signatures? }`: a proposal not on chain yet (the propose
 * form, a draft) simulated on a fork of the DAO's chain. See lib/server/simulation/api.ts.
 */
import { contentSimulationRoute } from "@/lib/server/simulation/api";

type Context = { params: Promise<{ dao: string }> };

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return contentSimulationRoute(request, await params);
}
