/**
 * Import blocks derived from what a snippet actually uses: renderers declare each module or
 * name as they emit code that needs it, never by scanning the text afterwards.
 */

export class JsImports {
  private readonly names = new Map<string, Set<string>>();

  named(module: string, name: string): string {
    const names = this.names.get(module) ?? new Set<string>();
    names.add(name);
    this.names.set(module, names);
    return name;
  }

  render(): string {
    return [...this.names.keys()]
      .sort((a, b) => Number(a.startsWith("node:")) - Number(b.startsWith("node:")) || a.localeCompare(b))
      .map((module) => `import { ${[...(this.names.get(module) ?? [])].sort().join(", ")} } from "${module}";`)
      .join("\n");
  }
}
