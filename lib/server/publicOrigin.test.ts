import { describe, expect, it } from "vitest";
import { metadataBaseFor, publicOrigins } from "./publicOrigin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("publicOrigins", () => {
  it("reads one or several origins, and nothing when unset", () => {
    expect(publicOrigins({})).toEqual([]);
    expect(
      publicOrigins({ COMMONS_PUBLIC_ORIGIN: " https://a.example/path , http://b.example:8080 " }).map(String),
    ).toEqual(["https://a.example/", "http://b.example:8080/"]);
    expect(() => publicOrigins({ COMMONS_PUBLIC_ORIGIN: "commons.example.org" })).toThrow(/COMMONS_PUBLIC_ORIGIN/);
    expect(() => publicOrigins({ COMMONS_PUBLIC_ORIGIN: "ftp://x.example" })).toThrow(/http\(s\) origin/);
  });
});

describe("metadataBaseFor", () => {
  it("prefers the configured origin, else the host the request addressed", () => {
    const env = { COMMONS_PUBLIC_ORIGIN: "https://commons.example.org,https://old.example.org" };
    expect(String(metadataBaseFor(headers({ host: "evil.example" }), env))).toBe("https://commons.example.org/");
    expect(String(metadataBaseFor(headers({ host: "127.0.0.1:3400" }), {}))).toBe("http://127.0.0.1:3400/");
    expect(
      String(
        metadataBaseFor(
          headers({ host: "internal:3000", "x-forwarded-host": "dao.example", "x-forwarded-proto": "https" }),
          {},
        ),
      ),
    ).toBe("https://dao.example/");
    expect(String(metadataBaseFor(headers({ host: "bad host" }), {}))).toBe("http://localhost:3000/");
  });
});
