/**
 * Fetches an ENS avatar image on the server, for the avatar route, with the care a URL chosen by
 * a stranger needs: https only; the host name resolved once and every address it resolves to must
 * be public (no loopback, private, link-local, CGNAT or multicast ranges: the server must not be
 * turned against its own network), and the connection goes to exactly the checked address;
 * at most two redirects, each checked the same way; a size cap and a time limit; and the bytes must
 * be a PNG, JPEG, GIF or WebP image by their own signature (never SVG, which can carry script),
 * whatever Content-Type the server claims.
 *
 * No `server-only` guard: plain Node code, unit-tested by vitest.
 */
import { lookup as dnsLookup } from "node:dns";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { remoteAvatarUrl } from "../format/ensAvatar";

export type AvatarImage = { contentType: "image/png" | "image/jpeg" | "image/gif" | "image/webp"; bytes: Buffer };

export type AvatarFetchOptions = {
  /** Largest image accepted (default 256 KB). */
  maxBytes?: number;
  timeoutMs?: number;
  /** Tests only: the request function and lookup to use instead of https and the DNS. */
  request?: typeof httpsRequest;
  resolve?: LookupFunction;
  /** Tests only: also accept URLs remoteAvatarUrl refuses (a local test server). */
  allowAnyUrl?: boolean;
};

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/**
 * Whether an IP address is on the public internet (not this machine, its network or a reserved range).
 *
 * @example isPublicAddress("93.184.216.34") // true
 * @example isPublicAddress("10.1.2.3") // false
 */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  return !blocked.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/** A DNS lookup that fails unless every address the name resolves to is public. */
export function publicOnlyLookup(resolve: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = (Array.isArray(addresses) ? addresses : []) as { address: string; family: number }[];
      const first = list[0];
      if (!first || !list.every((entry) => isPublicAddress(entry.address))) {
        return callback(
          Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: "EPERM" }),
          "",
          0,
        );
      }
      if ((options as { all?: boolean }).all) return (callback as (e: null, a: unknown) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The image type of `bytes` from its signature, or null.
 *
 * @example sniffImage(Buffer.from("89504e470d0a1a0a", "hex")) // "image/png"
 */
export function sniffImage(bytes: Buffer): AvatarImage["contentType"] | null {
  if (bytes.subarray(0, 8).equals(Buffer.from("89504e470d0a1a0a", "hex"))) return "image/png";
  if (bytes.subarray(0, 3).equals(Buffer.from("ffd8ff", "hex"))) return "image/jpeg";
  const head = bytes.subarray(0, 6).toString("latin1");
  if (head === "GIF87a" || head === "GIF89a") return "image/gif";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") {
    return "image/webp";
  }
  return null;
}

function get(url: URL, options: Required<Pick<AvatarFetchOptions, "maxBytes" | "timeoutMs">> & AvatarFetchOptions) {
  return new Promise<{ status: number; location?: string; bytes: Buffer }>((resolve, reject) => {
    const request = (options.request ?? httpsRequest)(
      url,
      {
        method: "GET",
        lookup: publicOnlyLookup(options.resolve),
        timeout: options.timeoutMs,
        headers: { accept: "image/png,image/jpeg,image/gif,image/webp", "user-agent": "Commons avatar fetch" },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.resume();
          resolve({
            status,
            ...(response.headers.location ? { location: response.headers.location } : {}),
            bytes: Buffer.alloc(0),
          });
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        response.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > options.maxBytes) {
            request.destroy(new Error(`the image is larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, bytes: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("the image server did not answer in time")));
    request.on("error", reject);
    request.end();
  });
}

/**
 * @example const image = await fetchAvatar("https://example.org/me.png"); // { contentType, bytes }
 */
export async function fetchAvatar(record: string, options: AvatarFetchOptions = {}): Promise<AvatarImage> {
  const settings = { ...options, maxBytes: options.maxBytes ?? 256_000, timeoutMs: options.timeoutMs ?? 5_000 };
  let url = options.allowAnyUrl ? new URL(record) : remoteAvatarUrl(record);
  for (let hop = 0; hop <= 2; hop += 1) {
    if (!url) throw new Error("not an https image URL this app fetches");
    const { status, location, bytes } = await get(url, settings);
    if (location !== undefined) {
      const next = new URL(location, url);
      url = options.allowAnyUrl ? next : remoteAvatarUrl(next.href);
      continue;
    }
    if (status !== 200) throw new Error(`the image server answered HTTP ${status}`);
    const contentType = sniffImage(bytes);
    if (!contentType) throw new Error("the answer is not a PNG, JPEG, GIF or WebP image");
    return { contentType, bytes };
  }
  throw new Error("too many redirects");
}
