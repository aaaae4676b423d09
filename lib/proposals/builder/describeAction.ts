/**
 * Says in words what an encoded action will do, as the proposal page will describe it once it is
 * on chain: the same decoding (lib/actions/decodeAction, known ABIs only), the same formatting
 * (token amounts in the token's units, known addresses named) and the same one-line summaries
 * (lib/actions/summarizeAction), with a plain fallback for any other call.
 */
import type { Address } from "viem";
import { addressLabels } from "../../actions/addressLabels";
import { type DaoContracts, decodeAction } from "../../actions/decodeAction";
import { type FormattedValue, formatArguments } from "../../actions/formatArguments";
import { summarizeAction } from "../../actions/summarizeAction";
import { formatTokenAmount } from "../../format/formatTokenAmount";
import { shortAddress } from "../../format/shortAddress";
import type { EncodedAction, TreasuryToken } from "./actions";

export type DescribeContext = {
  contracts: DaoContracts;
  governanceToken: { symbol: string; decimals: number };
  native: { symbol: string; decimals: number };
  /** ERC-20s the treasury holds (symbol and decimals name their amounts). */
  tokens: readonly Pick<TreasuryToken, "address" | "symbol" | "decimals">[];
  /** The config's address labels. */
  labels?: Readonly<Record<string, string>>;
};

function clip(text: string, length = 40): string {
  const characters = Array.from(text);
  return characters.length > length ? `${characters.slice(0, length - 1).join("")}…` : text;
}

function valueText(value: FormattedValue, type = ""): string {
  switch (value.kind) {
    case "address":
      return value.label ? `${value.label} (${shortAddress(value.address)})` : shortAddress(value.address);
    case "amount":
    case "number":
      return value.text;
    case "bool":
      return String(value.value);
    case "bytes":
      return value.size <= 8 ? value.hex : `${value.size} bytes`;
    case "string":
      // viem decodes integers of 48 bits or less as numbers, which formatValue shows as text.
      return /^u?int\d*$/.test(type) ? value.text : JSON.stringify(clip(value.text));
    case "list": {
      const itemType = value.type.replace(/\[\d*\]$/, "");
      const items = value.items.slice(0, 3).map((item) => valueText(item, itemType));
      return `[${items.join(", ")}${value.items.length > 3 ? `, … ${value.items.length - 3} more` : ""}]`;
    }
    case "tuple":
      return `(${value.fields.map((field) => valueText(field.value, field.type)).join(", ")})`;
  }
}

/**
 * @example
 * describeAction({ target: alice, value: 10n ** 18n, calldata: "0x" }, context) // "Sends 1 ETH to 0x7099…79C8"
 * describeAction({ target: governor, value: 0n, calldata: setThreshold }, context)
 * // "Calls setProposalThreshold(newProposalThreshold: 500 COMM) on Governor (0x9fE4…a6e0)"
 */
export function describeAction(action: EncodedAction, context: DescribeContext): string {
  const tokens = new Map(
    context.tokens.map((token) => [token.address.toLowerCase(), { symbol: token.symbol, decimals: token.decimals }]),
  );
  tokens.set(context.contracts.token.toLowerCase(), context.governanceToken);
  const labels = addressLabels({
    ...context.contracts,
    tokenSymbol: context.governanceToken.symbol,
    labels: context.labels,
    tokens,
  });
  const name = (address: Address) => {
    const label = labels.get(address.toLowerCase());
    return label ? `${label} (${shortAddress(address)})` : address;
  };
  const decoded = decodeAction({ ...action, signature: "" }, context.contracts);
  const args = formatArguments(decoded, { tokens, labels, governanceToken: context.contracts.token });
  const value = `${formatTokenAmount(action.value, context.native.decimals, { maxFractionDigits: context.native.decimals })} ${context.native.symbol}`;
  const target = name(action.target);
  const summary = summarizeAction(decoded, args, { value, target });
  if (summary) return summary;
  const sending = action.value > 0n ? `, sending ${value}` : "";
  const { call } = decoded;
  if (call.kind === "none") return `Calls ${target} with no data and no ${context.native.symbol} (does nothing)`;
  if (call.kind === "decoded") {
    const list = args.map((arg) => `${arg.name ? `${arg.name}: ` : ""}${valueText(arg.value, arg.type)}`).join(", ");
    return `Calls ${call.functionName}(${list}) on ${target}${sending}`;
  }
  const bytes = (action.calldata.length - 2) / 2;
  return `Calls ${target} with ${bytes} bytes of calldata${call.selector ? ` (function ${call.selector}, not in the known ABIs)` : ""}${sending}`;
}
