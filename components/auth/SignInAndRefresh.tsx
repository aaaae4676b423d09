"use client";
/** H4's SignInButton; once signed in, the server-rendered page is rendered again for the session. Uses wagmi. */
import { useRouter } from "next/navigation";
import { SignInButton } from "@/components/auth/SignInButton";

export type SignInAndRefreshProps = { chainId: number };

/** @example <SignInAndRefresh chainId={31337} /> */
export function SignInAndRefresh({ chainId }: SignInAndRefreshProps) {
  const router = useRouter();
  return <SignInButton chainId={chainId} onSignedIn={() => router.refresh()} />;
}
