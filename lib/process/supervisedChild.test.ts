import { describe, expect, it } from "vitest";
import { spawnSupervised } from "./supervisedChild";

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((done) => setTimeout(done, 25));
  return condition();
};

describe("spawnSupervised", () => {
  it("keeps the child's stderr and stops it with SIGTERM", async () => {
    const child = spawnSupervised(process.execPath, [
      "-e",
      "process.stderr.write('ready'); setInterval(() => {}, 1000)",
    ]);
    expect(await until(() => child.stderr() === "ready")).toBe(true);
    expect(child.exited()).toBe(false);
    expect(child.exitReason()).toBeUndefined();
    await child.stop();
    expect(child.exited()).toBe(true);
    expect(child.exitReason()).toBe("signal SIGTERM");
  });

  it("says how a child that ended by itself ended", async () => {
    const child = spawnSupervised(process.execPath, ["-e", "process.exit(3)"]);
    expect(await until(() => child.exited())).toBe(true);
    expect(child.exitReason()).toBe("code 3");
    await child.stop(); // nothing left to stop
  });

  it("a binary that cannot run is an error, not a crash", async () => {
    expect(() => spawnSupervised("/nonexistent/anvil", [])).toThrow("/nonexistent/anvil did not start");
    // Node emits the spawn's "error" on the next tick: unheard, it would crash the process (and vitest).
    await new Promise((done) => setImmediate(done));
  });
});
