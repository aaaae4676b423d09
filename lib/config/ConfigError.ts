/**
 * The one error a bad DAO config produces. Its message names the file and the field (or the
 * on-chain cause), so a start that fails says exactly what to fix.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
