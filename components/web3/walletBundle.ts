/**
 * Everything the wallet stack brings, as one lazily imported module: the provider tree and the
 * header's wallet components. Loading them through one `import()` gives one chunk group, so wagmi,
 * viem and TanStack Query are fetched once rather than once per island. Never import statically.
 */
export { Providers } from "@/components/providers";
export { VotingPower } from "./VotingPower";
export { WalletButton } from "./WalletButton";
export { WrongNetworkHint } from "./WrongNetworkHint";
