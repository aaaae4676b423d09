import { describe, expect, it } from "vitest";
import { shortAddress } from "./shortAddress";

describe("shortAddress", () => {
  it("keeps the prefix and the last characters", () => {
    expect(shortAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).toBe("0xf39F…2266");
    expect(shortAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 6)).toBe("0xf39Fd6…b92266");
  });

  it("leaves anything that is not an address alone", () => {
    expect(shortAddress("vitalik.eth")).toBe("vitalik.eth");
    expect(shortAddress("0x1234")).toBe("0x1234");
  });
});
