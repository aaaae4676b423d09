import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avatarSource } from "../format/ensAvatar";
import { fetchAvatar, isPublicAddress, publicOnlyLookup, sniffImage } from "./avatarFetch";

const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(32, 1)]);
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/me.png") return response.writeHead(200, { "content-type": "image/png" }).end(png);
    if (request.url === "/moved") return response.writeHead(302, { location: "/me.png" }).end();
    if (request.url === "/script.svg") {
      return response.writeHead(200, { "content-type": "image/png" }).end("<svg><script>alert(1)</script></svg>");
    }
    if (request.url === "/huge.png") return response.writeHead(200).end(Buffer.concat([png, Buffer.alloc(300_000)]));
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Over plain HTTP to the local server: the transport logic, without a certificate. */
const local = { request: httpRequest as never, allowAnyUrl: true };

describe("avatarSource", () => {
  const address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  it("shows small data: images inline and https images through this app's route, nothing else", () => {
    expect(avatarSource("data:image/png;base64,iVBORw0KGgo=", address)).toBe("data:image/png;base64,iVBORw0KGgo=");
    expect(avatarSource("https://example.org/me.png", address)).toBe(`/api/ens-avatar/${address.toLowerCase()}`);
    for (const record of [
      "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
      "eip155:1/erc721:0xb47e3cd837dDF8e4c57F05d70Ab865de6e193BBB/1",
      "http://example.org/me.png",
      "https://127.0.0.1/me.png",
      "https://localhost/me.png",
      "https://user:pw@example.org/me.png",
      "https://example.org:8443/me.png",
      "data:image/svg+xml;base64,PHN2Zz4=",
      "javascript:alert(1)",
    ]) {
      expect(avatarSource(record, address), record).toBeNull();
    }
  });
});

describe("fetchAvatar", () => {
  it("knows which addresses are public", () => {
    for (const ip of ["93.184.216.34", "2606:4700::1111"]) expect(isPublicAddress(ip), ip).toBe(true);
    for (const ip of ["127.0.0.1", "10.0.0.5", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "::1"]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    expect(isPublicAddress("fd00::1")).toBe(false);
    expect(isPublicAddress("::ffff:127.0.0.1")).toBe(false);
  });

  it("refuses a host that resolves to this machine or its network", async () => {
    const toLoopback: LookupFunction = (_host, _options, callback) =>
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: "127.0.0.1", family: 4 },
      ]);
    const port = new URL(base).port;
    await expect(
      fetchAvatar(`http://avatar.example:${port}/me.png`, { ...local, resolve: toLoopback }),
    ).rejects.toThrow(/non-public address/);
    const checked = await new Promise<unknown>((resolve) =>
      publicOnlyLookup(((_h, _o, cb) =>
        (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address: "93.184.216.34", family: 4 },
        ])) as LookupFunction)("example.org", {}, (error, address) => resolve(error ?? address)),
    );
    expect(checked).toBe("93.184.216.34");
  });

  it("returns an image by its own signature, follows a redirect, refuses scripts and oversize answers", async () => {
    expect(await fetchAvatar(`${base}/me.png`, local)).toEqual({ contentType: "image/png", bytes: png });
    expect((await fetchAvatar(`${base}/moved`, local)).contentType).toBe("image/png");
    await expect(fetchAvatar(`${base}/script.svg`, local)).rejects.toThrow(/not a PNG, JPEG, GIF or WebP/);
    await expect(fetchAvatar(`${base}/huge.png`, local)).rejects.toThrow(/larger than/);
    await expect(fetchAvatar(`${base}/missing.png`, local)).rejects.toThrow(/HTTP 404/);
    await expect(fetchAvatar("ipfs://bafy/me.png")).rejects.toThrow(/not an https image URL/);
  });

  it("sniffs the image formats", () => {
    expect(sniffImage(Buffer.from("ffd8ffe000", "hex"))).toBe("image/jpeg");
    expect(sniffImage(Buffer.from("GIF89a..."))).toBe("image/gif");
    expect(sniffImage(Buffer.from("RIFF0000WEBPVP8 "))).toBe("image/webp");
    expect(sniffImage(Buffer.from("<svg"))).toBeNull();
  });
});
