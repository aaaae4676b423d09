import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.ts",
      "app/**/*.test.ts",
      "scripts/**/*.test.ts",
      "harness/**/*.test.ts",
      "indexer/**/*.test.ts",
      "contracts-abi/**/*.test.ts",
      // server.js, the production server, is tested beside it at the root.
      "*.test.ts",
    ],
    // Tests start anvil, seed the demo DAO or run solc: generous, but each still polls with a deadline.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
