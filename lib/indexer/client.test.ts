import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexerClient, IndexerNotFoundError, IndexerResponseError, IndexerUnavailableError } from "./client";
import type { IndexedProposal, IndexedVote } from "./types";

const proposal: IndexedProposal = {
  id: "4242",
  chainId: 31337,
  governor: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  proposer: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  targets: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
  values: ["0"],
  signatures: [""],
  calldatas: ["0x"],
  description: "# Title\n\nbody",
  title: "Title",
  voteStart: "12",
  voteEnd: "78",
  originalVoteEnd: "72",
  extendedVoteEnd: "78",
  createdBlock: "2",
  createdTimestamp: 1_700_000_000,
  createdTx: `0x${"ab".repeat(32)}`,
  forVotes: "1000000000000000000000",
  againstVotes: "0",
  abstainVotes: "0",
  voteCount: 1,
  status: "created",
  eta: null,
  queuedBlock: null,
  queuedTx: null,
  executedBlock: null,
  executedTx: null,
  canceledBlock: null,
  canceledTx: null,
};

/** A fractional voter's row: a split, then a nominal For vote for the rest. */
const splitVote: IndexedVote = {
  proposalId: "4242",
  voter: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  support: 255,
  weight: "300",
  split: { againstVotes: "10", forVotes: "240", abstainVotes: "50" },
  reason: "",
  params: "0x",
  block: "20",
  timestamp: 1_700_000_100,
  tx: `0x${"cd".repeat(32)}`,
};

type Route = (request: IncomingMessage, response: ServerResponse) => void;

const json =
  (status: number, body: unknown): Route =>
  (_, response) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

let server: Server;
let baseUrl: string;
let routes: Record<string, Route> = {};
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.url ?? "");
    const route = routes[new URL(request.url ?? "/", "http://x").pathname];
    if (route) route(request, response);
    else json(404, { error: "not found" })(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("createIndexerClient", () => {
  it("parses a page of proposals and passes the query", async () => {
    routes = {
      "/api/daos/demo/proposals": json(200, { items: [proposal], total: 1, limit: 5, offset: 10 }),
    };
    const page = await createIndexerClient(baseUrl).listProposals("demo", { limit: 5, offset: 10, q: "a b&c" });
    expect(page.items[0]?.title).toBe("Title");
    expect(page.total).toBe(1);
    expect(seen.at(-1)).toBe("/api/daos/demo/proposals?limit=5&offset=10&q=a+b%26c");
  });

  it("reads one proposal, its votes, delegates, an account and the status", async () => {
    const address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    routes = {
      "/api/daos/demo/proposals/4242": json(200, proposal),
      "/api/daos/demo/proposals/4242/votes": json(200, { items: [splitVote], total: 1, limit: 20, offset: 0 }),
      "/api/daos/demo/delegates": json(200, {
        items: [{ address, votingPower: "5", delegatorsCount: 1, votesCount: 2 }],
        total: 1,
        limit: 20,
        offset: 0,
      }),
      [`/api/daos/demo/accounts/${address}`]: json(200, {
        address,
        balance: "5",
        delegate: address,
        votingPower: "5",
        delegatorsCount: 1,
      }),
      "/api/status": json(200, { daos: [{ slug: "demo", chainId: 31337, governor: address, indexedBlock: "9" }] }),
    };
    const indexer = createIndexerClient(baseUrl);
    expect((await indexer.getProposal("demo", 4242n)).id).toBe("4242");
    expect((await indexer.getProposal("demo", 4242n)).extendedVoteEnd).toBe("78");
    expect((await indexer.listVotes("demo", "4242", { support: 1, sort: "recent" })).items).toEqual([splitVote]);
    expect(seen.at(-1)).toBe("/api/daos/demo/proposals/4242/votes?support=1&sort=recent");
    await indexer.listVotes("demo", "4242", { voter: address });
    expect(seen.at(-1)).toBe(`/api/daos/demo/proposals/4242/votes?voter=${address}`);
    expect((await indexer.listDelegates("demo", { q: "0x7099" })).items[0]?.votesCount).toBe(2);
    expect((await indexer.getAccount("demo", address)).delegate).toBe(address);
    expect((await indexer.status()).daos[0]?.indexedBlock).toBe("9");
  });

  it("throws IndexerNotFoundError on 404 with the indexer's message", async () => {
    routes = { "/api/daos/demo/proposals/1": json(404, { error: "unknown proposal 1" }) };
    const failure = createIndexerClient(baseUrl).getProposal("demo", 1n);
    await expect(failure).rejects.toBeInstanceOf(IndexerNotFoundError);
    await expect(failure).rejects.toThrow(/unknown proposal 1/);
  });

  it("throws IndexerResponseError when the body breaks the contract", async () => {
    routes = { "/api/daos/demo/proposals/4242": json(200, { ...proposal, forVotes: "-1" }) };
    const failure = createIndexerClient(baseUrl).getProposal("demo", 4242n);
    await expect(failure).rejects.toBeInstanceOf(IndexerResponseError);
    await expect(failure).rejects.toThrow(/forVotes/);
  });

  it("throws IndexerResponseError on a refused request or a body that is not JSON", async () => {
    routes = {
      "/api/daos/demo/proposals": json(400, { error: "limit must be an integer from 1 to 100" }),
      "/api/status": (_, response) => response.end("<html>hello</html>"),
    };
    const indexer = createIndexerClient(baseUrl);
    await expect(indexer.listProposals("demo", { limit: 500 })).rejects.toMatchObject({
      name: "IndexerResponseError",
      status: 400,
      message: expect.stringContaining("limit must be"),
    });
    await expect(indexer.status()).rejects.toBeInstanceOf(IndexerResponseError);
  });

  it("throws IndexerUnavailableError on a server error", async () => {
    routes = { "/api/status": json(500, { error: "internal error" }) };
    await expect(createIndexerClient(baseUrl).status()).rejects.toBeInstanceOf(IndexerUnavailableError);
  });

  it("throws IndexerUnavailableError naming the URL when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const failure = createIndexerClient(url).status();
    await expect(failure).rejects.toBeInstanceOf(IndexerUnavailableError);
    await expect(failure).rejects.toThrow(`the indexer at ${url} is unreachable (ECONNREFUSED)`);
  });

  it("throws IndexerUnavailableError when the indexer does not answer in time", async () => {
    routes = { "/api/status": () => {} };
    const failure = createIndexerClient(baseUrl, { timeoutMs: 100 }).status();
    await expect(failure).rejects.toBeInstanceOf(IndexerUnavailableError);
    await expect(failure).rejects.toThrow(/no answer within 100 ms/);
  });
});
