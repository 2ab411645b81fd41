/**
 * Import blocks derived from what a snippet actually uses: renderers declare each module or
 * name as they emit code that needs it, never by scanning the text afterwards.
 */

const PYTHON_STDLIB = new Set(["base64", "codecs", "json", "os", "re"]);

export class PythonImports {
  private readonly modules = new Set<string>();
  private readonly names = new Map<string, Set<string>>();

  module(name: string): string {
    this.modules.add(name);
    return name;
  }

  from(module: string, name: string): string {
    const names = this.names.get(module) ?? new Set<string>();
    names.add(name);
    this.names.set(module, names);
    return name;
  }

  render(): string {
    const lines = (stdlib: boolean) => {
      const plain = [...this.modules]
        .filter((name) => PYTHON_STDLIB.has(name) === stdlib)
        .map((name) => `import ${name}`);
      const from = [...this.names.keys()]
        .filter((module) => PYTHON_STDLIB.has(module) === stdlib)
        .map((module) => `from ${module} import ${[...(this.names.get(module) ?? [])].sort().join(", ")}`);
      return [...plain, ...from].sort((a, b) => a.replace(/^from /, "").localeCompare(b.replace(/^from /, "")));
    };
    return [lines(true), lines(false)]
      .filter((group) => group.length > 0)
      .map((group) => group.join("\n"))
      .join("\n\n");
  }
}
