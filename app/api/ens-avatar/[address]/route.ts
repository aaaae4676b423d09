/**
 * GET /api/ens-avatar/<address>: the ENS avatar of an address with a verified name, fetched by the
 * server (lib/server/avatarFetch: public hosts only, images only, size- and time-capped) and served
 * from this origin, so readers' browsers never contact a host a name's owner picked. 404 when the
 * address has no verified name, no https avatar, or the image cannot be fetched; cached for an hour.
 */
import { isAddress } from "viem";
import { boundedCache } from "@/lib/cache/boundedCache";
import { lookupEnsProfiles } from "@/lib/chain/ensNames";
import { type AvatarImage, fetchAvatar } from "@/lib/server/avatarFetch";
import { anyEnsClient } from "@/lib/server/ens";

const images = boundedCache<Promise<AvatarImage | null>>({ maxEntries: 128, ttlMs: 60 * 60_000 });

function notFound(): Response {
  return new Response(null, { status: 404, headers: { "Cache-Control": "public, max-age=600" } });
}

async function avatarOf(address: `0x${string}`): Promise<AvatarImage | null> {
  const client = await anyEnsClient();
  if (!client) return null;
  const record = (await lookupEnsProfiles(client, [address])).get(address)?.avatar;
  if (!record) return null;
  try {
    return await fetchAvatar(record);
  } catch (error) {
    console.warn(`[commons] the ENS avatar of ${address} was not shown: ${(error as Error).message}`);
    return null;
  }
}

export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }) {
  const { address: raw } = await params;
  if (!isAddress(raw, { strict: false })) return notFound();
  const address = raw.toLowerCase() as `0x${string}`;
  let image = images.get(address);
  if (!image) {
    image = avatarOf(address);
    images.set(address, image);
  }
  const found = await image;
  if (!found) return notFound();
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": found.contentType,
      "Cache-Control": "public, max-age=3600",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
