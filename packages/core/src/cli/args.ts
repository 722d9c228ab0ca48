// The command line's one argument parser (Node's util.parseArgs, strict) and the help it prints.
import { parseArgs } from "node:util";

/** An option of a command: `--name VALUE` (type string) or `--name` (type boolean). */
export interface OptionSpec {
  type: "string" | "boolean";
  /** the value's placeholder in the help ("N", "FILE", "URL"); string options only */
  value?: string;
  /** the only values accepted, named in the refusal */
  choices?: readonly string[];
  /** what it does, with its unit and its default; "\n" starts another line */
  help: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** A command of `npm run <command>`: what its help prints, and what its arguments may be. */
export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** one line for the list of commands */
  summary: string;
  /** the usage line, `npm run <command> ...` */
  synopsis: string;
  /** what it does and touches, a few sentences */
  description: string;
  /** its positional arguments in order: placeholder and meaning ("\n" starts another line) */
  arguments: readonly (readonly [name: string, help: string])[];
  /** how many positional arguments it takes */
  positionals: { min: number; max: number };
  options: O;
  /** full command lines */
  examples: readonly string[];
}

/** The options given, each `string` (type string) or `true` (type boolean); absent when not given. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean;
};

export interface ParsedCommand<O extends OptionSpecs> {
  values: OptionValues<O>;
  positionals: string[];
}

/** Arguments the command does not take (unknown option, extra or missing argument, value out of its choices). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** "a, b, or c": the values an argument or option accepts. */
export const anyOf = (values: readonly string[]) =>
  new Intl.ListFormat("en", { type: "disjunction" }).format(values);

/** Every command's `-h`/`--help`. */
const HELP_OPTION = { type: "boolean", short: "h" } as const;

/**
 * parseArgs's refusal in one line, lower-cased like the CLI's own messages, without its final period. An unknown
 * option's hint about positional arguments starting with "-" is dropped: no command takes such a one.
 */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const kept = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? message.split(". ")[0] : message;
  const line = (kept ?? message)
    .replace(/\s*\n\s*/g, " ")
    .trim()
    .replace(/\.$/, "");
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/**
 * Parses a command's arguments (after the command's name) with util.parseArgs in strict mode: an unknown option, a
 * string option without its value or a boolean one with a value, more or fewer positional arguments than
 * `spec.positionals`, or a value outside an option's `choices` throws UsageError naming it. Returns null when the
 * arguments ask for the help (`--help` or `-h`, which wins over any mistake beside it).
 */
export function parseCommand<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  args: readonly string[],
): ParsedCommand<O> | null {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: HELP_OPTION },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    if (args.includes("--help") || args.includes("-h")) return null;
    throw new UsageError(oneLine(error));
  }
  if (parsed.values.help === true) return null;
  const { positionals } = parsed;
  const { min, max } = spec.positionals;
  const extra = positionals[max];
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  if (positionals.length < min) {
    const [name] = spec.arguments[positionals.length] ?? ["an argument"];
    throw new UsageError(`missing ${name}`);
  }
  for (const [name, option] of Object.entries(spec.options)) {
    const value = parsed.values[name];
    if (option.choices && typeof value === "string" && !option.choices.includes(value))
      throw new UsageError(`--${name} must be ${anyOf(option.choices)} (got '${value}')`);
  }
  return { values: parsed.values as OptionValues<O>, positionals };
}

/** Rows of a two-column list, the second column aligned and its continuation lines indented under it. */
function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 3;
  return rows
    .map(([label, help]) => `  ${label.padEnd(width)}${help.split("\n").join(`\n  ${" ".repeat(width)}`)}`)
    .join("\n");
}

/** A command's help: usage, what it does, its arguments and options (with units and defaults), examples. */
export function commandHelp(spec: CommandSpec): string {
  const options = Object.entries(spec.options).map(([name, option]): [string, string] => [
    `--${name}${option.value ? ` ${option.value}` : ""}`,
    option.help,
  ]);
  return [
    `Usage: ${spec.synopsis}`,
    "",
    spec.description,
    ...(spec.arguments.length > 0 ? ["", "Arguments:", table(spec.arguments)] : []),
    "",
    "Options:",
    table([...options, ["-h, --help", "prints this help and exits, touching nothing"]]),
    "",
    `Example${spec.examples.length > 1 ? "s" : ""}:`,
    ...spec.examples.map((example) => `  ${example}`),
  ].join("\n");
}

/** The list of commands with their one-line summaries, and how to get a command's help. */
export function commandList(commands: Record<string, CommandSpec>, footer: string): string {
  return [
    "Usage: npm run <command> [-- <arguments and options>]",
    "",
    "Commands:",
    table(Object.entries(commands).map(([name, spec]) => [name, spec.summary])),
    "",
    "A command's arguments, options and examples: npm run <command> -- --help",
    footer,
  ].join("\n");
}
