import type { HeaderList } from '../core/exchange';

interface Props {
  title: string;
  headers: HeaderList;
  /** Lower-case names to mark as set by the page's script. */
  authorNames?: Set<string>;
  /** Lower-case name of the header the verdict is about. */
  highlight?: string | undefined;
  /** Lower-case names whose value was hidden (ExchangeRecord.redacted). */
  redactedNames?: Set<string>;
}

/** Headers as on the wire, in order, with the page's own headers and the offending one marked. */
export function HeaderTable({ title, headers, authorNames, highlight, redactedNames }: Props) {
  return (
    <section class="headers">
      <h3>{title}</h3>
      {headers.length === 0 ? (
        <p class="muted">None recorded.</p>
      ) : (
        <table>
          <tbody>
            {headers.map(([name, value], i) => {
              const lower = name.toLowerCase();
              const author = authorNames?.has(lower) === true;
              return (
                <tr
                  key={i}
                  class={lower === highlight ? 'highlight' : undefined}
                  data-author={author || undefined}
                >
                  <th scope="row">
                    {name}
                    {author && (
                      <span class="badge" title="Set by the page's script">
                        author
                      </span>
                    )}
                  </th>
                  <td>
                    <code>{value}</code>
                    {redactedNames?.has(lower) === true && (
                      <span class="badge" title="Value hidden: secrets are never stored or exported">
                        redacted
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
