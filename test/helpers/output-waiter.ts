/**
 * Collects what a long-running command prints and lets a test wait until a condition holds, checked
 * on every write: no polling interval and no wall-clock limit of its own (vitest's test timeout is
 * the only backstop).
 */
export class OutputWaiter {
  stdout = "";
  stderr = "";
  private readonly waiting: { condition: () => boolean; resolve: () => void }[] = [];

  readonly onStdout = (text: string): void => {
    this.stdout += text;
    this.recheck();
  };

  readonly onStderr = (text: string): void => {
    this.stderr += text;
    this.recheck();
  };

  until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ condition, resolve }));
  }

  private recheck(): void {
    for (const waiter of [...this.waiting]) {
      if (!waiter.condition()) continue;
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
