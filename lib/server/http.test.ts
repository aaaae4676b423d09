/** The request helpers: the client's address as rate limits count it, cross-site writes, NUL bytes in a body. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clientIp, clientNetwork, crossOriginError, readJsonBody } from "./http";

const request = (headers: Record<string, string>, body?: string) =>
  new Request("http://127.0.0.1:3000/api/x", {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("clientIp", () => {
  it("takes the last X-Forwarded-For hop (the one server.js or a trusted proxy wrote)", () => {
    expect(clientIp(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    // X-Real-IP is whatever the client sent: ignored.
    expect(clientIp(request({ "x-real-ip": "6.6.6.6" }))).toBe("unknown");
  });

  it("counts an IPv6 client as its /64", () => {
    expect(clientNetwork("2001:db8:1:2:aa:bb:cc:dd")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8:1:2::ff")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:0db8:0001:0002:0:0:0:1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(clientNetwork("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("198.51.100.4")).toBe("198.51.100.4");
  });
});

describe("crossOriginError", () => {
  it("refuses another site's Origin; with public hosts, anything but them", () => {
    const write = (origin: string, host = "127.0.0.1:3000") =>
      new Request(`http://${host}/api/x`, { method: "POST", headers: { origin, host } });
    expect(crossOriginError(write("http://127.0.0.1:3000"))).toBeUndefined();
    expect(crossOriginError(write("https://evil.example"))?.status).toBe(403);
    expect(crossOriginError(write("https://commons.example.org"), ["commons.example.org"])).toBeUndefined();
    // A forged Host equal to the forged Origin does not help once the public host is known.
    expect(crossOriginError(write("https://evil.example", "evil.example"), ["commons.example.org"])?.status).toBe(403);
  });
});

describe("readJsonBody", () => {
  const schema = z.object({ a: z.array(z.object({ b: z.string() })) });

  it("refuses a NUL character with a 400 naming its field", async () => {
    const result = await readJsonBody(request({}, JSON.stringify({ a: [{ b: "x\u0000y" }] })), schema, 1_000);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(400);
    expect(await (result as Response).json()).toEqual({
      error: "a[0].b: must not contain NUL characters (U+0000)",
      field: "a[0].b",
    });
  });

  it("checks a deeply nested body in linear time without overflowing the stack", async () => {
    const depth = 200_000;
    const body = `${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`;
    const started = Date.now();
    const result = await readJsonBody(request({}, body), z.unknown(), 1_000_000);
    expect((result as Response).status).toBe(400);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
