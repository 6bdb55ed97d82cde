// What answering preflights does, told before the user turns it on (popup and panel say the same).

/** Where the option would be, in a browser that cannot answer preflights (Firefox, measured on ESR 153). */
export const CANNOT_ANSWER_PREFLIGHTS =
  'Firefox cannot answer preflights for you: no extension API there can replace a response’s status, so only a server change fixes a refused preflight.';

/** The explanation shown before the permission prompt, naming the browser's debugging bar. */
export function RescueExplanation({ pageOrigin, target }: { pageOrigin: string; target: string }) {
  return (
    <div class="rescue-explanation" data-testid="rescue-explanation">
      <p>
        While this override is in force, CORS Lens answers the preflights (OPTIONS) from{' '}
        <code>{pageOrigin}</code> to <code>{target}</code> that the server refuses (a 401, 404, 405, 500 or a
        redirect) itself: 204 with this override’s headers. The server still receives every request; the Fix
        tab still shows what to change there.
      </p>
      <p>
        To do so CORS Lens uses the browser’s debugger on this site’s tabs. Chrome asks once for permission to
        “access the page debugger backend”, and shows the bar{' '}
        <em>“CORS Lens” started debugging this browser</em> while it answers. Cancel on that bar stops it and
        switches this option off.
      </p>
    </div>
  );
}
