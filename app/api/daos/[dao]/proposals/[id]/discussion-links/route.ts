/**
 * GET: the discussion links the proposer added. POST `{ url, signature }`: add one, signed by the
 * proposer (checked on chain, EIP-1271 included). See lib/server/discussionLinks/discussionLinksApi.ts.
 */

import { discussionLinkDeps } from "@/lib/server/discussionLinks";
import { addDiscussionLink, listDiscussionLinks } from "@/lib/server/discussionLinks/discussionLinksApi";

type Context = { params: Promise<{ dao: string; id: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { dao, id } = await params;
  return listDiscussionLinks(await discussionLinkDeps(), dao, id);
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { dao, id } = await params;
  return addDiscussionLink(await discussionLinkDeps(), request, dao, id);
}
