"use client";
/**
 * "Sign in with your wallet": asks the server for a nonce, builds the EIP-4361 message for this
 * host and the DAO's chain, has the wallet sign it (personal_sign; no transaction, no gas) and
 * sends it to /api/auth/verify, which sets the session cookie. Smart-contract wallets (a Safe)
 * work too: the server checks their signature on chain (EIP-1271). Uses wagmi: render it inside a
 * wallet island. Without a connected wallet it offers to connect first.
 *
 * @example <SignInButton chainId={dao.chainId} onSignedIn={(address) => …} />
 */
import { useConnectModal } from "@rainbow-me/rainbowkit";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Address } from "viem";
import { createSiweMessage } from "viem/siwe";
import { useAccount, useSignMessage } from "wagmi";
import { Button, type ButtonProps } from "@/components/ui/button";
import { signInStatement } from "@/lib/auth/signIn";
import { explainTxError } from "@/lib/tx/explainTxError";
import { sessionQueryKey } from "./useSession";

export type SignInButtonProps = {
  /** The DAO's chain: the message names it, and the server checks contract wallets there. */
  chainId: number;
  /** The button's text (default "Sign in with your wallet"). */
  label?: string;
  onSignedIn?: (address: Address) => void;
  variant?: ButtonProps["variant"];
  className?: string;
};

async function readError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON
  }
  return `The server refused the sign-in (HTTP ${response.status}).`;
}

export function SignInButton({
  chainId,
  label = "Sign in with your wallet",
  onSignedIn,
  variant,
  className,
}: SignInButtonProps) {
  const account = useAccount();
  const { openConnectModal } = useConnectModal();
  const { signMessageAsync } = useSignMessage();
  const queryClient = useQueryClient();
  const [state, setState] = useState<
    { status: "idle" | "signing" | "verifying" } | { status: "failed"; message: string }
  >({
    status: "idle",
  });

  if (!account.address) {
    return (
      <Button variant={variant} className={className} onClick={openConnectModal} disabled={!openConnectModal}>
        Connect a wallet to sign in
      </Button>
    );
  }
  const address = account.address;

  async function signIn() {
    setState({ status: "signing" });
    try {
      const nonceResponse = await fetch("/api/auth/nonce", { cache: "no-store", credentials: "same-origin" });
      if (!nonceResponse.ok) throw new Error(await readError(nonceResponse));
      const { nonce } = (await nonceResponse.json()) as { nonce: string };
      const message = createSiweMessage({
        domain: window.location.host,
        uri: window.location.origin,
        address,
        chainId,
        nonce,
        version: "1",
        statement: signInStatement,
        issuedAt: new Date(),
      });
      let signature: `0x${string}`;
      try {
        signature = await signMessageAsync({ message, account: address });
      } catch (error) {
        const explained = explainTxError(error);
        setState(
          explained.kind === "rejected"
            ? { status: "failed", message: "You rejected the sign-in request in your wallet." }
            : { status: "failed", message: explained.message },
        );
        return;
      }
      setState({ status: "verifying" });
      const verify = await fetch("/api/auth/verify", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message, signature }),
      });
      if (!verify.ok) throw new Error(await readError(verify));
      const body = (await verify.json()) as { address: Address; chainId: number };
      queryClient.setQueryData(sessionQueryKey, { address: body.address, chainId: body.chainId });
      setState({ status: "idle" });
      onSignedIn?.(body.address);
    } catch (error) {
      setState({
        status: "failed",
        message: error instanceof Error ? error.message : "Signing in failed. Try again.",
      });
    }
  }

  const busy = state.status === "signing" || state.status === "verifying";
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        variant={variant}
        className={className}
        onClick={() => void signIn()}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {state.status === "signing" ? "Confirm in your wallet…" : state.status === "verifying" ? "Signing in…" : label}
      </Button>
      <p className="text-muted-foreground text-xs">Signing is free: no transaction, no gas.</p>
      {state.status === "failed" ? (
        <p role="alert" className="text-rose-700 text-sm dark:text-rose-300">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
