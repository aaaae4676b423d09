"use client";
/**
 * The Sign-In with Ethereum session as the browser knows it (GET /api/auth/session), shared by
 * every island through TanStack Query. Use inside wallet islands (the QueryClient lives in the
 * wallet stack). The server never trusts this: every write is checked against the cookie.
 *
 * @example
 * const session = useSession();
 * const mine = session.address !== null && session.address === account.address;
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Address } from "viem";

export const sessionQueryKey = ["commons", "session"] as const;

export type SessionState = {
  /** The signed-in address (checksummed), or null when signed out. */
  address: Address | null;
  /** The chain the sign-in message named. */
  chainId: number | null;
  /** Still asking the server. */
  loading: boolean;
  /** Re-read the session (after signing in or out). */
  refresh: () => Promise<void>;
  /** Ends the session on the server and here. */
  signOut: () => Promise<void>;
};

async function fetchSession(): Promise<{ address: Address | null; chainId: number | null }> {
  const response = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  const body = (await response.json()) as { address: Address | null; chainId?: number };
  return { address: body.address, chainId: body.chainId ?? null };
}

export function useSession(): SessionState {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  }, [queryClient]);
  const signOut = useCallback(async () => {
    await fetch("/api/auth/logout", { method: "POST", credentials: "same-origin" });
    queryClient.setQueryData(sessionQueryKey, { address: null, chainId: null });
  }, [queryClient]);
  return {
    address: query.data?.address ?? null,
    chainId: query.data?.chainId ?? null,
    loading: query.isPending,
    refresh,
    signOut,
  };
}
