import { describe, expect, it } from "vitest";
import {
  likeLiteral,
  ParamError,
  readAddress,
  readAddressPrefix,
  readPage,
  readProposalId,
  readSearch,
  readStatuses,
  readSupport,
  readVoteSort,
} from "./params";

const query = (values: Record<string, string | undefined>) => (name: string) => values[name];

describe("API parameters", () => {
  it("reads limit and offset with defaults and bounds", () => {
    expect(readPage(query({}))).toEqual({ limit: 20, offset: 0 });
    expect(readPage(query({ limit: "100", offset: "40" }))).toEqual({ limit: 100, offset: 40 });
    for (const bad of [
      { limit: "0" },
      { limit: "101" },
      { limit: "1.5" },
      { limit: "-1" },
      { offset: "-1" },
      { offset: "1e3" },
    ]) {
      expect(() => readPage(query(bad))).toThrow(ParamError);
    }
  });

  it("reads a proposal id as a uint256", () => {
    expect(readProposalId("0")).toBe(0n);
    expect(readProposalId(String(2n ** 256n - 1n))).toBe(2n ** 256n - 1n);
    for (const bad of ["", "-1", "0x10", "1 ", String(2n ** 256n)])
      expect(() => readProposalId(bad)).toThrow(ParamError);
  });

  it("reads addresses and address prefixes in any case, lowercased", () => {
    expect(readAddress("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toBe(
      "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
    );
    expect(() => readAddress("0xf39f")).toThrow(ParamError);
    expect(readAddressPrefix("F39F")).toBe("0xf39f");
    expect(readAddressPrefix(" 0x ")).toBe("0x");
    expect(readAddressPrefix(undefined)).toBeUndefined();
    expect(() => readAddressPrefix("vitalik")).toThrow(ParamError);
  });

  it("reads support, sort and search", () => {
    expect(readSupport(undefined)).toBeUndefined();
    expect(readSupport("2")).toBe(2);
    expect(() => readSupport("3")).toThrow(ParamError);
    expect(readVoteSort(undefined)).toBe("weight");
    expect(readVoteSort("recent")).toBe("recent");
    expect(() => readVoteSort("random")).toThrow(ParamError);
    expect(readSearch("  grants ")).toBe("grants");
    expect(readSearch("   ")).toBeUndefined();
    expect(() => readSearch("x".repeat(201))).toThrow(ParamError);
    // A NUL made PostgreSQL fail the query (HTTP 500): a 400 naming q instead.
    expect(() => readSearch("grants\u0000")).toThrow("q must not contain control characters");
    expect(() => readSearch("a\tb")).toThrow(ParamError);
  });

  it("escapes LIKE wildcards", () => {
    expect(likeLiteral("100%_\\")).toBe("100\\%\\_\\\\");
  });
});

describe("API parameters of the delegates and treasury pages", () => {
  it("lets a route raise the page size limit", () => {
    expect(readPage(query({ limit: "1000" }), 1000)).toEqual({ limit: 1000, offset: 0 });
    expect(() => readPage(query({ limit: "1001" }), 1000)).toThrow(ParamError);
  });

  it("reads a list of indexed statuses", () => {
    expect(readStatuses(undefined)).toBeUndefined();
    expect(readStatuses("")).toBeUndefined();
    expect(readStatuses("executed")).toEqual(["executed"]);
    expect(readStatuses("queued, executed,queued")).toEqual(["queued", "executed"]);
    expect(() => readStatuses("executed,active")).toThrow(ParamError);
  });
});
