/**
 * Runs one build at a time. A change during a build asks for one more build after it (however
 * many changes came), so the last build always sees the latest input and builds never pile up.
 */
export class RebuildQueue<T> {
  private running = false;
  private again = false;

  constructor(
    private readonly build: () => Promise<T>,
    private readonly onResult: (result: T) => void,
  ) {}

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      this.onResult(await this.build());
    } while (this.again);
  }
}
