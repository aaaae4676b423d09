/**
 * The DAO config schema: one JSON file (path from `DAO_CONFIG`, default `dao.config.json`) that
 * tells the app and the indexer which DAOs to serve. Only what cannot be read from the chain is
 * required; everything else is probed (see `resolveDao`).
 *
 * RPC endpoints: `rpcUrl` (one) and/or `rpcUrls` (several, tried in order when one fails); the
 * parsed config always carries both, `rpcUrls` complete and `rpcUrl` its first entry.
 *
 * Beside `daos`, two optional server-wide settings: `ensRpcUrl` (an Ethereum mainnet RPC through
 * which the addresses of every DAO, on any chain, get their ENS names and avatars) and
 * `sourcifyUrl` (a Sourcify server asked for the verified ABI of a proposal's target that no known
 * ABI decodes; off when absent, since it sends the target's address to that server).
 */
import { getAddress, isAddress } from "viem";
import { z } from "zod";

const address = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), {
    message: "must be a 20-byte hex address (0x followed by 40 hex characters)",
  })
  .transform((value) => getAddress(value));

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i, {
    message: "must be a host name such as forum.example.org (no scheme, no path)",
  })
  .transform((value) => value.toLowerCase());

export const daoConfigSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
      message: "must be 1-40 lowercase letters, digits or dashes (used in URLs)",
    }),
    name: z.string().trim().min(1, { message: "must not be empty" }).max(80),
    // Any EVM chain: the RPC must answer this id (checked at start), so a typo stops there.
    chainId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    rpcUrl: httpUrl.optional(),
    rpcUrls: z.array(httpUrl).min(1, { message: "must list at least one URL" }).max(8).optional(),
    governor: address,
    startBlock: z.number().int().nonnegative(),
    /** The voting token's first block, when it is older than the governor (found on the chain when absent). */
    tokenStartBlock: z.number().int().nonnegative().optional(),
    /** Multicall3's address on a chain where it is not at the canonical one. */
    multicall3: address.optional(),
    token: address.optional(),
    timelock: address.optional(),
    forumHosts: z.array(hostname).optional(),
    explorerUrl: httpUrl.optional(),
    labels: z.record(z.string(), z.string().trim().min(1).max(60)).optional(),
  })
  .strict()
  .superRefine((dao, ctx) => {
    if (dao.rpcUrl === undefined && dao.rpcUrls === undefined) {
      ctx.addIssue({ code: "custom", path: ["rpcUrl"], message: "is required (or rpcUrls, a list of URLs)" });
    }
    if (dao.tokenStartBlock !== undefined && dao.tokenStartBlock > dao.startBlock) {
      ctx.addIssue({
        code: "custom",
        path: ["tokenStartBlock"],
        message: "must not be after startBlock (the governor is deployed after its token)",
      });
    }
    for (const key of Object.keys(dao.labels ?? {})) {
      if (!isAddress(key, { strict: false })) {
        ctx.addIssue({ code: "custom", path: ["labels", key], message: "label keys must be addresses" });
      }
    }
  })
  .transform(({ rpcUrl, rpcUrls, ...dao }) => {
    const urls = [...new Set([...(rpcUrl === undefined ? [] : [rpcUrl]), ...(rpcUrls ?? [])])];
    return { ...dao, rpcUrl: urls[0] as string, rpcUrls: urls };
  });

export const commonsConfigSchema = z
  .object({
    $schema: z.string().optional(),
    daos: z.array(daoConfigSchema).min(1, { message: "must list at least one DAO" }),
    /** Ethereum mainnet RPC for ENS names and avatars (checked to serve chain 1 when first used). */
    ensRpcUrl: httpUrl.optional(),
    /** Sourcify server (e.g. https://sourcify.dev/server) for verified ABIs of unknown targets. */
    sourcifyUrl: httpUrl.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.daos.forEach((dao, index) => {
      if (seen.has(dao.slug)) {
        ctx.addIssue({ code: "custom", path: ["daos", index, "slug"], message: `"${dao.slug}" is used twice` });
      }
      seen.add(dao.slug);
    });
  });

export type DaoConfig = z.infer<typeof daoConfigSchema>;
export type CommonsConfig = z.infer<typeof commonsConfigSchema>;
/** A DAO as written in the file (before `rpcUrl`/`rpcUrls` are merged): what scripts write. */
export type DaoConfigInput = z.input<typeof daoConfigSchema>;
