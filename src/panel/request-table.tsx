import { useCallback, useEffect, useRef } from 'preact/hooks';
import { ColumnHeader } from './column-header';
import { COLUMNS, COMPACT_COLUMNS, type ColumnId, type ColumnWidths, gridTemplate } from './columns';
import { RequestRow, rowElementId } from './request-row';
import type { Row } from './row-of';
import { useTailFollow } from './use-tail-follow';
import { useVirtualizer } from './use-virtualizer';

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;

interface Props {
  rows: Row[];
  selectedId: string | undefined;
  widths: ColumnWidths;
  /** Only the columns that identify a request (the detail pane is open beside the table). */
  compact?: boolean;
  onSelect(id: string | undefined): void;
  onOpen(): void;
  onClose(): void;
  onResize(column: ColumnId, width: number): void;
}

/**
 * The request log as an ARIA grid. Only the rows in view are in the DOM, so aria-rowcount and aria-rowindex tell
 * assistive technology where they sit; keyboard focus stays on the grid and aria-activedescendant names the row.
 */
export function RequestTable({
  rows,
  selectedId,
  widths,
  compact = false,
  onSelect,
  onOpen,
  onClose,
  onResize,
}: Props) {
  const columns = compact ? COMPACT_COLUMNS : COLUMNS;
  const scrollRef = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const follow = useTailFollow(getScrollElement, ROW_HEIGHT);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    follow,
    // Stable while the rows are: a new key function makes the virtualiser re-measure all 10,000 rows.
    getItemKey: useCallback((index: number) => rows[index]?.id ?? index, [rows]),
    rowHeight: ROW_HEIGHT,
    // The sticky header occupies the top of the scroll area: rows start below it and scroll into view under it.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const selectedIndex = selectedId === undefined ? -1 : rows.findIndex((row) => row.id === selectedId);

  // Open on the newest requests, as the Network panel does; from then on the virtualiser follows new rows only
  // while the view is at the bottom (followOnAppend), so scrolling up to read stops the tailing. Once per mount.
  useEffect(() => {
    if (rows.length > 0 && selectedIndex < 0) virtualizer.scrollToEnd();
  }, [virtualizer]);

  useEffect(() => {
    if (selectedIndex < 0) return;
    // Scroll only when the row is out of view (keyboard navigation): a scroll forces a layout, which a click on a
    // visible row does not need.
    const top = HEADER_HEIGHT + selectedIndex * ROW_HEIGHT;
    const offset = virtualizer.scrollOffset ?? 0;
    const inView =
      top >= offset + HEADER_HEIGHT && top + ROW_HEIGHT <= offset + (virtualizer.scrollRect?.height ?? 0);
    if (!inView) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent) => {
    const move = (index: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (row) onSelect(row.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        move(selectedIndex + 1);
        break;
      case 'ArrowUp':
        move(selectedIndex < 0 ? rows.length - 1 : selectedIndex - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'Enter':
        if (selectedIndex >= 0) onOpen();
        break;
      case 'Escape':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const template = gridTemplate(widths, columns);
  const items = virtualizer.getVirtualItems();
  return (
    // biome-ignore lint/a11y: Virtualised rows are absolutely placed divs, so the grid semantics are spelled out with ARIA roles
    <div
      ref={scrollRef}
      class="grid"
      role="grid"
      aria-label="Cross-origin requests"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedIndex >= 0 ? rowElementId(selectedIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ '--columns': template }}
    >
      {/* biome-ignore lint/a11y: Virtualised rows are absolutely placed divs, so the grid semantics are spelled out with ARIA roles */}
      <div role="rowgroup" class="grid-head" style={{ height: `${HEADER_HEIGHT}px` }}>
        {/* biome-ignore lint/a11y: Virtualised rows are absolutely placed divs, so the grid semantics are spelled out with ARIA roles */}
        <div role="row" class="row header-row" aria-rowindex={1}>
          {columns.map((column) => (
            <ColumnHeader
              key={column.id}
              label={column.label}
              width={widths[column.id]}
              onResize={(width) => onResize(column.id, width)}
            />
          ))}
        </div>
      </div>
      {/* biome-ignore lint/a11y: Virtualised rows are absolutely placed divs, so the grid semantics are spelled out with ARIA roles */}
      <div
        role="rowgroup"
        class="grid-body"
        style={{ height: `${Math.max(0, virtualizer.getTotalSize() - HEADER_HEIGHT)}px` }}
        onClick={(event) => {
          const id = (event.target as Element).closest<HTMLElement>('.row[data-id]')?.dataset.id;
          if (id === undefined) return;
          onSelect(id);
          onOpen();
        }}
      >
        {items.map((item) => {
          const row = rows[item.index];
          return row ? (
            <RequestRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              selected={row.id === selectedId}
              columns={columns}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}
