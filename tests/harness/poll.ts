// Polling for end-to-end tests: browsers apply rules, badges and storage writes asynchronously, so a test waits
// for the state it expects (with a generous deadline for slow CI machines) instead of sleeping a fixed time.

/**
 * Reads `read()` until `done(value)` holds or `timeoutMs` passes; returns the last value seen, so the caller's
 * assertion on it fails with what the browser actually showed.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seen = await read();
  while (!done(seen) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    seen = await read();
  }
  return seen;
}

/**
 * Tests of one file that continue from an earlier test's state (vitest runs a file's tests in order): each test
 * marks its step done at its end, and a test that needs it says so first. If the earlier test failed or was
 * filtered out, the later one fails naming the missing step instead of on a confusing state.
 */
export function fileSteps() {
  const done = new Set<string>();
  return {
    done(step: string): void {
      done.add(step);
    },
    require(step: string): void {
      if (!done.has(step))
        throw new Error(
          `this test continues from the earlier test "${step}" of this file, which did not complete: fix or run that one first`,
        );
    },
  };
}
