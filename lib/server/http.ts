/**
 * Small helpers for the app's JSON API routes: errors in one shape (`{ error, field? }`, the
 * message naming the field), bounded JSON bodies validated with zod, the request's own host and
 * scheme (for SIWE's domain and the cookie's Secure flag) and the client's address (for rate
 * limits, which live in ./rateLimit.ts).
 *
 * The X-Forwarded-* headers read here are trustworthy only because `npm start` (server.js)
 * rewrites them from the socket unless the peer is a configured proxy (COMMONS_TRUSTED_PROXIES).
 *
 * No `server-only` guard: pure Web Request/Response code, unit-tested by vitest.
 */
import type { z } from "zod";

export type ApiError = { error: string; field?: string };

/**
 * @example return jsonError(400, "statement: must be at most 20,000 characters", "statement");
 */
export function jsonError(status: number, message: string, field?: string, headers?: HeadersInit): Response {
  const body: ApiError = field ? { error: message, field } : { error: message };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headersObject(headers) } });
}

/** A JSON answer that no cache keeps (everything here is per user or changes at once). */
export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, {
    ...init,
    headers: { "Cache-Control": "no-store", ...headersObject(init.headers) },
  });
}

function headersObject(headers: HeadersInit | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers) {
    new Headers(headers).forEach((value, key) => {
      result[key] = value;
    });
  }
  return result;
}

/** A zod issue path as a field name: ["links", 2, "url"] → "links[2].url". */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = "";
  for (const part of path) {
    if (typeof part === "number") name += `[${part}]`;
    else name += name ? `.${String(part)}` : String(part);
  }
  return name || "body";
}

/**
 * Reads at most `maxBytes` of JSON from the request and validates it. Returns the parsed value, or
 * a Response to return as is: 413 when too large, 415 when not JSON, 400 naming the first bad field.
 *
 * @example
 * const body = await readJsonBody(request, statementInput, 64_000);
 * if (body instanceof Response) return body;
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S> | Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return jsonError(415, "Send the body as JSON (Content-Type: application/json).", "body");
  }
  const tooLarge = () =>
    jsonError(413, `The request is too large (at most ${maxBytes.toLocaleString("en")} bytes).`, "body");
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  let text = "";
  if (request.body) {
    const reader = request.body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return jsonError(400, "The body is not valid JSON.", "body");
  }
  // No text column can hold U+0000 (PostgreSQL refuses it): say which field instead of failing later.
  const nul = nulPath(value);
  if (nul) {
    const field = fieldName(nul.slice(0, 20));
    return jsonError(400, `${field}: must not contain NUL characters (U+0000)`, field);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldName(issue?.path ?? []);
    return jsonError(400, `${field}: ${issue?.message ?? "is invalid"}`, field);
  }
  return parsed.data;
}

type PathNode = { key: PropertyKey; parent: PathNode | undefined } | undefined;

function pathOf(node: PathNode): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = node; at; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The path of the first string (or key) holding U+0000 in a parsed JSON value, or undefined.
 * Iterative, with the path built only when found: a body of 100,000 nested arrays costs linear time.
 */
function nulPath(root: unknown): PropertyKey[] | undefined {
  const pending: [unknown, PathNode][] = [[root, undefined]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, node] = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return pathOf(node);
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        pending.push([value[index], { key: index, parent: node }]);
      }
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        if (key.includes("\u0000")) return pathOf({ key: key.replaceAll("\u0000", ""), parent: node });
      }
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index] as [string, unknown];
        pending.push([item, { key, parent: node }]);
      }
    }
  }
  return undefined;
}

/** The host the browser addressed (proxy's X-Forwarded-Host first), e.g. "localhost:3000". */
export function requestHost(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("host") || new URL(request.url).host;
}

/** Whether the browser reached us over https (directly or through a proxy). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded || new URL(request.url).protocol.replace(":", "")) === "https";
}

/**
 * The client's address for anonymous rate limits: the last X-Forwarded-For hop (server.js sets it
 * to the socket's peer, or to the nearest hop its trusted proxies did not add), or "unknown". An
 * IPv6 client counts as its /64 network, the block one subscriber usually gets, so rotating
 * through its addresses does not multiply its allowance.
 *
 * @example clientIp(request) // "203.0.113.7", or "2001:db8:1:2::/64"
 */
export function clientIp(request: Request): string {
  const hops = request.headers.get("x-forwarded-for")?.split(",") ?? [];
  const last = hops[hops.length - 1]?.trim();
  return last ? clientNetwork(last) : "unknown";
}

/**
 * An address as the unit rate limits count: IPv4 as is, IPv6 as its /64 network.
 *
 * @example clientNetwork("2001:db8:1:2:aa:bb:cc:dd") // "2001:db8:1:2::/64"
 */
export function clientNetwork(address: string): string {
  const ip = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ip.includes(":")) return ip.slice(0, 64);
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.slice(7);
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return ip.slice(0, 64);
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * For writes: a browser sends Origin on cross-site requests; refuse one from another host than
 * the request's (or, when given, than the app's public hosts). SameSite=Lax already keeps the
 * cookie off cross-site POSTs; this is a second line.
 */
export function crossOriginError(request: Request, hosts?: readonly string[]): Response | undefined {
  const origin = request.headers.get("origin");
  if (!origin) return undefined;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return jsonError(403, "The request came from another site.");
  }
  const allowed = hosts && hosts.length > 0 ? hosts : [requestHost(request)];
  return allowed.includes(host) ? undefined : jsonError(403, "The request came from another site.");
}
