import { auth } from "@/lib/server/auth";

export function POST(request: Request): Promise<Response> {
  return auth.routes.logout(request);
}
