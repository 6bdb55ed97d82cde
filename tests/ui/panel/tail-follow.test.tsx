// @vitest-environment happy-dom
// Tailing the log: new rows stop pulling the view down as soon as the user moves up (a smooth wheel scroll leaves
// the view near the end for a few frames), and resume once the user comes back down to the end.
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { useCallback, useRef } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { useTailFollow } from '../../../src/panel/use-tail-follow';

afterEach(cleanup);

function Probe() {
  const ref = useRef<HTMLDivElement>(null);
  const following = useTailFollow(
    useCallback(() => ref.current, []),
    22,
  );
  return (
    <div ref={ref} data-testid="scroller" data-following={String(following)}>
      rows
    </div>
  );
}

/** A scroll area 1,000 px tall showing 200 px of it. */
function scroller() {
  const { getByTestId } = render(<Probe />);
  const element = getByTestId('scroller') as HTMLDivElement;
  Object.defineProperty(element, 'scrollHeight', { value: 1000 });
  Object.defineProperty(element, 'clientHeight', { value: 200 });
  const scrollTo = (top: number) => {
    element.scrollTop = top;
    fireEvent.scroll(element);
  };
  return { element, scrollTo, following: () => element.dataset.following };
}

describe('useTailFollow', () => {
  it('follows at first, and stops on a wheel up even while the view is still at the end', () => {
    const { element, scrollTo, following } = scroller();
    scrollTo(800);
    expect(following()).toBe('true');
    fireEvent.wheel(element, { deltaY: -100 });
    expect(following()).toBe('false');
    // The smooth scroll's first frames are still within a row of the end: they do not resume tailing.
    scrollTo(790);
    expect(following()).toBe('false');
  });

  it('a wheel down does not stop it; the keys that move up do', () => {
    const { element, following } = scroller();
    fireEvent.wheel(element, { deltaY: 100 });
    expect(following()).toBe('true');
    fireEvent.keyDown(element, { key: 'ArrowDown' });
    expect(following()).toBe('true');
    fireEvent.keyDown(element, { key: 'PageUp' });
    expect(following()).toBe('false');
  });

  it('resumes when the user scrolls back down to the end, not before', () => {
    const { element, scrollTo, following } = scroller();
    fireEvent.wheel(element, { deltaY: -100 });
    scrollTo(300);
    scrollTo(600);
    expect(following()).toBe('false');
    scrollTo(795);
    expect(following()).toBe('true');
  });
});
