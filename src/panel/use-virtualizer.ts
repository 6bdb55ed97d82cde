import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

type Options = Pick<
  VirtualizerOptions<HTMLDivElement, HTMLDivElement>,
  'count' | 'getScrollElement' | 'getItemKey' | 'paddingStart' | 'scrollPaddingStart'
> & {
  rowHeight: number;
  /** False once the user has moved up from the newest rows (use-tail-follow.ts). */
  follow: boolean;
};

/** A virtual-core Virtualizer wired to Preact's render cycle (what @tanstack/react-virtual does for React). */
export function useVirtualizer({
  rowHeight,
  follow,
  ...options
}: Options): Virtualizer<HTMLDivElement, HTMLDivElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    ...options,
    estimateSize: () => rowHeight,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    overscan: 8,
    // Tail the log like the Network panel: new rows scroll into view only while the user is at the bottom.
    anchorTo: 'end',
    followOnAppend: follow,
    scrollEndThreshold: rowHeight,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return virtualizer;
}
