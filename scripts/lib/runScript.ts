/**
 * The end of every `npm run` script that ends on its own: run its main, exit with the code it
 * returns, or print its error under the script's tag and exit 1.
 *
 * @example runScript("bench:scale", main);
 */
export function runScript(tag: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[${tag}] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
