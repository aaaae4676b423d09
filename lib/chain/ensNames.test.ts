/**
 * ENS lookups against a stand-in for ENS's Universal Resolver on a local anvil running as chain 1
 * (harness/standIns/ensStandIn), through the same mainnet client and transport the server uses.
 */
import { type Address, createPublicClient, type PublicClient } from "viem";
import { mainnet } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnvilInstance, freePort, startAnvil } from "../../harness/anvil";
import { type EnsStandIn, installEnsStandIn } from "../../harness/standIns/ensStandIn";
import { anvilDevAccounts } from "./anvilDevAccounts";
import { looksLikeEnsName, lookupEnsNames, lookupEnsProfiles, resolveEnsAddress } from "./ensNames";
import { rpcRequestCounts, rpcTransport } from "./rpcTransport";

const [, lina, mallory, nameless, shouty] = anvilDevAccounts;
let anvil: AnvilInstance;
let ens: EnsStandIn;
let client: PublicClient;

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort(), chainId: 1 });
  ens = await installEnsStandIn(anvil.rpcUrl);
  await ens.setName(lina, "lina.eth", { avatar: "https://example.org/lina.png" });
  // Mallory's reverse record claims lina.eth, which resolves to Lina: it must not show.
  await ens.setName(mallory, "lina.eth", { forward: lina });
  // A primary name not in normalised form (upper case) could pass for another: not shown.
  await ens.setName(shouty, "SHOUTY.eth");
  client = createPublicClient({ chain: mainnet, transport: rpcTransport([anvil.rpcUrl]) }) as PublicClient;
});

afterAll(async () => {
  await anvil?.stop();
});

describe("looksLikeEnsName", () => {
  it("tells names from address prefixes", () => {
    expect(looksLikeEnsName("lina.eth")).toBe(true);
    expect(looksLikeEnsName("sub.dao.eth")).toBe(true);
    expect(looksLikeEnsName("0x7099")).toBe(false);
    expect(looksLikeEnsName("lina")).toBe(false);
    expect(looksLikeEnsName(".eth")).toBe(false);
    expect(looksLikeEnsName("a b.eth")).toBe(false);
  });
});

describe("resolveEnsAddress", () => {
  it("resolves a name (normalised first) through the Universal Resolver", async () => {
    expect(await resolveEnsAddress(client, "Lina.ETH")).toBe(lina);
    expect(await resolveEnsAddress(client, "nobody.eth")).toBeNull();
  });

  it("turns invalid names and a dead RPC into no result", async () => {
    expect(await resolveEnsAddress(client, "bad\u0000name.eth")).toBeNull();
    const dead = createPublicClient({
      chain: mainnet,
      transport: rpcTransport([`http://127.0.0.1:${await freePort()}`], { maxRounds: 1 }),
    }) as PublicClient;
    expect(await resolveEnsAddress(dead, "lina.eth")).toBeNull();
  });
});

describe("lookupEnsProfiles", () => {
  it("names an address whose primary name resolves back to it, with its avatar record", async () => {
    const profiles = await lookupEnsProfiles(client, [lina, mallory, nameless as Address, shouty]);
    expect([...profiles]).toEqual([[lina.toLowerCase(), { name: "lina.eth", avatar: "https://example.org/lina.png" }]]);
    expect([...(await lookupEnsNames(client, [lina]))]).toEqual([[lina.toLowerCase(), "lina.eth"]]);
  });

  it("answers again from its cache without asking the chain", async () => {
    await lookupEnsProfiles(client, [lina, nameless]);
    const before = rpcRequestCounts.get(anvil.rpcUrl);
    const again = await lookupEnsProfiles(client, [lina, nameless]);
    expect(again.get(lina.toLowerCase())?.name).toBe("lina.eth");
    expect(rpcRequestCounts.get(anvil.rpcUrl)).toBe(before);
  });

  it("gives up after the timeout", async () => {
    const slow = {
      getEnsName: () => new Promise(() => undefined),
      getEnsAddress: () => new Promise(() => undefined),
      getEnsText: () => new Promise(() => undefined),
    } as unknown as PublicClient;
    expect((await lookupEnsProfiles(slow, [lina], 20)).size).toBe(0);
  });
});
