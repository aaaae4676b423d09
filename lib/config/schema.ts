/**
 * The DAO config schema: one JSON file (path from `DAO_CONFIG`, default `dao.config.json`) that
 * tells the app and the indexer which DAOs to serve. Only what cannot be read from the chain is
 * required; everything else is probed (see `resolveDao`).
 */
import { getAddress, isAddress } from "viem";
import { z } from "zod";
import { knownChain } from "../chains";

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
    chainId: z
      .number()
      .int()
      .positive()
      .refine((id) => knownChain(id) !== undefined, {
        message: "is not a chain Commons knows (see lib/chains.ts)",
      }),
    rpcUrl: httpUrl,
    governor: address,
    startBlock: z.number().int().nonnegative(),
    token: address.optional(),
    timelock: address.optional(),
    forumHosts: z.array(hostname).optional(),
    explorerUrl: httpUrl.optional(),
    labels: z.record(z.string(), z.string().trim().min(1).max(60)).optional(),
  })
  .strict()
  .superRefine((dao, ctx) => {
    for (const key of Object.keys(dao.labels ?? {})) {
      if (!isAddress(key, { strict: false })) {
        ctx.addIssue({ code: "custom", path: ["labels", key], message: "label keys must be addresses" });
      }
    }
  });

export const commonsConfigSchema = z
  .object({
    $schema: z.string().optional(),
    daos: z.array(daoConfigSchema).min(1, { message: "must list at least one DAO" }),
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
