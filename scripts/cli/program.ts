/**
 * The `snippet-docs` command line: commander parses, this file words the help and the errors
 * (commander's own messages never reach the user) and maps every outcome to an exit code.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Help, Option } from "commander";
import { isInputError } from "../lib/diagnostics.ts";
import { commandContext, type CommandDefinition } from "./command.ts";
import type { CliIo } from "./io.ts";
import { commandLine, invocationOf, type Invocation } from "./invocation.ts";
import { EXIT, printDiagnostics, UsageError } from "./run.ts";

export const PROGRAM_NAME = "snippet-docs";

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/** Commander's error codes -> our wording. `message` is commander's, used only to pick out names. */
function reword(error: CommanderError, commands: readonly CommandDefinition[]): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? "";
  const suggestion = /\(Did you mean (.*)\?\)/.exec(error.message)?.[1];
  const hint = suggestion ? ` (did you mean ${suggestion}?)` : "";
  switch (error.code) {
    case "commander.unknownOption":
      return `unknown option ${quoted}${hint}`;
    case "commander.unknownCommand":
      return `unknown command "${quoted}"${hint}: the commands are ${commands.map((command) => command.name).join(", ")}`;
    case "commander.excessArguments": {
      const [expected, received] = [...error.message.matchAll(/\d+/g)].map((match) => match[0]);
      return `too many arguments: ${expected === "0" ? "it takes none" : `it takes ${expected}`}, got ${received}`;
    }
    case "commander.missingArgument":
      return `missing the <${quoted}> argument`;
    case "commander.optionMissingArgument":
      return `${quoted.split(/[ ,]+/).find((flag) => flag.startsWith("--")) ?? quoted} needs a value`;
    case "commander.invalidArgument":
      // Our parsers word the reason; commander prefixes where it came from.
      return error.message.replace(/^error: .*? is invalid\. /, "");
    default:
      return error.message.replace(/^error: /, "");
  }
}

/** The usage line repeats how the command was started (`npm run preview -- [options]`). */
class InvocationHelp extends Help {
  constructor(private readonly invocationFor: (name: string) => Invocation) {
    super();
  }

  override commandUsage(command: Command): string {
    if (!command.parent) return `${PROGRAM_NAME} <command> [options]`;
    return commandLine(this.invocationFor(command.name()), command.usage());
  }
}

function examplesText(definition: CommandDefinition, invocation: Invocation): string {
  const examples = definition.examples.map(
    ([args, explanation]) => `  # ${explanation}\n  ${commandLine(invocation, args)}`,
  );
  return `\nExamples:\n${examples.join("\n\n")}\n`;
}

interface Outcome {
  code: number;
}

function declare(program: Command, definition: CommandDefinition, io: CliIo, outcome: Outcome): void {
  const invocation = invocationOf(definition.name, io.env);
  const command = program.command(definition.name).summary(definition.summary).description(definition.description);
  definition.declare?.(command);
  if (definition.readsConfig) {
    command.addOption(
      new Option(
        "--config <file>",
        "configuration file (default: snippet-docs.config.json, searched from the working directory upwards)",
      ),
    );
  }
  command.addOption(new Option("--cwd <dir>", "run as if started in this directory"));
  command.addHelpText("after", examplesText(definition, invocation));
  command.createHelp = program.createHelp;
  command.action(async (...received: unknown[]) => {
    // commander passes the declared arguments, then the options, then the command itself.
    const options = command.opts();
    const args = received
      .slice(0, command.registeredArguments.length)
      .flatMap((value) => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]));
    const context = commandContext(io, options, invocation);
    // Messages show paths relative to the process's working directory, so the command runs there.
    const previous = process.cwd();
    process.chdir(context.cwd);
    try {
      outcome.code = await definition.run(context, options, args);
    } finally {
      process.chdir(previous);
    }
  });
}

export function buildProgram(commands: readonly CommandDefinition[], io: CliIo, outcome: Outcome): Command {
  const program = new Command(PROGRAM_NAME)
    .description("Generates API documentation pages with verified code snippets from JSON Schema specs.")
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .addHelpText("after", "\nsnippet-docs --explain <rule> is snippet-docs explain <rule>.")
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });
  // Subcommands made by program.command() inherit the settings above; help is made per command.
  program.createHelp = () => new InvocationHelp((name) => invocationOf(name, io.env));
  for (const definition of commands) declare(program, definition, io, outcome);
  return program;
}

/** Runs `argv` (the words after `snippet-docs`) against `commands`; resolves to the exit code. */
export async function runProgram(
  commands: readonly CommandDefinition[],
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok };
  const program = buildProgram(commands, io, outcome);
  const helpFor = (name: string | undefined) => {
    const definition = commands.find((command) => command.name === name);
    return definition ? commandLine(invocationOf(definition.name, io.env), "--help") : `${PROGRAM_NAME} --help`;
  };
  try {
    if (argv.length === 0) {
      io.stderr(program.helpInformation());
      return EXIT.invalidInput;
    }
    await program.parseAsync(explainAlias(argv), { from: "user" });
    return outcome.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
      io.stderr(`error: ${reword(error, commands)}\nSee \`${helpFor(argv[0])}\`.\n`);
      return EXIT.invalidInput;
    }
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\nSee \`${helpFor(argv[0])}\`.\n`);
      return EXIT.invalidInput;
    }
    if (isInputError(error)) {
      printDiagnostics(io, error.diagnostics);
      return EXIT.invalidInput;
    }
    io.stderr(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}

/**
 * `snippet-docs --explain <rule>` is the spelling compilers taught users (rustc --explain); it is the
 * explain command under another name, so the option is rewritten rather than declared twice.
 */
function explainAlias(argv: readonly string[]): string[] {
  const [first, ...rest] = argv;
  if (first === "--explain") return ["explain", ...rest];
  if (first?.startsWith("--explain=")) return ["explain", first.slice("--explain=".length), ...rest];
  return [...argv];
}

/** `main(argv, io)` of one command: the same parsing and wording as `snippet-docs <name> ...argv`. */
export function commandMain(definition: CommandDefinition): (argv: readonly string[], io: CliIo) => Promise<number> {
  return (argv, io) => runProgram([definition], [definition.name, ...argv], io);
}
