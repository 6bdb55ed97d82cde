// One timer for work that waits for a quiet moment: it runs once nothing was touched for `quietMs`, and at the
// latest `latestMs` after the first touch since it last ran. The timer is re-armed when it fires, never per touch:
// touches come once per event on capture's hot path.
export interface QuietWindow {
  /** Something changed: the work is due after the next quiet moment (or the latest time). */
  touch(): void;
  /** The work was done (or dropped) some other way: nothing is due until the next touch. */
  cancel(): void;
}

export function quietWindow(quietMs: number, latestMs: number, run: () => void): QuietWindow {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;
  let lastAt = 0;
  const whenDue = () => {
    const now = Date.now();
    const due = Math.min(lastAt + quietMs, firstAt + latestMs);
    if (now < due) {
      timer = setTimeout(whenDue, due - now);
      return;
    }
    timer = undefined;
    run();
  };
  return {
    touch() {
      lastAt = Date.now();
      if (timer !== undefined) return;
      firstAt = lastAt;
      timer = setTimeout(whenDue, quietMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
