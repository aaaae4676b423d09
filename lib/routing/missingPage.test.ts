import { describe, expect, it } from "vitest";
import { daoSlugs, isMissingPage } from "./missingPage";

describe("isMissingPage", () => {
  const slugs = ["demo", "nft"];
  it("names what cannot exist: an unknown DAO, a malformed id or address", () => {
    for (const path of [
      "/nope",
      "/nope/proposals/1",
      "/demo/proposals/12ab",
      `/demo/proposals/${2n ** 256n}`,
      "/demo/delegates/0x1234",
      "/demo/drafts/nope",
      `/demo/drafts/${"A".repeat(32)}`,
    ]) {
      expect(isMissingPage(path, slugs), path).toBe(true);
    }
  });

  it("leaves everything that may exist to the page", () => {
    for (const path of [
      "/",
      "/demo",
      "/demo/about",
      "/demo/proposals/new",
      "/demo/proposals/123/votes.csv",
      "/demo/delegates/delegates.csv",
      `/demo/delegates/0x${"ab".repeat(20)}/votes.csv`,
      "/demo/proposals/123",
      "/demo/proposals/123/discussion",
      `/nft/delegates/0x${"ab".repeat(20)}`,
      `/demo/drafts/${"0".repeat(32)}`,
      "/_next/static/x.js",
      "/robots.txt",
      "/icon.svg",
      "/opengraph-image",
      "/sitemap.xml",
    ]) {
      expect(isMissingPage(path, slugs), path).toBe(false);
    }
  });

  it("reads the slugs of a config, or nothing from a broken one", () => {
    expect(daoSlugs('{"daos":[{"slug":"demo"},{"slug":"nft"}]}')).toEqual(["demo", "nft"]);
    expect(daoSlugs("{nope")).toBeUndefined();
    expect(daoSlugs('{"daos":[{"name":"x"}]}')).toBeUndefined();
  });
});
