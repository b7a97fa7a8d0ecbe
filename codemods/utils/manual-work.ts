// Lets a matcher deep in a rewrite stop it with the reason it must stay manual, without every
// caller threading an "unknown" result back up.
class ManualWork extends Error {}

/** Stops the rewrite with a reason: thrown deep in the matchers, turned into a manual outcome at the top. */
export function manual(reason: string): never {
  throw new ManualWork(reason);
}

/** Runs `rewrite`; a `manual(reason)` inside it becomes what `onManual(reason)` returns. */
export function unlessManual<T>(rewrite: () => T, onManual: (reason: string) => T): T {
  try {
    return rewrite();
  } catch (error) {
    if (error instanceof ManualWork) return onManual(error.message);
    throw error;
  }
}
