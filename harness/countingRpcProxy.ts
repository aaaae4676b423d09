/**
 * A JSON-RPC proxy that counts what passes through it: put it between the app and the chain to
 * see how many requests a page view costs (`npm run bench:scale`). Each HTTP request is forwarded
 * to the upstream as it is; `requests` counts HTTP requests (a batch is one), `calls` the JSON-RPC
 * calls inside them, `methods` the calls by method.
 */
import { createServer, type Server } from "node:http";

export type RpcCounts = { requests: number; calls: number; methods: Record<string, number> };

export type CountingRpcProxy = {
  url: string;
  /** The counts so far (a copy). */
  counts(): RpcCounts;
  /** Counts since the last reset, then zero them. */
  reset(): RpcCounts;
  close(): Promise<void>;
};

/**
 * @example
 * const proxy = await startCountingRpcProxy({ upstream: anvil.rpcUrl, port: 47411 });
 * // … point the app at proxy.url, view a page …
 * proxy.reset().requests // 2
 */
export async function startCountingRpcProxy(options: {
  upstream: string;
  port: number;
  host?: string;
}): Promise<CountingRpcProxy> {
  let counts: RpcCounts = { requests: 0, calls: 0, methods: {} };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      if (request.method === "POST") {
        counts.requests++;
        try {
          const parsed = JSON.parse(body.toString("utf8")) as { method?: string } | { method?: string }[];
          for (const call of Array.isArray(parsed) ? parsed : [parsed]) {
            counts.calls++;
            const method = call.method ?? "?";
            counts.methods[method] = (counts.methods[method] ?? 0) + 1;
          }
        } catch {
          // Not JSON: forwarded all the same, for the upstream to refuse.
        }
      }
      fetch(options.upstream, {
        method: request.method,
        headers: { "content-type": request.headers["content-type"] ?? "application/json" },
        body: request.method === "POST" ? body : undefined,
      }).then(
        async (upstream) => {
          const answer = Buffer.from(await upstream.arrayBuffer());
          response.writeHead(upstream.status, {
            "content-type": upstream.headers.get("content-type") ?? "application/json",
          });
          response.end(answer);
        },
        (error: Error) => {
          response.writeHead(502, { "content-type": "text/plain" });
          response.end(`upstream failed: ${error.message}`);
        },
      );
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const copy = (value: RpcCounts): RpcCounts => ({ ...value, methods: { ...value.methods } });
  return {
    url: `http://${host}:${options.port}`,
    counts: () => copy(counts),
    reset: () => {
      const previous = counts;
      counts = { requests: 0, calls: 0, methods: {} };
      return previous;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
