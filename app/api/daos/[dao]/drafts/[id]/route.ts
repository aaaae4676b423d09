/**
 * GET: a draft, read-only, for anyone with its link. PUT: its author saves it (naming the version
 * edited; 409 when stale). PATCH: record the proposal it became (checked on chain). See
 * lib/server/drafts/draftsApi.ts.
 */

import { draftsDeps } from "@/lib/server/drafts";
import { readDraft, recordDraftProposal, updateMyDraft } from "@/lib/server/drafts/draftsApi";

type Context = { params: Promise<{ dao: string; id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { dao, id } = await params;
  return readDraft(await draftsDeps(), dao, id);
}

export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const { dao, id } = await params;
  return updateMyDraft(await draftsDeps(), request, dao, id);
}

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const { dao, id } = await params;
  return recordDraftProposal(await draftsDeps(), request, dao, id);
}
