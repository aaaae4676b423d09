/**
 * What to say when the indexer could not serve a list: unreachable, unaware of the DAO, or
 * answering something unexpected. Details go to the server log, not the page.
 */
import { Alert } from "@/components/ui/alert";
import { IndexerNotFoundError, IndexerUnavailableError } from "@/lib/indexer/client";

export type IndexerAlertProps = {
  error: unknown;
  /** What could not be shown, as a noun phrase: "The delegate list". */
  what: string;
  /** What still works, when something does. */
  stillWorks?: string;
  className?: string;
};

/** @example <IndexerAlert error={error} what="The delegate list" stillWorks="Voting power is read from the chain." /> */
export function IndexerAlert({ error, what, stillWorks, className }: IndexerAlertProps) {
  if (error instanceof IndexerNotFoundError) {
    return (
      <Alert tone="error" title="The indexer does not know this DAO" className={className}>
        {what} cannot be shown: the indexer answered but does not serve this DAO. Make sure the app and the indexer read
        the same DAO config.
      </Alert>
    );
  }
  const title =
    error instanceof IndexerUnavailableError ? "The indexer is unreachable" : "The indexer gave an unexpected answer";
  return (
    <Alert tone="error" title={title} className={className}>
      {what} cannot be shown right now. {stillWorks ? `${stillWorks} ` : ""}Reload the page to try again.
    </Alert>
  );
}
