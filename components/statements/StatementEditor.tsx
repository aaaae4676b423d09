"use client";
/**
 * The signed-in delegate's statement editor (account view): markdown text and up to five links,
 * saved to the app store through PUT /api/daos/<dao>/statements/<address>. Checked here with the
 * same rules as the server (lib/statements/statement) so mistakes show before sending; a save
 * that fails keeps every character typed. Needs the wallet only to sign in: render it through
 * `StatementEditorIsland`.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useEffect, useId, useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";
import { SignInButton } from "@/components/auth/SignInButton";
import { sessionQueryKey, useSession } from "@/components/auth/useSession";
import { Button } from "@/components/ui/button";
import { shortAddress } from "@/lib/format/shortAddress";
import { type Statement, statementInput, statementLimits } from "@/lib/statements/statement";

export type StatementEditorProps = { dao: { slug: string; chainId: number } };

type Problem = { message: string; field?: string };

/** A link input with a stable key (removing one must not move another's focus or text). */
type LinkField = { id: number; value: string };
let nextLinkId = 0;
const linkField = (value = ""): LinkField => ({ id: nextLinkId++, value });
const linkFields = (values: string[]) => (values.length ? values.map(linkField) : [linkField()]);

/** ["links", 2] → "links[2]", as the server names fields. */
function fieldName(path: readonly PropertyKey[]): string {
  return (
    path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`)).join("") ||
    "body"
  );
}

function statementKey(slug: string, address: Address) {
  return ["commons", "statement", slug, address.toLowerCase()] as const;
}

async function fetchStatement(slug: string, address: Address): Promise<Statement | null> {
  const response = await fetch(`/api/daos/${slug}/statements/${address}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`Your statement could not be loaded (HTTP ${response.status}).`);
  return ((await response.json()) as { statement: Statement | null }).statement;
}

type FormProps = {
  slug: string;
  chainId: number;
  address: Address;
  initial: Statement | null;
  /** False once the session has ended (expired, signed out elsewhere): the form stays, with a way to sign in again. */
  signedIn: boolean;
};

function Form({ slug, chainId, address, initial, signedIn }: FormProps) {
  const queryClient = useQueryClient();
  const textId = useId();
  const hintId = useId();
  const [text, setText] = useState(initial?.statement ?? "");
  const [links, setLinks] = useState<LinkField[]>(() => linkFields(initial?.links ?? []));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<Statement | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const body = { statement: text, links: links.map((link) => link.value.trim()).filter(Boolean) };
    const local = statementInput.safeParse(body);
    if (!local.success) {
      const issue = local.error.issues[0];
      const field = fieldName(issue?.path ?? []);
      setProblem({ message: `${field}: ${issue?.message ?? "is invalid"}`, field });
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/daos/${slug}/statements/${address}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(local.data),
      });
      const json = (await response.json().catch(() => ({}))) as {
        statement?: Statement;
        error?: string;
        field?: string;
      };
      if (!response.ok || !json.statement) {
        setProblem({
          message: json.error ?? `Saving failed (HTTP ${response.status}). Your text is still here.`,
          field: json.field,
        });
        // The session ended: re-read it, so the form offers to sign in again (and keeps the text).
        if (response.status === 401) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        return;
      }
      setSaved(json.statement);
      queryClient.setQueryData(statementKey(slug, address), json.statement);
    } catch {
      setProblem({ message: "Saving failed: the server did not answer. Your text is still here; try again." });
    } finally {
      setSaving(false);
    }
  }

  const over = text.length > statementLimits.statementChars;
  return (
    <form onSubmit={(event) => void save(event)} className="flex flex-col gap-4" noValidate>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={textId} className="font-medium text-sm">
          Statement <span className="font-normal text-muted-foreground">(Markdown)</span>
        </label>
        <textarea
          id={textId}
          name="statement"
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={10}
          aria-describedby={hintId}
          aria-invalid={problem?.field === "statement" || over || undefined}
          className="w-full rounded-md border border-border bg-background px-3 py-2 font-mono text-sm"
          placeholder="Who you are, what you stand for, how you decide your votes."
        />
        <p id={hintId} className={over ? "text-rose-700 text-xs dark:text-rose-300" : "text-muted-foreground text-xs"}>
          {text.length.toLocaleString("en")} / {statementLimits.statementChars.toLocaleString("en")} characters. The
          first line or so is your summary in the delegates directory.
        </p>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium text-sm">
          Links{" "}
          <span className="font-normal text-muted-foreground">(up to {statementLimits.links}, http or https)</span>
        </legend>
        {links.map((link, index) => (
          <div key={link.id} className="flex gap-2">
            <input
              type="url"
              inputMode="url"
              value={link.value}
              aria-label={`Link ${index + 1}`}
              aria-invalid={problem?.field === `links[${index}]` || undefined}
              onChange={(event) =>
                setLinks(links.map((item) => (item.id === link.id ? { ...item, value: event.target.value } : item)))
              }
              placeholder="https://forum.example.org/t/my-delegate-thread"
              className="h-9 min-w-0 flex-1 rounded-md border border-border bg-background px-3 text-sm"
            />
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove link ${index + 1}`}
              onClick={() => setLinks(links.length === 1 ? [linkField()] : links.filter((item) => item.id !== link.id))}
            >
              Remove
            </Button>
          </div>
        ))}
        {links.length < statementLimits.links ? (
          <Button
            variant="secondary"
            size="sm"
            className="self-start"
            onClick={() => setLinks([...links, linkField()])}
          >
            Add a link
          </Button>
        ) : null}
      </fieldset>
      {signedIn ? null : (
        <div className="flex flex-col gap-2 rounded-md border border-amber-500/50 bg-amber-500/10 p-3">
          <p className="text-sm">
            Your session has ended. Sign in again as {shortAddress(address)} to save; your text stays here.
          </p>
          <SignInButton chainId={chainId} label="Sign in again" variant="secondary" />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving} aria-busy={saving || undefined}>
          {saving ? "Saving…" : "Save statement"}
        </Button>
        <Link href={`/${slug}/delegates/${address}`} className="text-accent text-sm underline">
          Your delegate page
        </Link>
      </div>
      <div aria-live="polite">
        {problem ? (
          <p role="alert" className="text-rose-700 text-sm dark:text-rose-300">
            {problem.message}
          </p>
        ) : saved ? (
          <p className="text-emerald-700 text-sm dark:text-emerald-300">
            Saved (version {saved.version}). It shows on your delegate page and in the directory.
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** @example <StatementEditor dao={{ slug: "commons", chainId: 31337 }} /> */
export function StatementEditor({ dao }: StatementEditorProps) {
  const account = useAccount();
  const session = useSession();
  const address = account.address;
  const signedIn =
    address !== undefined && session.address !== null && session.address.toLowerCase() === address.toLowerCase();
  const statement = useQuery({
    queryKey: address ? statementKey(dao.slug, address) : ["commons", "statement", "none"],
    queryFn: () => (address ? fetchStatement(dao.slug, address) : Promise.resolve(null)),
    enabled: signedIn,
    staleTime: Number.POSITIVE_INFINITY,
  });

  // Once the form is open for this account it stays open, whatever happens to the session: a
  // save refused because the session ended must not take the text away.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const keepOpen = address !== undefined && openFor === address.toLowerCase();
  useEffect(() => {
    if (signedIn && address && statement.isSuccess) setOpenFor(address.toLowerCase());
  }, [signedIn, address, statement.isSuccess]);

  if (!keepOpen && (account.status === "connecting" || account.status === "reconnecting" || session.loading)) {
    return <p className="text-muted-foreground text-sm">Loading…</p>;
  }
  if (!address) {
    return <SignInButton chainId={dao.chainId} />;
  }
  if (!signedIn && !keepOpen) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm">
          Sign in as {shortAddress(address)} to write the statement voters see on your delegate page.
          {session.address ? ` (You are signed in as ${shortAddress(session.address)}.)` : ""}
        </p>
        <SignInButton chainId={dao.chainId} />
      </div>
    );
  }
  if (!keepOpen && statement.isPending) {
    return <p className="text-muted-foreground text-sm">Loading your statement…</p>;
  }
  if (!keepOpen && statement.isError) {
    return (
      <p role="alert" className="text-rose-700 text-sm dark:text-rose-300">
        {statement.error.message}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {signedIn ? (
        <p className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm">
          Signed in as <span className="font-mono">{shortAddress(address)}</span>
          <Button variant="ghost" size="sm" onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </p>
      ) : null}
      {/* Keyed by account: another account must not inherit the previous one's text. */}
      <Form
        key={address}
        slug={dao.slug}
        chainId={dao.chainId}
        address={address}
        initial={statement.data ?? null}
        signedIn={signedIn}
      />
    </div>
  );
}
