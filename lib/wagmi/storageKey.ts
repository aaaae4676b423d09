/** Key prefix of wagmi's storage: the connection cookie is `${wagmiStorageKey}.store`. */
export const wagmiStorageKey = "wagmi";
