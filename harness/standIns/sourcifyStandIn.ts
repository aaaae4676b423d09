/**
 * A local stand-in for a Sourcify server, for tests: answers the v2 lookup the app makes
 * (`GET /server/v2/contract/<chainId>/<address>?fields=abi` → `{ abi, match }`, 404 when the
 * contract is not "verified") from ABIs registered in memory, in this process (`register`) or by
 * another one (`PUT` of `{ abi }` to the same path: the e2e specs, which run apart from the
 * harness that started it). Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { type Abi, type Address, getAddress } from "viem";

/** What the stand-in answers for one contract: its ABI, or a failure (`status`), maybe late. */
export type StandInAnswer = { abi: Abi | readonly unknown[]; status?: number; delayMs?: number };

export type SourcifyStandIn = {
  /** The server URL to put in the config's `sourcifyUrl`. */
  url: string;
  /** Every request path, in order. */
  requests: string[];
  /** Makes `address` on `chainId` verified with this ABI (or a raw answer, to test bad servers). */
  register(chainId: number, address: Address, answer: StandInAnswer): void;
  stop(): Promise<void>;
};

const path = /^\/server\/v2\/contract\/(\d+)\/(0x[0-9a-fA-F]{40})(\?fields=abi)?$/;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

/**
 * @example
 * const sourcify = await startSourcifyStandIn();
 * sourcify.register(31337, target, { abi });
 * // config: { "sourcifyUrl": sourcify.url, … }
 */
export async function startSourcifyStandIn(port = 0): Promise<SourcifyStandIn> {
  const answers = new Map<string, StandInAnswer>();
  const requests: string[] = [];
  const keyOf = (chainId: number | string, address: string) => `${chainId}/${getAddress(address)}`;
  const server = createServer((request, response) => {
    const url = request.url ?? "";
    const match = path.exec(url);
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const key = keyOf(match[1] as string, match[2] as string);
    if (request.method === "PUT") {
      void readBody(request).then((body) => {
        answers.set(key, JSON.parse(body) as StandInAnswer);
        response.writeHead(204).end();
      });
      return;
    }
    requests.push(url);
    const answer = answers.get(key);
    const reply = () => {
      response.writeHead(answer ? (answer.status ?? 200) : 404, { "content-type": "application/json" });
      response.end(
        JSON.stringify(
          answer
            ? { abi: answer.abi, match: "exact_match", chainId: match[1], address: match[2] }
            : { customCode: "not_found", message: "the contract is not verified" },
        ),
      );
    };
    if (answer?.delayMs) setTimeout(reply, answer.delayMs);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/server`,
    requests,
    register(chainId, address, answer) {
      answers.set(keyOf(chainId, address), answer);
    },
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
