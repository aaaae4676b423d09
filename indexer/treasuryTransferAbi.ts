/**
 * The ERC20 Transfer event, for discovering the tokens a DAO's treasury has received (see the
 * TreasuryToken source in ponder.config.ts). `value` is not indexed: an ERC721 Transfer, which
 * indexes its third argument and has no data, does not decode against it and is skipped.
 */
export const erc20TransferEventAbi = [
  {
    type: "event",
    name: "Transfer",
    inputs: [
      { name: "from", type: "address", indexed: true },
      { name: "to", type: "address", indexed: true },
      { name: "value", type: "uint256", indexed: false },
    ],
  },
] as const;
