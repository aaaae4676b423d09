/**
 * Finds the Chromium the e2e suite drives. Browser downloads are impossible here, so we use
 * Debian's package: CHROMIUM_PATH if set, else /usr/bin/chromium, else install it with apt when
 * running as root, else stop with the exact command to run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function ensureChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`);
    }
    return env.CHROMIUM_PATH;
  }
  const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find(isExecutable);
  if (found) return found;

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (isRoot && hasApt) {
    console.log("[commons] Chromium not found: installing Debian's chromium package with apt-get…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (isExecutable("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error(
    [
      "The e2e suite needs Chromium and none was found.",
      "  Debian/Ubuntu: sudo apt-get install chromium",
      "  or point CHROMIUM_PATH at a Chromium/Chrome binary (e.g. CHROMIUM_PATH=/usr/bin/google-chrome).",
      "(Playwright's own browser download is not used: it needs the internet.)",
    ].join("\n"),
  );
}
