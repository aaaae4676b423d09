/** How the analytics figures are measured, in words, below the charts. */

export function Definitions() {
  return (
    <section aria-labelledby="analytics-definitions" className="text-muted-foreground text-sm">
      <h2 id="analytics-definitions" className="font-medium text-foreground">
        How these figures are measured
      </h2>
      <dl className="mt-2 grid gap-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">Voting power at a snapshot</dt>
        <dd>
          Rebuilt by the indexer from the token’s DelegateVotesChanged events up to the snapshot: each delegate’s power
          is what <code>getPastVotes(delegate, snapshot)</code> answers, for every delegate the index has seen since the
          token’s first block. A snapshot appears once the index has passed it.
        </dd>
        <dt className="font-medium">Turnout</dt>
        <dd>
          For + Against + Abstain weight cast, divided by the sum of all delegates’ voting power at the snapshot, and by
          the token’s total supply at the snapshot (from its mints and burns in the index).
        </dd>
        <dt className="font-medium">Supply delegated</dt>
        <dd>All delegates’ voting power now ÷ the total supply now. Tokens never delegated carry no vote.</dd>
        <dt className="font-medium">Never voted</dt>
        <dd>Voting power now of delegates with no vote on this governor in the index.</dd>
        <dt className="font-medium">Nakamoto (quorum)</dt>
        <dd>
          The fewest largest delegates whose power together reaches the quorum (<code>quorum(snapshot)</code>, read from
          the governor): voting For with nobody else voting, they pass a proposal alone. Only the 100 largest are kept
          per snapshot, so a larger figure shows as “over 100”. “Now” uses the quorum and power at the latest indexed
          block.
        </dd>
        <dt className="font-medium">Nakamoto (majority)</dt>
        <dd>
          The fewest largest delegates holding more than half of all voting power: they win even if everyone votes.
        </dd>
        <dt className="font-medium">Gini</dt>
        <dd>
          Inequality of voting power among delegates with power above zero: 0 when equal, near 1 when one holds all.
        </dd>
        <dt className="font-medium">Top-10 share</dt>
        <dd>Voting power of the 10 largest delegates ÷ all voting power.</dd>
      </dl>
    </section>
  );
}
