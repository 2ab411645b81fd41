/**
 * Import blocks derived from what a snippet actually uses: renderers declare each module or
 * name as they emit code that needs it, never by scanning the text afterwards.
 */

/**
 * Standard-library packages our clients import (by top-level name): they form the first group, as
 * isort orders them. ruff's isort rule (I001) checks every Python snippet, so a module missing here
 * fails generation instead of printing an unsorted block.
 */
const PYTHON_STDLIB = new Set(["base64", "codecs", "json", "os", "re", "time", "urllib"]);

function isStandardLibrary(module: string): boolean {
  return PYTHON_STDLIB.has(module.split(".")[0] ?? module);
}

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
      // isort's default: within a group, `import x` lines first, then `from x import y`, each sorted.
      const plain = [...this.modules]
        .filter((name) => isStandardLibrary(name) === stdlib)
        .sort()
        .map((name) => `import ${name}`);
      const from = [...this.names.keys()]
        .filter((module) => isStandardLibrary(module) === stdlib)
        .sort()
        .map((module) => `from ${module} import ${[...(this.names.get(module) ?? [])].sort().join(", ")}`);
      return [...plain, ...from];
    };
    return [lines(true), lines(false)]
      .filter((group) => group.length > 0)
      .map((group) => group.join("\n"))
      .join("\n\n");
  }
}
