import { MIN_WIDTH } from './columns';

interface Props {
  label: string;
  width: number;
  onResize(width: number): void;
}

/** A header cell whose right edge drags to resize the column. */
export function ColumnHeader({ label, width, onResize }: Props) {
  const startDrag = (event: PointerEvent) => {
    event.preventDefault();
    const startX = event.clientX;
    const move = (e: PointerEvent) => onResize(Math.max(MIN_WIDTH, Math.round(width + e.clientX - startX)));
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
  };
  return (
    // biome-ignore lint/a11y: Virtualised rows are absolutely placed divs, so the grid semantics are spelled out with ARIA roles; the drag handle is a pointer-only extra
    <div role="columnheader" class="cell header-cell">
      <span>{label}</span>
      <span
        class="resize-handle"
        aria-hidden="true"
        data-testid={`resize-${label}`}
        onPointerDown={startDrag}
      />
    </div>
  );
}
