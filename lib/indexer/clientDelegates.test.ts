/** The client methods of the delegates and treasury pages: paths, query strings and parsing. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexerClient, IndexerResponseError } from "./client";

const address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const tx = `0x${"ab".repeat(32)}`;
const bodies: Record<string, unknown> = {
  [`/api/daos/demo/delegates/${address}`]: {
    address,
    votingPower: "5",
    delegatorsCount: 1,
    votesCount: 2,
    participation: { voted: 2, eligible: 3 },
  },
  [`/api/daos/demo/delegates/${address}/delegators`]: {
    items: [{ address, balance: "5", delegatedBlock: "11", delegatedTimestamp: 1_700_000_000 }],
    total: 1,
    limit: 20,
    offset: 0,
  },
  [`/api/daos/demo/delegates/${address}/voting-power`]: {
    items: [{ block: "11", timestamp: 1_700_000_000, previousVotes: "0", newVotes: "5", tx }],
    total: 1,
    limit: 1000,
    offset: 0,
  },
  [`/api/daos/demo/delegates/${address}/votes`]: {
    items: [
      {
        proposalId: "42",
        voter: address,
        support: 1,
        weight: "5",
        split: null,
        reason: "ok",
        params: "0x",
        block: "20",
        timestamp: 1_700_000_100,
        tx,
        proposalTitle: null,
      },
    ],
    total: 1,
    limit: 20,
    offset: 0,
  },
  "/api/daos/demo/treasury/tokens": {
    treasury: address,
    items: [{ token: address, firstBlock: "1", lastBlock: "2", transfersIn: 2 }],
  },
  "/api/daos/demo/proposals": { items: [], total: 0, limit: 20, offset: 0 },
  "/api/daos/old/delegates": {
    items: [{ address, votingPower: "5", delegatorsCount: 1, votesCount: 0 }],
    total: 1,
    limit: 20,
    offset: 0,
  },
  "/api/daos/bad/treasury/tokens": { treasury: "nope", items: [] },
};

let server: Server;
let baseUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.url ?? "");
    const body = bodies[new URL(request.url ?? "/", "http://x").pathname];
    response.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" });
    response.end(JSON.stringify(body ?? { error: "not found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("indexer client: delegates and treasury", () => {
  it("reads a delegate with participation, and an older indexer's delegates without it", async () => {
    const client = createIndexerClient(baseUrl);
    expect((await client.getDelegate("demo", address)).participation).toEqual({ voted: 2, eligible: 3 });
    expect((await client.listDelegates("old")).items[0]?.participation).toBeUndefined();
  });

  it("pages delegators, power history and votes", async () => {
    const client = createIndexerClient(baseUrl);
    expect((await client.listDelegators("demo", address, { limit: 5, offset: 10 })).items[0]?.delegatedBlock).toBe(
      "11",
    );
    expect((await client.listVotingPowerChanges("demo", address, { limit: 1000 })).items[0]?.newVotes).toBe("5");
    expect((await client.listVoterVotes("demo", address)).items[0]?.proposalTitle).toBeNull();
    expect(seen).toContain(`/api/daos/demo/delegates/${address}/delegators?limit=5&offset=10`);
    expect(seen).toContain(`/api/daos/demo/delegates/${address}/voting-power?limit=1000`);
  });

  it("filters proposals by status and lists treasury tokens", async () => {
    const client = createIndexerClient(baseUrl);
    await client.listProposals("demo", { status: ["queued", "executed"], limit: 50 });
    expect(seen).toContain("/api/daos/demo/proposals?limit=50&status=queued%2Cexecuted");
    expect((await client.listTreasuryTokens("demo")).items[0]?.transfersIn).toBe(2);
    await expect(client.listTreasuryTokens("bad")).rejects.toThrow(IndexerResponseError);
  });
});
