/**
 * Checks an import graph against a table of layers (layers.ts): every file has a layer, no import
 * points to a higher layer, and no chain of imports comes back to where it started. Returns one
 * readable message per problem, naming the files and lines to change.
 */
import type { ImportEdge, ImportGraph } from "./import-graph.ts";
import type { Layer } from "./layers.ts";

const TABLE = "test/architecture/layers.ts";

function holds(layerPath: string, file: string): boolean {
  return layerPath.endsWith("/") ? file.startsWith(layerPath) : file === layerPath;
}

/** The layer holding `file` (its index in `layers`) and the path of that layer's row that holds it. */
function placeOf(file: string, layers: readonly Layer[]): { index: number; path: string } | undefined {
  let best: { index: number; path: string } | undefined;
  layers.forEach((layer, index) => {
    for (const layerPath of layer.paths) {
      if (holds(layerPath, file) && layerPath.length > (best?.path.length ?? -1)) best = { index, path: layerPath };
    }
  });
  return best;
}

/** Index in `layers` of the layer holding `file` (the longest matching path wins). */
export function layerIndexOf(file: string, layers: readonly Layer[]): number | undefined {
  return placeOf(file, layers)?.index;
}

function unplacedFiles(files: readonly string[], layers: readonly Layer[]): string[] {
  const rows = layers.map((layer) => `  ${layer.name}: ${layer.holds} (${layer.paths.join(", ")})`).join("\n");
  return files
    .filter((file) => layerIndexOf(file, layers) === undefined)
    .map(
      (file) =>
        `${file} is in no layer: move it into the folder of the layer it belongs to, or add it to ${TABLE}. The layers, lowest first:\n${rows}`,
    );
}

function upwardImports(edges: readonly ImportEdge[], layers: readonly Layer[]): string[] {
  return edges.flatMap(({ from, to, line }) => {
    const fromIndex = layerIndexOf(from, layers);
    const toIndex = layerIndexOf(to, layers);
    if (fromIndex === undefined || toIndex === undefined || toIndex <= fromIndex) return [];
    const lower = layers[fromIndex]?.name;
    const higher = layers[toIndex]?.name;
    return [
      `${from}:${line} imports ${to}: layer "${lower}" must not import layer "${higher}" above it ` +
        `(move what it needs down to "${lower}" or below; the order is in ${TABLE})`,
    ];
  });
}

/** Strongly connected components (Tarjan) with more than one file, or a file importing itself. */
function cyclicComponents(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const edge of edges) next.get(edge.from)?.push(edge.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    const importsItself = (next.get(file) ?? []).includes(file);
    if (component.length > 1 || importsItself) components.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return components;
}

/** One shortest way round a cyclic component, from its first file back to it, as edges. */
function oneCycle(component: readonly string[], edges: readonly ImportEdge[]): ImportEdge[] {
  const members = new Set(component);
  const start = component[0] ?? "";
  const cameBy = new Map<string, ImportEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const file = queue[head] ?? "";
    for (const edge of edges) {
      if (edge.from !== file || !members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let step = cameBy.get(file); step; step = cameBy.get(step.from)) path.unshift(step);
        return path;
      }
      if (!cameBy.has(edge.to)) {
        cameBy.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return [];
}

function importCycles(graph: ImportGraph): string[] {
  return cyclicComponents(graph.files, graph.edges).map((component) => {
    const steps = oneCycle(component, graph.edges).map((edge) => `${edge.from}:${edge.line}`);
    return `import cycle through ${component.length} file(s): ${[...steps, component[0]].join(" -> ")}`;
  });
}

/**
 * Cycles between the folders of the table (the paths of its rows), which file cycles do not show:
 * two folders of one layer that import each other have no direction, even when no file cycle does.
 */
function folderCycles(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const folderEdges = new Map<string, { edge: ImportEdge; through: ImportEdge }>();
  for (const edge of graph.edges) {
    const from = placeOf(edge.from, layers)?.path;
    const to = placeOf(edge.to, layers)?.path;
    if (from === undefined || to === undefined || from === to || folderEdges.has(`${from} ${to}`)) continue;
    folderEdges.set(`${from} ${to}`, { edge: { from, to, line: edge.line }, through: edge });
  }
  const edges = [...folderEdges.values()].map(({ edge }) => edge);
  const folders = [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))].sort();
  return cyclicComponents(folders, edges).map((component) => {
    const steps = oneCycle(component, edges).map(({ from, to }) => {
      const through = folderEdges.get(`${from} ${to}`)?.through;
      return `${from} (${through?.from}:${through?.line} imports ${through?.to})`;
    });
    return `folders import each other: ${[...steps, component[0]].join(" -> ")}`;
  });
}

/** Every problem of `graph` against `layers`; none when the code keeps to its layers. */
export function layerProblems(graph: ImportGraph, layers: readonly Layer[]): string[] {
  return [
    ...unplacedFiles(graph.files, layers),
    ...upwardImports(graph.edges, layers),
    ...importCycles(graph),
    ...folderCycles(graph, layers),
  ];
}
