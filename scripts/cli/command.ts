/**
 * One subcommand of `snippet-docs`, declared as data: its name, help text, examples, arguments and
 * options, and the function that runs it. program.ts turns a list of these into the CLI.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError, type Command, type OptionValues } from "commander";
import { findConfigFile } from "../config/config.ts";
import type { CliIo } from "./io.ts";
import { commandLine, type Invocation } from "./invocation.ts";
import { UsageError } from "./run.ts";

export interface CommandContext {
  io: CliIo;
  /** The working directory, after `--cwd`. */
  cwd: string;
  /** `--config`, resolved against cwd; else the configuration file found by walking up from cwd. */
  configFile?: string;
  /** The directory the project lives in: the configuration file's, or cwd without one. */
  projectRoot: string;
  invocation: Invocation;
  /** The command line for `args` as the user would type it (`npm run snippet -- x` or `snippet-docs snippet x`). */
  commandLine: (args: string) => string;
}

export interface CommandDefinition {
  name: string;
  /** One line, for the command list. */
  summary: string;
  /** What it does, for its --help. */
  description: string;
  /** Arguments after the command, each with what it shows. */
  examples: readonly (readonly [args: string, explanation: string])[];
  /** Whether it reads the configuration (adds --config). */
  readsConfig: boolean;
  /** Declares arguments and options on the command. */
  declare?(command: Command): void;
  run(context: CommandContext, options: OptionValues, args: string[]): Promise<number> | number;
}

export function commandContext(io: CliIo, options: OptionValues, invocation: Invocation): CommandContext {
  const cwd = typeof options["cwd"] === "string" ? path.resolve(io.cwd, options["cwd"]) : io.cwd;
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw new UsageError(`--cwd ${String(options["cwd"])}: no such directory`);
  const configFile = typeof options["config"] === "string" ? path.resolve(cwd, options["config"]) : findConfigFile(cwd);
  return {
    io,
    cwd,
    ...(configFile ? { configFile } : {}),
    projectRoot: configFile ? path.dirname(configFile) : cwd,
    invocation,
    commandLine: (args) => commandLine(invocation, args),
  };
}

/** Option parser for a repeatable option: `--task a --task b` gives ["a", "b"]. */
export function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Option parser that accepts one of `choices`, worded like our other argument errors. */
export function oneOf(choices: readonly string[], flag: string): (value: string) => string {
  return (value) => {
    if (!choices.includes(value))
      throw new InvalidArgumentError(`${flag} must be ${choices.join(" or ")}, not "${value}"`);
    return value;
  };
}
