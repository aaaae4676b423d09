import { describe, expect, it } from "vitest";
import { explorerUrl } from "./explorerUrl";

const address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const tx = `0x${"ab".repeat(32)}`;

describe("explorerUrl", () => {
  it("builds address, transaction and block links", () => {
    expect(explorerUrl("https://etherscan.io/", { address })).toBe(`https://etherscan.io/address/${address}`);
    expect(explorerUrl("https://etherscan.io", { tx })).toBe(`https://etherscan.io/tx/${tx}`);
    expect(explorerUrl("https://etherscan.io", { block: 12n })).toBe("https://etherscan.io/block/12");
  });

  it("gives no link without an explorer or for a malformed value", () => {
    expect(explorerUrl(undefined, { address })).toBeUndefined();
    expect(explorerUrl("", { address })).toBeUndefined();
    expect(explorerUrl("https://etherscan.io", { address: "0x12/../../evil" })).toBeUndefined();
    expect(explorerUrl("https://etherscan.io", { tx: "0x12" })).toBeUndefined();
    expect(explorerUrl("https://etherscan.io", { block: "1; drop" })).toBeUndefined();
  });
});
