/**
 * Starts the Next.js app and waits until it serves pages: `next dev`, or the production build
 * through server.js (`npm start`: X-Forwarded-* decided from the socket, see server.js).
 */
import { dirname, resolve } from "node:path";
import { bin, repoRoot } from "../scripts/lib/paths";
import { isPortFree } from "./anvil";
import { type Service, startService, waitUntil } from "./services";

export type AppOptions = {
  mode: "dev" | "start";
  port: number;
  configPath: string;
  indexerUrl: string;
  logFile: string;
  echo?: boolean;
  /**
   * The app's embedded database (PGlite; one process per directory). Default: `app-data` next to
   * the log file, so `npm run dev`, the e2e harness and the bench never share one. Ignored when
   * COMMONS_DATABASE_URL is set (PostgreSQL).
   */
  dataDir?: string;
  /** More environment for the app (COMMONS_DATABASE_URL, COMMONS_TRUSTED_PROXIES…). */
  env?: NodeJS.ProcessEnv;
  /** Told the service as soon as it is spawned, before it serves (to stop it if we are stopped first). */
  onSpawn?: (service: Service) => void;
};

export async function startApp(options: AppOptions): Promise<{ service: Service; url: string }> {
  if (!(await isPortFree(options.port))) {
    throw new Error(`port ${options.port} (for the app) is already in use by another program`);
  }
  const url = `http://127.0.0.1:${options.port}`;
  const listen = ["--port", String(options.port), "--hostname", "127.0.0.1"];
  const service = startService({
    name: "app",
    ...(options.mode === "dev"
      ? { command: bin("next"), args: ["dev", ...listen] }
      : { command: process.execPath, args: [resolve(repoRoot, "server.js"), ...listen] }),
    cwd: repoRoot,
    env: {
      DAO_CONFIG: resolve(options.configPath),
      COMMONS_DATA_DIR: resolve(options.dataDir ?? resolve(dirname(options.logFile), "app-data")),
      INDEXER_URL: options.indexerUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // The production server signs in only at its public origin: here, the address it listens on.
      ...(options.mode === "start" ? { COMMONS_PUBLIC_ORIGIN: process.env.COMMONS_PUBLIC_ORIGIN || url } : {}),
      ...options.env,
      // The production server must not inherit the dev server's NODE_ENV or vice versa.
      NODE_ENV: options.mode === "dev" ? "development" : "production",
    },
    logFile: options.logFile,
    echo: options.echo,
  });
  options.onSpawn?.(service);
  // Any HTTP answer means the server is up (the first dev compile of "/" can take a while).
  await waitUntil(
    async () => {
      const response = await fetch(`${url}/`, { redirect: "manual", signal: AbortSignal.timeout(120_000) });
      return response.status > 0;
    },
    { what: `the app at ${url}`, timeoutMs: 180_000, intervalMs: 500, service },
  );
  return { service, url };
}
