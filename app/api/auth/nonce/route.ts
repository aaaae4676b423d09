import { auth } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return auth.routes.nonce(request);
}
