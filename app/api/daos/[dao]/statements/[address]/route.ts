import { statements } from "@/lib/server/statements";

type Context = { params: Promise<{ dao: string; address: string }> };

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: Context): Promise<Response> {
  return statements.GET(request, await context.params);
}

export async function PUT(request: Request, context: Context): Promise<Response> {
  return statements.PUT(request, await context.params);
}
