/**
 * resolveDao against a real anvil: each way a config can point at the wrong thing stops the
 * start with one ConfigError naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multicall3DeployedBytecode } from "../../contracts-abi/multicall3";
import { type AnvilInstance, freePort, rpc, startAnvil } from "../../harness/anvil";
import { describeChainProblem } from "../chain/chainErrors";
import { ConfigError } from "./ConfigError";
import { resolveDao } from "./resolveDao";
import type { DaoConfig } from "./schema";

let anvil: AnvilInstance;
const notAGovernor = "0x00000000000000000000000000000000000C0DE1";
const emptyAccount = "0x000000000000000000000000000000000000dEaD";
/** Answers every call with one zero word: it "has" votingDelay() etc., but no family, token or clock of a Governor. */
const answersZero = "0x0000000000000000000000000000000000000a11";

beforeAll(async () => {
  anvil = await startAnvil({ port: await freePort() });
  await rpc(anvil.rpcUrl, "anvil_setCode", [notAGovernor, multicall3DeployedBytecode]);
  // PUSH1 0x20 PUSH1 0 RETURN: 32 zero bytes for any call.
  await rpc(anvil.rpcUrl, "anvil_setCode", [answersZero, "0x60206000f3"]);
});

afterAll(async () => {
  await anvil?.stop();
});

function dao(patch: Partial<DaoConfig> = {}): DaoConfig {
  const rpcUrls = patch.rpcUrls ?? [patch.rpcUrl ?? anvil.rpcUrl];
  return {
    slug: "test",
    name: "Test DAO",
    chainId: 31337,
    governor: notAGovernor,
    startBlock: 0,
    ...patch,
    rpcUrl: rpcUrls[0] as string,
    rpcUrls,
  };
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("resolveDao", () => {
  it("refuses an RPC that serves another chain", async () => {
    const error = await configErrorOf(resolveDao(dao({ chainId: 1 })));
    expect(error.field).toBe("chainId");
    expect(error.message).toContain("rpcUrl serves chain 31337");
  });

  it("refuses an RPC that does not answer", async () => {
    const error = await configErrorOf(resolveDao(dao({ rpcUrl: `http://127.0.0.1:${await freePort()}` })));
    expect(error.field).toBe("rpcUrl");
    expect(error.message).toMatch(/The RPC endpoint of chain 31337 failed: 127\.0\.0\.1:\d+ refused the connection/);
    expect(describeChainProblem(error).title).toBe("The chain’s RPC did not answer");
  });

  it("refuses a second endpoint that serves another chain, though the first is right", async () => {
    const other = await startAnvil({ port: await freePort(), chainId: 1 });
    try {
      const error = await configErrorOf(resolveDao(dao({ rpcUrls: [anvil.rpcUrl, other.rpcUrl] })));
      expect(error.field).toBe("chainId");
      expect(error.message).toContain(`rpcUrl (${new URL(other.rpcUrl).host}) serves chain 1`);
    } finally {
      await other.stop();
    }
  });

  it("refuses a governor address with no code", async () => {
    const error = await configErrorOf(resolveDao(dao({ governor: emptyAccount })));
    expect(error.field).toBe("governor");
    expect(error.message).toContain("has no contract code");
  });

  it("refuses a contract that is not a Governor", async () => {
    const error = await configErrorOf(resolveDao(dao()));
    expect(error.field).toBe("governor");
    expect(error.message).toMatch(/is not a Governor \(no votingDelay\(\), votingPeriod\(\), proposalThreshold\(\)\)/);
  });

  it("refuses a governor-shaped contract Commons cannot drive, naming what is missing", async () => {
    const error = await configErrorOf(resolveDao(dao({ governor: answersZero })));
    expect(error.message).toContain("is not a governor Commons can drive");
    // It answers votingDelay() & co. with zeros, but names no voting token.
    expect(error.message).toMatch(/no token\(\).*set "token" in the config/);
    expect(error.field).toBe("token");
  });
});
