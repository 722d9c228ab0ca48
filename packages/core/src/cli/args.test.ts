import { describe, expect, test } from "vitest";
import { commandHelp, parseCommand, UsageError, type CommandSpec } from "./args";

const spec = {
  summary: "copies things",
  synopsis: "npm run copy -- FROM [TO] [--level N] [--mode fast|safe] [--dry]",
  description: "Copies FROM to TO.",
  arguments: [
    ["FROM", "the source"],
    ["TO", "the destination\n(default: FROM.bak)"],
  ],
  positionals: { min: 1, max: 2 },
  options: {
    level: { type: "string", value: "N", help: "an integer >= 1 (default: 1)" },
    mode: { type: "string", value: "MODE", choices: ["fast", "safe"], help: "fast or safe" },
    dry: { type: "boolean", help: "copies nothing" },
  },
  examples: ["npm run copy -- a b"],
} satisfies CommandSpec;

const refusal = (args: string[]) => {
  try {
    parseCommand(spec, args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(args)} was accepted`);
};

describe("parseCommand", () => {
  test("returns the options and the positional arguments, in any order", () => {
    expect(parseCommand(spec, ["--level", "3", "a", "--dry", "b", "--mode=safe"])).toEqual({
      values: { level: "3", dry: true, mode: "safe" },
      positionals: ["a", "b"],
    });
  });

  test.each([
    [["a", "--levle", "3"], "unknown option '--levle'"],
    [["a", "-x"], "unknown option '-x'"],
    [["a", "b", "c"], "unexpected argument 'c'"],
    [[], "missing FROM"],
    [["a", "--mode", "slow"], "--mode must be fast or safe (got 'slow')"],
    [["a", "--dry=yes"], "option '--dry' does not take an argument"],
  ])("refuses %j: %s", (args, message) => {
    expect(refusal(args)).toBe(message);
  });

  test("refuses a string option without its value, naming it, in one line", () => {
    for (const args of [
      ["a", "--level"],
      ["a", "--level", "-2"],
    ]) {
      const message = refusal(args);
      expect(message).toContain("'--level");
      expect(message).not.toContain("\n");
    }
  });

  test.each([[["--help"]], [["-h"]], [["a", "--levle", "--help"]], [["a", "b", "c", "-h"]]])(
    "asks for the help with %j, mistakes beside it notwithstanding",
    (args) => {
      expect(parseCommand(spec, args)).toBeNull();
    },
  );
});

describe("commandHelp", () => {
  test("prints the usage, the description, the arguments and options aligned, and the examples", () => {
    expect(commandHelp(spec)).toBe(
      [
        "Usage: npm run copy -- FROM [TO] [--level N] [--mode fast|safe] [--dry]",
        "",
        "Copies FROM to TO.",
        "",
        "Arguments:",
        "  FROM   the source",
        "  TO     the destination",
        "         (default: FROM.bak)",
        "",
        "Options:",
        "  --level N     an integer >= 1 (default: 1)",
        "  --mode MODE   fast or safe",
        "  --dry         copies nothing",
        "  -h, --help    prints this help and exits, touching nothing",
        "",
        "Example:",
        "  npm run copy -- a b",
      ].join("\n"),
    );
  });
});
