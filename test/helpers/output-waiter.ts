/**
 * Collects what a long-running command prints and lets a test wait until a condition holds, checked
 * on every write: no polling interval. A wait that has lasted `reportAfterMs` fails with everything
 * the command printed, which vitest's own timeout would not show; passing never depends on it.
 */
export class OutputWaiter {
  stdout = "";
  stderr = "";
  private readonly waiting: { condition: () => boolean; resolve: () => void }[] = [];

  constructor(private readonly reportAfterMs = 50_000) {}

  readonly onStdout = (text: string): void => {
    this.stdout += text;
    this.recheck();
  };

  readonly onStderr = (text: string): void => {
    this.stderr += text;
    this.recheck();
  };

  /** Resolves once `condition` holds; `what` names it in the report of a wait that lasted too long. */
  until(condition: () => boolean, what = "the condition"): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const report = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(
          new Error(
            `still waiting for ${what} after ${this.reportAfterMs} ms.\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
          ),
        );
      }, this.reportAfterMs);
      const waiter = { condition, resolve: () => (clearTimeout(report), resolve()) };
      this.waiting.push(waiter);
    });
  }

  private recheck(): void {
    for (const waiter of [...this.waiting]) {
      if (!waiter.condition()) continue;
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
