import type { ExchangeRecord } from '../core/exchange';

const API_NAME = { fetch: 'fetch()', xhr: 'XMLHttpRequest' } as const;

/** Which call made the request, where, and with which credentials mode: what the hook in the page saw. */
export function PageCallNote({ record }: { record: ExchangeRecord }) {
  const { page } = record;
  if (!page)
    return (
      <p class="muted" data-testid="page-call">
        Credentials mode not seen in the page (the request started before CORS Lens watched it, or it does not
        come from fetch() or XMLHttpRequest): it is inferred from the cookies sent.
      </p>
    );
  return (
    <p class="muted" data-testid="page-call">
      Sent by <code>{API_NAME[page.api]}</code>
      {page.location ? (
        <>
          {' '}
          at <code>{page.location}</code>
        </>
      ) : null}{' '}
      with <code>credentials: '{page.credentials}'</code> and <code>mode: '{page.mode}'</code>.
    </p>
  );
}
