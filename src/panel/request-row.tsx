import { Component } from 'preact';
import { failureKindShort } from '../core/cors';
import type { Column } from './columns';
import type { Row } from './row-of';

interface Props {
  row: Row;
  /** 0-based index among the visible rows. */
  index: number;
  top: number;
  selected: boolean;
  columns: Column[];
}

export function rowElementId(index: number): string {
  return `request-row-${index}`;
}

/**
 * One exchange in the table; absolutely placed because the table is virtualised. Clicks are handled by the table
 * (one listener for every row), so a row re-renders only when its own props change: selecting a row among 10,000
 * touches two rows, not every row in view.
 */
export class RequestRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return (
      next.row !== now.row ||
      next.index !== now.index ||
      next.top !== now.top ||
      next.selected !== now.selected ||
      next.columns !== now.columns
    );
  }

  override render({ row, index, top, selected, columns }: Props) {
    return (
      // biome-ignore lint/a11y: Virtualised rows are absolutely placed divs, so the grid semantics are spelled out with ARIA roles; the grid owns focus and keys (aria-activedescendant)
      <div
        role="row"
        id={rowElementId(index)}
        class={`row verdict-${row.verdict}${selected ? ' selected' : ''}`}
        // The header is row 1, so data rows start at 2 (WAI-ARIA grid: aria-rowindex is 1-based).
        aria-rowindex={index + 2}
        aria-selected={selected}
        data-id={row.id}
        style={{ transform: `translateY(${top}px)` }}
      >
        {columns.map((column) => (
          // biome-ignore lint/a11y: Virtualised rows are absolutely placed divs, so the grid semantics are spelled out with ARIA roles
          <div
            role="gridcell"
            class={`cell col-${column.id}`}
            key={column.id}
            title={(column.title ?? column.text)(row)}
          >
            {column.id === 'verdict' ? <VerdictText row={row} /> : column.text(row)}
          </div>
        ))}
      </div>
    );
  }
}

const VERDICT_LABEL: Record<Row['verdict'], string> = {
  pending: 'pending',
  allowed: 'allowed',
  blocked: 'blocked',
  override: 'allowed by override',
  failed: 'failed',
  uncertain: 'allowed without credentials',
};

function VerdictText({ row }: { row: Row }) {
  return (
    <>
      <span class="verdict-label">{VERDICT_LABEL[row.verdict]}</span>
      {/* A failed row (headers pass, the browser failed it) is its own kind: "failed" says it. */}
      {row.kind && row.verdict === 'blocked' && (
        <span class={`kind kind-${row.kind.id}`}> · {failureKindShort(row.kind)}</span>
      )}
      {row.verdict === 'allowed' || row.verdict === 'pending' ? null : (
        <span class="reason"> · {row.reason}</span>
      )}
      {row.wildcardAuthorization && <span class="row-warning"> · ⚠ Authorization via *</span>}
      {row.verdict === 'allowed' && row.entry.verdict.hiddenReads?.length ? (
        <span class="row-warning"> · ⚠ {row.reason}</span>
      ) : null}
    </>
  );
}
