"use client";
/**
 * The propose form's Description section: the title, the markdown body beside a live preview (as
 * the proposal page will show it), and the discussion link. Controlled by ProposalBuilder, which
 * holds the form and decides when a field's error shows.
 */
import { lazy, Suspense } from "react";
import { Field, TextArea, TextInput } from "@/components/ui/Field";
import type { FormEvent } from "@/lib/proposals/builder/formState";

const DescriptionPreview = lazy(() =>
  import("@/components/proposalBuilder/DescriptionPreview").then((m) => ({ default: m.DescriptionPreview })),
);

export type DescriptionField = Extract<FormEvent, { type: "set" }>["field"];

export type DescriptionFieldsProps = {
  values: Record<DescriptionField, string>;
  /** The description as it will be stored (title, body, discussion line), for the preview. */
  description: string;
  forumHosts: string[];
  /** The error to show under a field now, or null. */
  error: (field: DescriptionField) => string | null;
  onChange: (field: DescriptionField, value: string) => void;
  onBlur: (field: DescriptionField) => void;
};

/** @example <DescriptionFields values={form} description={built.description} forumHosts={[]} error={formError} onChange={set} onBlur={touch} /> */
export function DescriptionFields({
  values,
  description,
  forumHosts,
  error,
  onChange,
  onBlur,
}: DescriptionFieldsProps) {
  const hostsHint =
    forumHosts.length > 0
      ? `A link to the discussion on ${forumHosts.join(" or ")}. Added as the last line: “Discussion: <link>”.`
      : "A link to where this was discussed (http or https). Added as the last line: “Discussion: <link>”.";
  return (
    <section aria-labelledby="description-heading" className="flex flex-col gap-4">
      <h2 id="description-heading" className="font-semibold text-lg">
        Description
      </h2>
      <Field id="proposal-title" label="Title" error={error("title")}>
        {(control) => (
          <TextInput
            {...control}
            value={values.title}
            maxLength={400}
            spellCheck
            placeholder="Fund the Q3 grants program"
            onChange={(event) => onChange("title", event.target.value)}
            onBlur={() => onBlur("title")}
          />
        )}
      </Field>
      <div className="grid gap-4 lg:grid-cols-2">
        <Field
          id="proposal-body"
          label="Body (markdown)"
          hint="Markdown: headings, lists, links, tables. Raw HTML is shown as text."
          error={error("body")}
        >
          {(control) => (
            <TextArea
              {...control}
              value={values.body}
              rows={14}
              spellCheck
              className="min-h-64"
              placeholder={"## Summary\n\nWhat this proposal does and why."}
              onChange={(event) => onChange("body", event.target.value)}
              onBlur={() => onBlur("body")}
            />
          )}
        </Field>
        <section aria-labelledby="preview-heading" className="flex min-w-0 flex-col gap-1.5">
          <h3 id="preview-heading" className="font-medium text-sm">
            Preview <span className="font-normal text-muted-foreground">— as the proposal page will show it</span>
          </h3>
          <div className="min-h-64 overflow-hidden rounded-lg border border-border bg-card p-4">
            {values.title.trim() || values.body.trim() ? (
              <Suspense fallback={<p className="text-muted-foreground text-sm">Loading the preview…</p>}>
                <DescriptionPreview description={description} />
              </Suspense>
            ) : (
              <p className="text-muted-foreground text-sm">Write a title and a body to see them here.</p>
            )}
          </div>
        </section>
      </div>
      <Field id="proposal-discussion" label="Discussion URL (optional)" hint={hostsHint} error={error("discussionUrl")}>
        {(control) => (
          <TextInput
            {...control}
            type="url"
            inputMode="url"
            value={values.discussionUrl}
            placeholder={forumHosts[0] ? `https://${forumHosts[0]}/t/…` : "https://…"}
            onChange={(event) => onChange("discussionUrl", event.target.value)}
            onBlur={() => onBlur("discussionUrl")}
          />
        )}
      </Field>
    </section>
  );
}
