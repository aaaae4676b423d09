import { describe, expect, it } from "vitest";
import { cookieAccount } from "./cookieAccount";

const address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

/** What wagmi 2 writes after connecting (`serialize` of its partialized state). */
function store(state: unknown) {
  return `wagmi.store=${JSON.stringify({ state, version: 2 })}`;
}

const connected = {
  connections: {
    __type: "Map",
    value: [
      [
        "c1",
        {
          accounts: [address],
          chainId: 31337,
          connector: { id: "io.commons.test", name: "Commons Test Wallet", type: "injected", uid: "c1" },
        },
      ],
    ],
  },
  chainId: 31337,
  current: "c1",
};

describe("cookieAccount", () => {
  it("reads the current connection's first account and chain", () => {
    expect(cookieAccount(`other=1; ${store(connected)}; wagmi.recentConnectorId="injected"`)).toEqual({
      address,
      chainId: 31337,
    });
  });

  it("accepts a URI-encoded value", () => {
    expect(cookieAccount(`wagmi.store=${encodeURIComponent(JSON.stringify({ state: connected }))}`)).toEqual({
      address,
      chainId: 31337,
    });
  });

  it("is null after a disconnect, or without a cookie", () => {
    expect(cookieAccount(store({ connections: { __type: "Map", value: [] }, chainId: 31337, current: null }))).toBe(
      null,
    );
    expect(cookieAccount(null)).toBeNull();
    expect(cookieAccount("session=abc")).toBeNull();
  });

  it("treats anything malformed as not connected", () => {
    expect(cookieAccount("wagmi.store={not json")).toBeNull();
    expect(cookieAccount(store({ ...connected, current: "c2" }))).toBeNull();
    const bad = (connection: unknown) =>
      cookieAccount(store({ ...connected, connections: { __type: "Map", value: [["c1", connection]] } }));
    expect(bad({ accounts: ["<script>"], chainId: 1 })).toBeNull();
    expect(bad({ accounts: [address], chainId: "1" })).toBeNull();
    expect(bad({ accounts: [], chainId: 1 })).toBeNull();
    expect(bad(null)).toBeNull();
  });
});
