import { type Address, encodeFunctionData, getAddress, parseAbi } from "viem";
import { afterEach, describe, expect, it } from "vitest";
import { type SourcifyStandIn, startSourcifyStandIn } from "../../harness/standIns/sourcifyStandIn";
import { decodeAction } from "./decodeAction";
import { verifiedAbis } from "./verifiedAbis";

const verified: Address = "0x1111111111111111111111111111111111111111";
const unverified: Address = "0x2222222222222222222222222222222222222222";
const broken: Address = "0x3333333333333333333333333333333333333333";
const feeAbi = parseAbi(["function setFeeTo(address feeTo)", "function feeTo() view returns (address)"]);

const standIns: SourcifyStandIn[] = [];

async function sourcifyStandIn(
  answers: Record<string, { abi: readonly unknown[]; status?: number; delayMs?: number }>,
) {
  const standIn = await startSourcifyStandIn();
  standIns.push(standIn);
  for (const [key, answer] of Object.entries(answers)) {
    const [chainId, address] = key.split("/");
    standIn.register(Number(chainId), address as Address, answer);
  }
  return standIn;
}

afterEach(async () => {
  for (const standIn of standIns.splice(0)) await standIn.stop();
});

describe("verifiedAbis", () => {
  it("asks nothing when no Sourcify server is configured", async () => {
    let asked = false;
    const found = await verifiedAbis(undefined, 1, [verified], {
      fetch: (async () => {
        asked = true;
        return new Response("{}");
      }) as typeof fetch,
    });
    expect(found.size).toBe(0);
    expect(asked).toBe(false);
  });

  it("returns the verified ABI of a target, caches it, and decodes its calls as verified source", async () => {
    const standIn = await sourcifyStandIn({
      [`31337/${getAddress(verified)}`]: { abi: feeAbi },
    });
    const found = await verifiedAbis(standIn.url, 31337, [verified, unverified, verified]);
    expect([...found.keys()]).toEqual([verified.toLowerCase()]);
    expect(standIn.requests.sort()).toEqual([
      `/server/v2/contract/31337/${getAddress(verified)}?fields=abi`,
      `/server/v2/contract/31337/${getAddress(unverified)}?fields=abi`,
    ]);
    // Both answers are cached: a second page view asks nothing.
    await verifiedAbis(standIn.url, 31337, [verified, unverified]);
    expect(standIn.requests).toHaveLength(2);

    const calldata = encodeFunctionData({ abi: feeAbi, functionName: "setFeeTo", args: [unverified] });
    const dao = { governor: broken, token: broken, timelock: null };
    const action = { target: verified, value: 0n, signature: "", calldata };
    expect(decodeAction(action, dao, found).call).toMatchObject({
      kind: "decoded",
      source: "verified",
      signature: "setFeeTo(address)",
    });
    expect(decodeAction(action, dao).call).toMatchObject({ kind: "unknown" });
  });

  it("ignores an invalid ABI and a server that fails or is slow, and asks again later", async () => {
    const standIn = await sourcifyStandIn({
      [`1/${getAddress(verified)}`]: {
        abi: [{ type: "function", name: "f", inputs: [{ name: "x", type: "uint257" }] }],
      },
      [`1/${getAddress(broken)}`]: { abi: [], status: 500 },
      [`1/${getAddress(unverified)}`]: { abi: feeAbi, delayMs: 500 },
    });
    const found = await verifiedAbis(standIn.url, 1, [verified, broken, unverified], { timeoutMs: 100 });
    expect(found.size).toBe(0);
    // Failures are not cached.
    await verifiedAbis(standIn.url, 1, [verified, broken]);
    expect(standIn.requests.filter((url) => url.includes(getAddress(broken)))).toHaveLength(2);
  });
});
