/**
 * Values of pure work by key, for long-lived processes (the preview's builder, a watch): a
 * rebuild after an edit finds most of its work done. At most `limit` entries are kept; when full,
 * the oldest goes, so a long session cannot grow it without end.
 */
export class BoundedMemo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.values.get(key);
  }

  set(key: K, value: V): void {
    if (!this.values.has(key) && this.values.size >= this.limit)
      this.values.delete(this.values.keys().next().value as K);
    this.values.set(key, value);
  }

  /** The value remembered for `key`, or `make(key)`, remembered. */
  getOrMake(key: K, make: (key: K) => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = make(key);
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.values.clear();
  }
}
