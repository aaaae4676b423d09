/**
 * Compiles the demo DAO's Solidity (contracts/) with solc-js and renders the typed modules that
 * live in contracts-abi/. Rendering is pure and deterministic, so the same function backs
 * `npm run compile` (write), `npm run compile -- --check` and the staleness test.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import solc from "solc";

/** Repository root (this file lives in scripts/lib/). */
export const repoRoot = resolve(import.meta.dirname, "../..");

/** Compiler settings shared by every contract; the Governor needs the optimizer to fit in 24 KB. */
const compilerSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
} as const;

/** EIP-170: the largest runtime code a chain accepts. */
const maxRuntimeBytes = 24_576;

type Deployable = {
  /** Contract name in its source file. */
  contract: string;
  /** Source path relative to the repo root. */
  source: string;
  /** Generated module name in contracts-abi/ (without .ts) and prefix of its exports. */
  module: string;
  /** Also export the runtime code (for anvil_setCode). */
  deployedBytecode?: boolean;
};

/**
 * A contract an npm package ships already compiled (abi + bytecode in a JSON build file): rendered
 * like a compiled one, never recompiled (its compiler and settings are the package's).
 */
type Prebuilt = {
  /** The build file, as Node resolves it from the repo root ("@uniswap/governance/build/Uni.json"). */
  artifact: string;
  /** Generated module name in the group's folder (without .ts) and prefix of its exports. */
  module: string;
};

/** A set of contracts compiled together by one solc run, rendered into one folder with its own index.ts. */
type CompileGroup = {
  /** Folder under contracts-abi/ ("" for contracts-abi/ itself). */
  dir: string;
  deployables: readonly Deployable[];
  /** Contracts taken compiled from npm packages, exported from the same index.ts. */
  prebuilt?: readonly Prebuilt[];
};

/** Every contract the demo deploys, in the order index.ts re-exports them. */
export const deployables: readonly Deployable[] = [
  { contract: "DemoGovernor", source: "contracts/DemoGovernor.sol", module: "demoGovernor" },
  { contract: "DemoTimelock", source: "contracts/DemoTimelock.sol", module: "demoTimelock" },
  { contract: "DemoToken", source: "contracts/DemoToken.sol", module: "demoToken" },
  { contract: "MockERC20", source: "contracts/MockERC20.sol", module: "mockErc20" },
  { contract: "Multicall3", source: "contracts/Multicall3.sol", module: "multicall3", deployedBytecode: true },
];

/**
 * Fixture Governors of other flavours (issue 6), for tests and flavour e2e runs; see
 * contracts/flavours/README.md. Sorted by module (biome wants index.ts's exports sorted). They are compiled in a solc run of their own so adding or changing
 * them never touches the demo's output.
 */
export const flavourDeployables: readonly Deployable[] = [
  { contract: "BravoGovernor", source: "contracts/flavours/BravoGovernor.sol", module: "bravoGovernor" },
  { contract: "BravoTimelock", source: "contracts/flavours/BravoTimelock.sol", module: "bravoTimelock" },
  { contract: "BravoToken", source: "contracts/flavours/BravoToken.sol", module: "bravoToken" },
  {
    contract: "GovernorBravoDelegate",
    source: "contracts/flavours/GovernorBravoDelegate.sol",
    module: "governorBravoDelegate",
  },
  {
    contract: "GovernorBravoDelegator",
    source: "contracts/flavours/GovernorBravoDelegator.sol",
    module: "governorBravoDelegator",
  },
  { contract: "NftGovernor", source: "contracts/flavours/NftGovernor.sol", module: "nftGovernor" },
  { contract: "NftToken", source: "contracts/flavours/NftToken.sol", module: "nftToken" },
  {
    contract: "TimestampFractionalGovernor",
    source: "contracts/flavours/TimestampFractionalGovernor.sol",
    module: "timestampFractionalGovernor",
  },
  {
    contract: "TimestampFractionalToken",
    source: "contracts/flavours/TimestampFractionalToken.sol",
    module: "timestampFractionalToken",
  },
];

/**
 * Compound's GovernorAlpha, Timelock and Comp-style token as `@uniswap/governance` ships them
 * (solc 0.5.16, the pinned package version): the fixtures of the `alpha` and `compound` flavours.
 * Only their ABI and bytecode are taken; nothing of them is compiled here.
 */
export const flavourPrebuilts: readonly Prebuilt[] = [
  { artifact: "@uniswap/governance/build/GovernorAlpha.json", module: "uniGovernorAlpha" },
  { artifact: "@uniswap/governance/build/Timelock.json", module: "uniTimelock" },
  { artifact: "@uniswap/governance/build/Uni.json", module: "uniToken" },
];

/** Stand-ins for third-party contracts in tests (ENS on a local chain); never deployed by the demo. */
export const testingDeployables: readonly Deployable[] = [
  { contract: "EnsStandIn", source: "contracts/testing/EnsStandIn.sol", module: "ensStandIn", deployedBytecode: true },
];

/**
 * Contracts only tests deploy (contracts/fixtures/README.md), in a solc run of their own like the
 * flavours. Sorted by module.
 */
export const fixtureDeployables: readonly Deployable[] = [
  { contract: "BoxProxy", source: "contracts/fixtures/UpgradeableBox.sol", module: "boxProxy" },
  { contract: "BoxV1", source: "contracts/fixtures/UpgradeableBox.sol", module: "boxV1" },
  { contract: "BoxV2", source: "contracts/fixtures/UpgradeableBox.sol", module: "boxV2" },
  { contract: "ScaleSeeder", source: "contracts/fixtures/ScaleSeeder.sol", module: "scaleSeeder" },
];

/** Every solc run and where its modules go. */
const compileGroups: readonly CompileGroup[] = [
  { dir: "", deployables },
  { dir: "flavours", deployables: flavourDeployables, prebuilt: flavourPrebuilts },
  { dir: "testing", deployables: testingDeployables },
  { dir: "fixtures", deployables: fixtureDeployables },
];

type SolcOutput = {
  errors?: {
    severity: "error" | "warning" | "info";
    formattedMessage: string;
    sourceLocation?: { file: string };
  }[];
  contracts?: Record<
    string,
    Record<string, { abi: unknown[]; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>
  >;
};

const requireFromRoot = createRequire(join(repoRoot, "package.json"));

/** Resolves an import (`@openzeppelin/...` from node_modules, anything else from the repo root). */
function readImport(path: string): { contents: string } | { error: string } {
  try {
    const file = path.startsWith("@") ? requireFromRoot.resolve(path) : join(repoRoot, path);
    return { contents: readFileSync(file, "utf8") };
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
}

/** Runs solc on `group`'s sources and returns its output, throwing with every compiler error. */
function runSolc(group: readonly Deployable[]): SolcOutput {
  const sources = Object.fromEntries(
    group.map(({ source }) => [source, { content: readFileSync(join(repoRoot, source), "utf8") }]),
  );
  const input = { language: "Solidity", sources, settings: compilerSettings };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((error) => error.severity === "error");
  if (errors.length > 0) {
    throw new Error(`solc ${solc.version()} failed:\n${errors.map((error) => error.formattedMessage).join("\n")}`);
  }
  // Warnings in our own sources are shown so they get fixed; those inside @openzeppelin (e.g. solc
  // 0.8.3x's "`at` will become a keyword") are not ours to fix and would only bury real ones.
  const ours = (output.errors ?? []).filter(
    (error) => error.severity === "warning" && error.sourceLocation?.file.startsWith("contracts/") !== false,
  );
  if (ours.length > 0) process.stderr.write(`${ours.map((warning) => warning.formattedMessage).join("\n")}\n`);
  return output;
}

/** Formats TypeScript exactly as `biome format` would in this repo (so `biome check` stays clean). */
function formatWithBiome(relativePath: string, text: string): string {
  const biome = join(repoRoot, "node_modules/.bin/biome");
  const result = spawnSync(biome, ["format", `--stdin-file-path=${relativePath}`], {
    cwd: repoRoot,
    input: text,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`biome format failed for ${relativePath}: ${result.stderr || result.error?.message}`);
  }
  return result.stdout;
}

function header(source: string): string {
  return `// Generated by scripts/compile.ts from ${source} — do not edit.\n`;
}

function renderModule(deployable: Deployable, output: SolcOutput): string {
  const compiled = output.contracts?.[deployable.source]?.[deployable.contract];
  if (!compiled) throw new Error(`solc produced no ${deployable.contract} in ${deployable.source}`);
  const runtimeBytes = compiled.evm.deployedBytecode.object.length / 2;
  if (runtimeBytes > maxRuntimeBytes) {
    throw new Error(
      `${deployable.contract} is ${runtimeBytes} bytes of runtime code, over the ${maxRuntimeBytes} limit`,
    );
  }
  const name = deployable.module;
  const lines = [
    header(deployable.source),
    `export const ${name}Abi = ${JSON.stringify(compiled.abi)} as const;\n`,
    `export const ${name}Bytecode = "0x${compiled.evm.bytecode.object}" as const;\n`,
  ];
  if (deployable.deployedBytecode) {
    lines.push(`export const ${name}DeployedBytecode = "0x${compiled.evm.deployedBytecode.object}" as const;\n`);
  }
  return lines.join("\n");
}

/** The module of a package's build file: its ABI and creation bytecode, with the package version in the header. */
function renderPrebuilt(prebuilt: Prebuilt): string {
  const path = requireFromRoot.resolve(prebuilt.artifact);
  const artifact = JSON.parse(readFileSync(path, "utf8")) as { abi?: unknown[]; bytecode?: string };
  const bytecode = artifact.bytecode?.replace(/^0x/, "") ?? "";
  if (!Array.isArray(artifact.abi) || !/^[0-9a-f]+$/i.test(bytecode)) {
    throw new Error(`${prebuilt.artifact} has no abi and bytecode`);
  }
  const packageName = prebuilt.artifact.split("/").slice(0, 2).join("/");
  const { version } = JSON.parse(readFileSync(requireFromRoot.resolve(`${packageName}/package.json`), "utf8")) as {
    version: string;
  };
  const source = `${packageName}@${version} ${prebuilt.artifact.slice(packageName.length + 1)}`;
  const name = prebuilt.module;
  return [
    `// Generated by scripts/compile.ts from ${source} (compiled by the package) — do not edit.\n`,
    `export const ${name}Abi = ${JSON.stringify(artifact.abi)} as const;\n`,
    `export const ${name}Bytecode = "0x${bytecode.toLowerCase()}" as const;\n`,
  ].join("\n");
}

function renderIndex(modules: readonly { module: string }[]): string {
  const sorted = [...modules].sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
  const exports = sorted.map(({ module }) => `export * from "./${module}";\n`).join("");
  return `// Generated by scripts/compile.ts — do not edit.\n\n${exports}`;
}

/**
 * Compiles contracts/ and returns every generated file of contracts-abi/, formatted, keyed by its
 * path relative to the repo root. Nothing is written.
 *
 * @example
 * const files = compileContracts(); // Map { "contracts-abi/demoGovernor.ts" => "// Generated by…" , … }
 */
export function compileContracts(): Map<string, string> {
  const files = new Map<string, string>();
  for (const group of compileGroups) {
    const output = runSolc(group.deployables);
    const dir = group.dir ? `contracts-abi/${group.dir}` : "contracts-abi";
    for (const deployable of group.deployables) {
      const path = `${dir}/${deployable.module}.ts`;
      files.set(path, formatWithBiome(path, renderModule(deployable, output)));
    }
    for (const prebuilt of group.prebuilt ?? []) {
      const path = `${dir}/${prebuilt.module}.ts`;
      files.set(path, formatWithBiome(path, renderPrebuilt(prebuilt)));
    }
    const modules = [...group.deployables, ...(group.prebuilt ?? [])];
    files.set(`${dir}/index.ts`, formatWithBiome(`${dir}/index.ts`, renderIndex(modules)));
  }
  return files;
}

/**
 * Lists the generated files whose committed copy differs from `files` (or is missing).
 *
 * @example
 * staleFiles(compileContracts()) // [] when contracts-abi/ is up to date
 */
export function staleFiles(files: Map<string, string>): string[] {
  const stale: string[] = [];
  for (const [path, text] of files) {
    let committed: string | undefined;
    try {
      committed = readFileSync(join(repoRoot, path), "utf8");
    } catch {
      committed = undefined;
    }
    if (committed !== text) stale.push(path);
  }
  return stale;
}
