// The rows of the CORS panel as they are rendered, each tied to its lab scenario through the full URL in the URL
// cell's tooltip (the lab encodes the scenario in the URL).
import { scenarioOfUrl } from './panel-stream';
import type { UiView } from './real-browser';

export interface PanelRow {
  id: string;
  scenario: string | undefined;
  /** The verdict cell's text, e.g. "blocked · MissingAllowOriginHeader". */
  verdict: string;
  className: string;
}

export async function panelRows(panel: UiView): Promise<PanelRow[]> {
  const rows = await panel.evaluate<(Omit<PanelRow, 'scenario'> & { href: string })[]>(`(doc) =>
    [...doc.querySelectorAll('.grid-body .row')].map((row) => ({
      id: row.dataset.id,
      href: row.querySelector('.col-url')?.title ?? '',
      verdict: row.querySelector('.col-verdict')?.textContent ?? '',
      className: row.className,
    }))`);
  return rows.map(({ href, ...row }) => ({ ...row, scenario: href ? scenarioOfUrl(href) : undefined }));
}
