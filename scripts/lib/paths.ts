/** Where the orchestrators keep their working files: .commons/ at the repo root (gitignored). */
import { resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const workDir = resolve(repoRoot, ".commons");
export const bin = (name: string) => resolve(repoRoot, "node_modules/.bin", name);
