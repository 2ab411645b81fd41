/**
 * Fuzz mode: hostile strings and JSON values as example inputs, over a sample of tasks x
 * clients. Each case is one snippet rendered and run as published (a fuzzed example replaces the
 * task's), judged like a matrix case; fast-check shrinks a failure to a small counterexample,
 * which is reported with the snippet that failed.
 *
 * Values go where the task's input schema allows free values: each string in the example
 * (e.g. text-classification `inputs`, chat message `content`), each array of strings (zero-shot
 * candidate labels) and each place that takes any JSON value, found by probing the schema with
 * a hostile value. Every case is still checked against the input schema before it runs.
 */
import fc from "fast-check";
import { isJsonObject, type JsonObject, type JsonValue } from "../lib/json-source.ts";
import type { Specs, Task } from "../model/types.ts";
import type { SnippetJob } from "../pipeline/snippet-matrix.ts";
import { refusalReason } from "../../snippets/clients/types.ts";
import { withValueAt } from "../lib/with-value-at.ts";
import { buildRequest } from "../../snippets/request.ts";
import { runPool } from "./pool.ts";
import type { CaseResult, SnippetRunner } from "./runner.ts";

/** Pieces that break naive quoting in one language or another. */
const HOSTILE_PIECES = [
  "'",
  '"',
  "\\",
  "\\\\",
  "$(echo injected)",
  "`id`",
  "${HOME}",
  "$HOME",
  "${x}",
  "\n",
  "\r\n",
  "\r",
  "\t",
  "\u0000",
  "\u001b[31m",
  "😀",
  "👩‍👩‍👧",
  "é",
  "ß",
  "中文",
  "\u00a0",
  "\u2028",
  "\u2029",
  "@",
  "%s",
  "%(x)s",
  "{}",
  "{0}",
  "}}",
  "{{",
  "#",
  ";",
  "&&",
  "|",
  "!",
  "!!",
  "*",
  "~",
  " ",
  "--",
  "-d",
  "'''",
  '"""',
  "</script>",
  "\\u0041",
  "\\n",
  "\\x00",
  "EOF",
  "<<",
  "__proto__",
  "null",
  "true",
  "0",
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Hostile strings: mixes of the pieces, any graphemes, a leading @, and long strings up to 5,000 characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.array(piece, { maxLength: 6 }).map((parts) => "@" + parts.join("")) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.integer({ min: 200, max: 5000 }))
      .map(([parts, length]) =>
        parts
          .join("")
          .repeat(Math.ceil(length / Math.max(1, parts.join("").length)))
          .slice(0, length),
      ),
  },
);

/** JSON values whose strings (and object keys) are hostile too. */
export const hostileJson: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.jsonValue({ maxDepth: 3, stringUnit: "grapheme" }) as fc.Arbitrary<JsonValue>,
  fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileString,
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0)),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(hostileString, tie("value"), { maxKeys: 3 }),
    ),
  })).value,
);

type Path = (string | number)[];

export type SlotKind = "string" | "string-array" | "json" | "map";

/** A place in a task's example where fuzzed values go. */
export interface Slot {
  path: Path;
  kind: SlotKind;
  /** For maps (objects with free keys, e.g. a table's columns): what each value is. */
  valueKind?: "string" | "string-array";
}

const PROBE_STRING = 'it\'s "$(x)" `y` ${z} \\ \n\t😀 @';
const PROBE_JSON: JsonValue = { "k'\"": [1.5, "x", null, true, { "": false }] };

/** Fields the route decides (model, stream) and the binary field's file name are not fuzzed. */
function reservedKeys(task: Task): Set<string> {
  const keys = new Set(["stream"]);
  if (task.conversational) keys.add("model");
  if (task.binaryInput) keys.add(task.binaryInput.field);
  return keys;
}

/** "string" or "string-array" when every value of a non-empty object is one, else undefined. */
function mapValueKind(object: JsonObject): Slot["valueKind"] {
  const values = Object.values(object);
  if (values.length === 0) return undefined;
  if (values.every((item) => typeof item === "string")) return "string";
  if (values.every((item) => Array.isArray(item) && item.every((element) => typeof element === "string")))
    return "string-array";
  return undefined;
}

/** Where fuzzed values can go in `task`'s example: each place the input schema still accepts a probe value. */
export function fuzzSlots(specs: Specs, task: Task): Slot[] {
  const slots: Slot[] = [];
  const reserved = reservedKeys(task);
  const accepts = (path: Path, value: JsonValue) =>
    specs.validator.validate(task.schemas.input, withValueAt(task.example, path, value)).length === 0;
  const visit = (value: JsonValue, path: Path) => {
    if (path.length === 1 && reserved.has(String(path[0]))) return;
    if (path.length > 0 && accepts(path, PROBE_JSON) && accepts(path, PROBE_STRING)) {
      slots.push({ path, kind: "json" });
      return;
    }
    if (typeof value === "string") {
      if (accepts(path, PROBE_STRING)) slots.push({ path, kind: "string" });
    } else if (Array.isArray(value)) {
      if (
        value.length > 0 &&
        value.every((item) => typeof item === "string") &&
        accepts(path, [PROBE_STRING, PROBE_STRING + "2"])
      ) {
        slots.push({ path, kind: "string-array" });
      } else {
        value.forEach((item, index) => visit(item, [...path, index]));
      }
    } else if (isJsonObject(value)) {
      const valueKind = mapValueKind(value);
      const first = Object.values(value)[0];
      if (path.length > 0 && valueKind && first !== undefined && accepts(path, { ...value, [PROBE_STRING]: first })) {
        slots.push({ path, kind: "map", valueKind });
        return;
      }
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(task.example, []);
  return slots;
}

function slotArbitrary(slot: Slot): fc.Arbitrary<JsonValue> {
  if (slot.kind === "string") return hostileString;
  // Distinct labels: schemas may ask for unique items, and a label list rarely repeats.
  if (slot.kind === "string-array") return fc.uniqueArray(hostileString, { minLength: 1, maxLength: 4 });
  if (slot.kind === "map") {
    const value = slotArbitrary({ path: slot.path, kind: slot.valueKind ?? "string" });
    return fc.dictionary(hostileString, value, { minKeys: 1, maxKeys: 3 });
  }
  return hostileJson;
}

/** Fuzzed example fields (the top-level fields that change), for one task. */
export function exampleArbitrary(task: Task, slots: readonly Slot[]): fc.Arbitrary<JsonObject> {
  return fc.tuple(...slots.map(slotArbitrary)).map((values) => {
    let example: JsonValue = task.example;
    slots.forEach((slot, index) => {
      example = withValueAt(example, slot.path, values[index] as JsonValue);
    });
    const changed: JsonObject = {};
    for (const slot of slots) {
      const key = String(slot.path[0]);
      changed[key] = (example as JsonObject)[key] as JsonValue;
    }
    return changed;
  });
}

export interface FuzzTarget {
  job: SnippetJob;
  slots: Slot[];
  runs: number;
}

/**
 * The sample: one job per (task, client, stream variant) among tasks with fuzz slots, the first
 * live mapping of each; `total` cases shared out by client weight (curl, requests and fetch get
 * more, the SDK clients less).
 */
export function fuzzTargets(specs: Specs, jobs: readonly SnippetJob[], total: number): FuzzTarget[] {
  const slotsByTask = new Map(specs.tasks.map((task) => [task.id, fuzzSlots(specs, task)]));
  const seen = new Set<string>();
  const candidates: { job: SnippetJob; slots: Slot[]; weight: number }[] = [];
  for (const job of jobs) {
    const key = `${job.task.id}\u0000${job.client.id}\u0000${job.stream}`;
    const slots = slotsByTask.get(job.task.id) ?? [];
    if (seen.has(key) || slots.length === 0) continue;
    seen.add(key);
    candidates.push({ job, slots, weight: job.client.fuzzWeight ?? 1 });
  }
  const weightSum = candidates.reduce((sum, candidate) => sum + candidate.weight, 0);
  if (weightSum === 0 || total <= 0) return [];
  const targets = candidates.map((candidate) => ({
    job: candidate.job,
    slots: candidate.slots,
    runs: Math.floor((total * candidate.weight) / weightSum),
  }));
  // Hand out the remainder one by one, heaviest clients first, so the runs add up to `total`.
  let remainder = total - targets.reduce((sum, target) => sum + target.runs, 0);
  const order = targets
    .map((_, index) => index)
    .sort((a, b) => (candidates[b]?.weight ?? 0) - (candidates[a]?.weight ?? 0) || a - b);
  for (let index = 0; remainder > 0; index = (index + 1) % order.length, remainder -= 1) {
    (targets[order[index] as number] as FuzzTarget).runs += 1;
  }
  return targets.filter((target) => target.runs > 0);
}

export interface FuzzFailure {
  jobId: string;
  /** The shrunk example fields that make the snippet fail. */
  counterexample: JsonObject;
  result: CaseResult;
  seed: number;
  numShrinks: number;
}

export interface FuzzOutcome {
  /** One per generated case (shrinking runs excluded). */
  results: CaseResult[];
  failures: FuzzFailure[];
  shrinkRuns: number;
}

/** Runs after the first failure spent on shrinking it, per target; then the smallest failure so far stands. */
const SHRINK_BUDGET = 120;

async function fuzzTarget(runner: SnippetRunner, specs: Specs, target: FuzzTarget, seed: number): Promise<FuzzOutcome> {
  const results: CaseResult[] = [];
  let lastFailure: { example: JsonObject; result: CaseResult } | undefined;
  let shrinkRuns = 0;
  const arbitrary = exampleArbitrary(target.job.task, target.slots);
  // fc.sample with the check's seed yields the values the check will try first: render them in one batch.
  const upcoming = fc.sample(arbitrary, { seed, numRuns: Math.ceil(target.runs * 1.1) });
  await runner.prerender(upcoming.map((example) => ({ job: target.job, kind: "fuzz", example })));
  const property = fc.asyncProperty(arbitrary, async (example) => {
    const full = { ...target.job.task.example, ...example };
    fc.pre(specs.validator.validate(target.job.task.schemas.input, full).length === 0);
    // A value that makes the client decline the request yields no snippet on the pages: nothing to run.
    const { task, provider, mapping, client, stream } = target.job;
    const request = buildRequest(specs.router, task, provider, mapping, { stream, example });
    fc.pre(refusalReason(client, request) === undefined);
    if (lastFailure) {
      if (shrinkRuns >= SHRINK_BUDGET) return true;
      shrinkRuns += 1;
    }
    const result = await runner.run({ job: target.job, kind: "fuzz", example });
    if (!lastFailure) results.push(result);
    if (!result.ok) lastFailure = { example, result };
    return result.ok;
  });
  const details = await fc.check(property, { numRuns: target.runs, seed, maxSkipsPerRun: 20 });
  const failures: FuzzFailure[] = [];
  if (details.failed && lastFailure) {
    failures.push({
      jobId: target.job.id,
      counterexample: lastFailure.example,
      result: lastFailure.result,
      seed,
      numShrinks: details.numShrinks,
    });
  } else if (details.failed) {
    // The property threw outside a run (a harness bug): report it rather than lose it.
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const result: CaseResult = {
      id: target.job.id,
      clientId: target.job.client.id,
      kind: "fuzz",
      standIn: false,
      ok: false,
      problems: [`fuzzing failed: ${error}`],
      durationMs: 0,
    };
    results.push(result);
    failures.push({ jobId: target.job.id, counterexample: {}, result, seed, numShrinks: 0 });
  }
  return { results, failures, shrinkRuns };
}

export async function runFuzz(
  runner: SnippetRunner,
  specs: Specs,
  targets: readonly FuzzTarget[],
  options: { concurrency: number; seed: number; onResult?: (result: CaseResult) => void },
): Promise<FuzzOutcome> {
  const outcomes = await runPool(targets, options.concurrency, async (target, index) => {
    const outcome = await fuzzTarget(runner, specs, target, (options.seed + index) | 0);
    for (const result of outcome.results) options.onResult?.(result);
    return outcome;
  });
  return {
    results: outcomes.flatMap((outcome) => outcome.results),
    failures: outcomes.flatMap((outcome) => outcome.failures),
    shrinkRuns: outcomes.reduce((sum, outcome) => sum + outcome.shrinkRuns, 0),
  };
}
