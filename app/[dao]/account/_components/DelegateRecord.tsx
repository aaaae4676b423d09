/**
 * How your delegate voted on every proposal since you delegated to them (the proposals whose
 * snapshot counted your tokens in their weight), and which ones they missed: the figure that tells
 * a holder when to re-delegate. From the indexer, for the wallet the browser last connected.
 */
import Link from "next/link";
import { IndexerAlert } from "@/components/ui/IndexerAlert";
import { PageLinks } from "@/components/ui/PageLinks";
import { shortAddress } from "@/lib/format/shortAddress";
import { IndexerNotFoundError } from "@/lib/indexer/client";
import type { IndexedDelegateRecord } from "@/lib/indexer/types";
import { supportLabel } from "@/lib/proposals/supportLabel";
import { getIndexer } from "@/lib/server/indexer";
import { settle } from "@/lib/server/settle";

const PAGE_SIZE = 20;
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

type Outcome = "voted" | "missed" | "open";

function outcomeOf(item: IndexedDelegateRecord["items"][number], clock: bigint): Outcome {
  if (item.vote !== null) return "voted";
  if (item.proposal.status === "canceled") return "open";
  return BigInt(item.proposal.voteEnd) < clock ? "missed" : "open";
}

/** @example <DelegateRecord slug="demo" account="0x…" page={1} /> */
export async function DelegateRecord({ slug, account, page }: { slug: string; account: string; page: number }) {
  const result = await settle(
    getIndexer().getDelegateRecord(slug, account, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    `reading the delegate record of ${account} on "${slug}"`,
  );
  if (!result.ok) {
    if (result.error instanceof IndexerNotFoundError) return null;
    return <IndexerAlert error={result.error} what="Your delegate’s voting record" />;
  }
  const record = result.value;
  if (record.delegate === null) {
    return (
      <p className="text-muted-foreground text-sm">
        This wallet has not delegated, so no delegate votes with its tokens.
      </p>
    );
  }
  const clock = BigInt(record.clock);
  const self = record.delegate.toLowerCase() === account.toLowerCase();
  const outcomes = record.items.map((item) => outcomeOf(item, clock));
  const missed = outcomes.filter((outcome) => outcome === "missed").length;
  const voted = outcomes.filter((outcome) => outcome === "voted").length;
  const pageCount = Math.max(1, Math.ceil(record.total / PAGE_SIZE));
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        {self ? "You delegate to yourself" : "Your delegate is "}
        {self ? null : (
          <Link
            href={`/${encodeURIComponent(slug)}/delegates/${record.delegate}`}
            className="font-mono text-accent underline"
          >
            {shortAddress(record.delegate)}
          </Link>
        )}
        {record.since ? `, since ${dateFormat.format(new Date(record.since.timestamp * 1000))}` : ""}.{" "}
        {record.total === 0
          ? "No proposal has had its snapshot since."
          : `Of the ${record.items.length} ${record.items.length === 1 ? "proposal" : "proposals"} listed here, ${voted} voted and ${missed} missed.`}
      </p>
      {record.total > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              How your delegate voted on each proposal since you delegated, newest first
            </caption>
            <thead className="border-border border-b text-muted-foreground text-xs">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Proposal
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Their vote
                </th>
                <th scope="col" className="py-2 font-medium">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {record.items.map((item, index) => {
                const outcome = outcomes[index];
                return (
                  <tr key={item.proposal.id} className="border-border border-b last:border-0">
                    <td className="py-2 pr-3">
                      <Link
                        href={`/${encodeURIComponent(slug)}/proposals/${item.proposal.id}`}
                        className="break-words text-accent underline"
                      >
                        {item.proposal.title.trim() || "Untitled proposal"}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap py-2 pr-3">
                      {item.vote ? (
                        (supportLabel(item.vote.support) ?? `Type ${item.vote.support}`)
                      ) : outcome === "missed" ? (
                        <strong className="font-semibold">Missed</strong>
                      ) : item.proposal.status === "canceled" ? (
                        "Canceled"
                      ) : (
                        "Not yet (voting open)"
                      )}
                    </td>
                    <td className="max-w-xs truncate py-2 text-muted-foreground" title={item.vote?.reason || undefined}>
                      {item.vote?.reason || "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <PageLinks
        label="Delegate record pages"
        param="record"
        page={page}
        pageCount={pageCount}
        previousText="← Newer"
        nextText="Older →"
        hash="delegate-record"
      />
    </div>
  );
}
