/**
 * One simulation fork per chain, reused: the first simulation starts anvil forking the DAO's own
 * RPC at its head block and takes a snapshot; each later one at the same block reverts to that
 * snapshot, and one at a newer block moves the same anvil there (`anvil_reset`) and snapshots
 * again. Simulations on a chain run one at a time from a bounded queue (a full queue says "busy"
 * at once instead of piling up), each with a deadline; a simulation that overruns it takes the
 * fork down with it (its state is unknown), and the next one starts a fresh fork. A fork left idle
 * stops by itself; so does every fork when the server process exits.
 *
 * No `server-only` guard: Node code tested by vitest; the app reaches it through ./index.ts.
 */
import type { Hex } from "viem";
import { type AnvilFork, spawnFork } from "./anvilFork";
import { forkRpc } from "./forkRpc";
import type { ForkSession } from "./runSimulation";

/** The queue for a chain is full. */
export class SimulationBusyError extends Error {
  override name = "SimulationBusyError";
}

/** A simulation ran past its deadline. */
export class SimulationTimeoutError extends Error {
  override name = "SimulationTimeoutError";
}

export type ForkManagerOptions = {
  /** Simulations that may wait per chain besides the one running (default 8). */
  maxQueue?: number;
  /** Deadline of one simulation, fork start included (default 60 s). */
  timeoutMs?: number;
  /** A fork unused this long is stopped (default 5 min). */
  idleMs?: number;
  /** Extra anvil flags for every fork. */
  anvilArgs?: readonly string[];
  /** Start anvil (tests may wrap it). */
  spawn?: typeof spawnFork;
};

/** The block to fork at, read from the DAO's RPC (`url`) just before. */
export type ForkTarget = { url: string; number: bigint; hash: Hex; timestamp: bigint };

type Base = ForkTarget & { snapshot: Hex };

class ChainFork {
  private fork: AnvilFork | null = null;
  private base: Base | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  /** Simulations running or waiting. */
  private pending = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** The fork's process id, while one runs (for tests and logs). */
  get pid(): number | null {
    return this.fork && !this.fork.exited() ? this.fork.pid : null;
  }

  constructor(
    readonly key: string,
    private readonly options: Required<Omit<ForkManagerOptions, "spawn">> & { spawn: typeof spawnFork },
  ) {}

  run<T>(target: ForkTarget, work: (session: ForkSession) => Promise<T>): Promise<T> {
    if (this.pending > this.options.maxQueue) {
      return Promise.reject(
        new SimulationBusyError(
          `${this.pending - 1} simulations are already waiting on this chain; try again in a minute.`,
        ),
      );
    }
    this.pending += 1;
    const turn = this.tail.then(
      () => undefined,
      () => undefined,
    );
    const result = turn.then(async () => {
      this.clearIdle();
      try {
        return await this.withDeadline(target, work);
      } finally {
        this.pending -= 1;
        this.armIdle();
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async withDeadline<T>(target: ForkTarget, work: (session: ForkSession) => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new SimulationTimeoutError(
              `The simulation took longer than ${Math.round(this.options.timeoutMs / 1000)} s.`,
            ),
          ),
        this.options.timeoutMs,
      );
    });
    const job = this.session(target).then(work);
    try {
      return await Promise.race([job, deadline]);
    } catch (error) {
      // Whatever ran half-way left the fork in an unknown state: start afresh next time.
      await this.stop();
      job.catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The fork at `target`, clean (at its snapshot). */
  private async session(target: ForkTarget): Promise<ForkSession> {
    if (this.fork?.exited()) {
      this.fork = null;
      this.base = null;
    }
    if (!this.fork) {
      this.fork = await this.options.spawn({
        forkUrl: target.url,
        blockNumber: target.number,
        extraArgs: this.options.anvilArgs,
      });
      this.base = null;
    }
    const rpc = forkRpc(this.fork.url);
    if (!this.base || this.base.hash !== target.hash || this.base.url !== target.url) {
      if (this.base) {
        await rpc("anvil_reset", [{ forking: { jsonRpcUrl: target.url, blockNumber: Number(target.number) } }]);
      }
      this.base = { ...target, snapshot: await rpc<Hex>("evm_snapshot") };
    }
    const base = this.base;
    const revertToBase = async () => {
      // evm_revert consumes the snapshot: take the next one at once.
      if (!(await rpc<boolean>("evm_revert", [base.snapshot]))) throw new Error("the fork could not revert");
      base.snapshot = await rpc<Hex>("evm_snapshot");
    };
    return {
      url: this.fork.url,
      block: { number: base.number, hash: base.hash, timestamp: base.timestamp },
      revertToBase,
    };
  }

  private clearIdle() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private armIdle() {
    this.clearIdle();
    if (this.pending > 0) return;
    this.idleTimer = setTimeout(() => void this.stop(), this.options.idleMs);
    this.idleTimer.unref?.();
  }

  /** Stops the fork (gracefully) if one runs. */
  async stop(): Promise<void> {
    this.clearIdle();
    const fork = this.fork;
    this.fork = null;
    this.base = null;
    await fork?.stop();
  }
}

/**
 * The forks of this server, one per chain and RPC set.
 *
 * @example
 * const forks = createForkManager({ timeoutMs: 30_000 });
 * const report = await forks.run(`${chainId}`, target, (session) => runSimulation(session, dao, input));
 */
export function createForkManager(options: ForkManagerOptions = {}) {
  const settings = {
    maxQueue: options.maxQueue ?? 8,
    timeoutMs: options.timeoutMs ?? 60_000,
    idleMs: options.idleMs ?? 5 * 60_000,
    anvilArgs: options.anvilArgs ?? [],
    spawn: options.spawn ?? spawnFork,
  };
  const forks = new Map<string, ChainFork>();
  return {
    /** Runs `work` on the chain's fork at `target` when its turn comes. */
    run<T>(key: string, target: ForkTarget, work: (session: ForkSession) => Promise<T>): Promise<T> {
      let fork = forks.get(key);
      if (!fork) {
        fork = new ChainFork(key, settings);
        forks.set(key, fork);
      }
      return fork.run(target, work);
    },
    /** The running fork's process id for `key`, or null. */
    pid(key: string): number | null {
      return forks.get(key)?.pid ?? null;
    },
    /** Stops every fork (gracefully) and waits for them. */
    async stopAll(): Promise<void> {
      await Promise.all([...forks.values()].map((fork) => fork.stop()));
    },
  };
}

export type ForkManager = ReturnType<typeof createForkManager>;
