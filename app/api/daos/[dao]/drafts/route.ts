/** GET: your drafts in this DAO (signed in). POST: create one. See lib/server/drafts/draftsApi.ts. */

import { draftsDeps } from "@/lib/server/drafts";
import { createMyDraft, listMyDrafts } from "@/lib/server/drafts/draftsApi";

type Context = { params: Promise<{ dao: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { dao } = await params;
  return listMyDrafts(await draftsDeps(), request, dao);
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { dao } = await params;
  return createMyDraft(await draftsDeps(), request, dao);
}
