import { useEffect, useState } from 'preact/hooks';

const UPWARD_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

/**
 * Whether new rows should scroll into view: yes until the user moves up (wheel or keys), then no until they come
 * back down to the end. The virtualiser alone decides from the scroll position, which a smooth wheel scroll (Firefox)
 * leaves near the end for a few frames: on a busy page the next row arrived first and pulled the view back down.
 */
export function useTailFollow(getScrollElement: () => HTMLElement | null, endThreshold: number): boolean {
  const [following, setFollowing] = useState(true);
  useEffect(() => {
    const element = getScrollElement();
    if (!element) return;
    let lastTop = element.scrollTop;
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY < 0) setFollowing(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (UPWARD_KEYS.has(event.key)) setFollowing(false);
    };
    const onScroll = () => {
      const top = element.scrollTop;
      const atEnd = element.scrollHeight - element.clientHeight - top <= endThreshold;
      // Only a move down to the end resumes tailing: an upward smooth scroll passes near the end too.
      if (atEnd && top > lastTop) setFollowing(true);
      lastTop = top;
    };
    element.addEventListener('wheel', onWheel, { passive: true });
    element.addEventListener('keydown', onKey);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('scroll', onScroll);
    };
  }, [getScrollElement, endThreshold]);
  return following;
}
