"use client";
/**
 * The proposer adds a discussion link: the URL is checked as they type (http/https; on the DAO's
 * forum when configured), then their wallet signs the fixed message naming DAO, chain, governor,
 * proposal and URL (personal_sign: free, no transaction), and the server verifies it against the
 * proposer read from the chain before storing link, message and signature.
 *
 * Uses wagmi: render it through `AddDiscussionLinkIsland`.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Address, isAddressEqual } from "viem";
import { useSignMessage } from "wagmi";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/Field";
import { WriteGate } from "@/components/web3/tx/WriteGate";
import type { WriteDao } from "@/lib/governor/adapter";
import { discussionUrl } from "@/lib/proposals/builder/discussionUrl";
import { discussionLinkMessage, linkHost } from "@/lib/proposals/discussionLinks";
import { explainTxError } from "@/lib/tx/explainTxError";

export type AddDiscussionLinkProps = {
  dao: WriteDao;
  proposalId: string;
  proposer: Address;
  forumHosts: string[];
};

function LinkForm({ dao, proposalId, proposer, forumHosts, account }: AddDiscussionLinkProps & { account: Address }) {
  const router = useRouter();
  const { signMessageAsync } = useSignMessage();
  const [url, setUrl] = useState("");
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checked = discussionUrl(url, forumHosts, "Link");
  const urlError = !checked.ok ? checked.error : checked.value === "" ? "Link: is required" : null;

  if (!isAddressEqual(account, proposer)) {
    return (
      <p className="text-sm">
        Only the proposer ({proposer}) can add links. Your wallet is connected as {account}.
      </p>
    );
  }

  async function submit() {
    setTouched(true);
    setError(null);
    if (urlError) return;
    const link = url.trim();
    setBusy(true);
    try {
      const message = discussionLinkMessage({
        slug: dao.slug,
        chainId: dao.chainId,
        governor: dao.governor,
        proposalId,
        url: link,
      });
      const signature = await signMessageAsync({ message, account });
      const response = await fetch(`/api/daos/${dao.slug}/proposals/${proposalId}/discussion-links`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: link, signature }),
      });
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      if (!response.ok) {
        setError(answer.error ?? `The server answered ${response.status}.`);
        return;
      }
      router.push(`/${dao.slug}/proposals/${proposalId}#discussion`);
      router.refresh();
    } catch (cause) {
      setError(explainTxError(cause).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field
        id="discussion-link"
        label="Link"
        hint={
          forumHosts.length > 0
            ? `A page on ${forumHosts.join(" or ")}.`
            : "An http or https link. Readers see its host before they click."
        }
        error={touched ? urlError : null}
      >
        {(control) => (
          <TextInput
            {...control}
            type="url"
            inputMode="url"
            value={url}
            placeholder={forumHosts[0] ? `https://${forumHosts[0]}/t/…` : "https://…"}
            onChange={(event) => setUrl(event.target.value)}
            onBlur={() => setTouched(true)}
          />
        )}
      </Field>
      {checked.ok && checked.value ? (
        <p className="text-muted-foreground text-sm">
          Goes to <span className="font-medium font-mono">{linkHost(checked.value)}</span>
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Sign in your wallet…" : "Sign and add the link"}
        </Button>
      </div>
      <p className="text-muted-foreground text-xs">
        Your wallet signs a message naming this proposal and the link (free, no transaction). The signature is stored
        with the link, so anyone can check that you added it.
      </p>
      {error ? (
        <p role="alert" className="text-rose-700 text-sm dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** @example <AddDiscussionLink dao={dao} proposalId={id} proposer={proposer} forumHosts={[]} /> */
export function AddDiscussionLink(props: AddDiscussionLinkProps) {
  return (
    <WriteGate dao={props.dao} action="add a link">
      {(account) => <LinkForm {...props} account={account} />}
    </WriteGate>
  );
}
