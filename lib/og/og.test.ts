import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readPng, withPngText } from "./pngText";
import { previewText } from "./previewText";
import { proposalPreview } from "./proposalPreview";

/** A valid 1×1 PNG, built here. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 0]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("previewText", () => {
  it("keeps what the bundled font draws, drops emoji and hidden characters, clips", () => {
    expect(previewText("Fund the grants 🚀 program", 80)).toBe("Fund the grants program");
    expect(previewText("Café déjà vu – “quoted”", 80)).toBe("Café déjà vu – “quoted”");
    expect(previewText("evil\u202Etxt.exe\u200B", 80)).toBe("evil txt.exe");
    expect(previewText("A".repeat(100), 10)).toBe(`${"A".repeat(9)}…`);
    expect(previewText("资助计划", 80, "Proposal 12")).toBe("Proposal 12");
  });
});

describe("withPngText", () => {
  it("adds a Title the PNG still carries, and keeps the image valid", () => {
    const titled = withPngText(tinyPng(), "Title", "Fund the grants program ✓");
    expect(readPng(titled)).toEqual({ width: 1, height: 1, texts: { Title: "Fund the grants program ✓" } });
    expect(() => withPngText(Buffer.from("GIF89a"), "Title", "x")).toThrow(/not a PNG/);
  });
});

describe("proposalPreview", () => {
  const base = {
    daoName: "Demo DAO",
    chainName: "Foundry",
    id: "4242",
    title: "Fund the grants 🚀 program",
    state: "Active",
    countingMode: "support=bravo&quorum=for,abstain",
    quorum: 100n,
  };

  it("shows the title, the live state and each side's share", () => {
    const tallies = { forVotes: 60n, againstVotes: 30n, abstainVotes: 10n };
    // For and Abstain count toward quorum here: 70 of 100.
    expect(proposalPreview({ ...base, tallies }).detail).toBe("Votes so far · 70% of quorum");
    const preview = proposalPreview({ ...base, tallies, quorum: 70n });
    expect(preview).toEqual({
      eyebrow: "Demo DAO · Foundry",
      title: "Fund the grants program",
      badge: { label: "Active", color: "#2563eb" },
      results: [
        { label: "For", share: 60, color: "#059669" },
        { label: "Against", share: 30, color: "#dc2626" },
        { label: "Abstain", share: 10, color: "#a1a1aa" },
      ],
      detail: "Votes so far · quorum reached",
    });
  });

  it("says when nothing is known yet", () => {
    expect(proposalPreview({ ...base, tallies: { forVotes: 0n, againstVotes: 0n, abstainVotes: 0n } })).toMatchObject({
      detail: "No votes yet",
    });
    expect(proposalPreview({ ...base, title: "资助", state: undefined, tallies: null })).toMatchObject({
      title: "Proposal 4242",
      badge: { label: "Unknown" },
      detail: "Results unavailable",
    });
  });
});
