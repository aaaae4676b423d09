/**
 * Small helpers for the app's JSON API routes: errors in one shape (`{ error, field? }`, the
 * message naming the field), bounded JSON bodies validated with zod, per-key rate limits, and
 * the request's own host and scheme (for SIWE's domain and the cookie's Secure flag).
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
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldName(issue?.path ?? []);
    return jsonError(400, `${field}: ${issue?.message ?? "is invalid"}`, field);
  }
  return parsed.data;
}

type Window = { start: number; count: number };
const rateKey = Symbol.for("commons.rateLimits");
type RateHolder = { [rateKey]?: Map<string, Window> };

/**
 * Fixed-window rate limit per key (in this process's memory: one app server, or a per-server
 * limit behind several). Returns undefined when allowed, else a 429 Response with Retry-After.
 *
 * @example
 * const limited = rateLimit(`statements:${session.address}`, 20, 60_000);
 * if (limited) return limited;
 */
export function rateLimit(
  key: string,
  limit: number,
  windowMs: number,
  now: number = Date.now(),
): Response | undefined {
  const holder = globalThis as RateHolder;
  holder[rateKey] ??= new Map();
  const windows = holder[rateKey];
  if (windows.size > 10_000) {
    for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
  }
  let window = windows.get(key);
  if (!window || now - window.start >= windowMs) {
    window = { start: now, count: 0 };
    windows.set(key, window);
  }
  window.count += 1;
  if (window.count <= limit) return undefined;
  const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
  return jsonError(429, `Too many requests. Try again in ${retryAfter} s.`, undefined, {
    "Retry-After": String(retryAfter),
  });
}

/** Forget every rate-limit window (tests). */
export function resetRateLimits(): void {
  (globalThis as RateHolder)[rateKey]?.clear();
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

/** The client's address for anonymous rate limits (first X-Forwarded-For hop), or "unknown". */
export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}

/**
 * For writes: a browser sends Origin on cross-site requests; refuse one from another host
 * (SameSite=Lax already keeps the cookie off cross-site POSTs; this is a second line).
 */
export function crossOriginError(request: Request): Response | undefined {
  const origin = request.headers.get("origin");
  if (!origin) return undefined;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return jsonError(403, "The request came from another site.");
  }
  return host === requestHost(request) ? undefined : jsonError(403, "The request came from another site.");
}
