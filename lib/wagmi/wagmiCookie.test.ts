import { describe, expect, it } from "vitest";
import { wagmiCookie } from "./wagmiCookie";

describe("wagmiCookie", () => {
  it("keeps only wagmi's cookies", () => {
    expect(wagmiCookie('session=secret; wagmi.store={"state":{}}; wagmi.recentConnectorId="injected"; x=1')).toBe(
      'wagmi.store={"state":{}}; wagmi.recentConnectorId="injected"',
    );
  });

  it("returns null when there is none", () => {
    expect(wagmiCookie(null)).toBeNull();
    expect(wagmiCookie("session=secret; notwagmi.store=1")).toBeNull();
  });
});
