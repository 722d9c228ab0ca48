import { join, resolve } from "node:path";
import ts from "typescript";

const CLIENT = resolve(import.meta.dirname, "..");
const REPO = resolve(CLIENT, "../..");

// What the generator reads from the server: the router type, the application error union, and the names of the
// API shapes (zod's `z.infer` loses a type's name: `Item` would otherwise be printed in full at every use).
const ENTRY = join(CLIENT, "scripts/contract-entry.ts");
const ENTRY_SOURCE = `import type { AppRouter } from "@lba/server/trpc";
import type { ApplicationErrorKey } from "@lba/core/schemas";
export type Router = AppRouter;
export type ErrorKey = ApplicationErrorKey;
`;
const NAMED_MODULE = "@lba/core/schemas";

/** A program over the client's tsconfig (which sees the server) whose only root is the entry above, in memory. */
function createProgram(): ts.Program {
  const configPath = join(CLIENT, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const options = { ...parsed.options, noEmit: true, composite: false, emitDeclarationOnly: false };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  const isEntry = (name: string) => resolve(name) === ENTRY;
  host.getSourceFile = (name, version, ...rest) =>
    isEntry(name)
      ? ts.createSourceFile(name, ENTRY_SOURCE, version)
      : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => isEntry(name) || fileExists.call(host, name);
  host.readFile = (name) => (isEntry(name) ? ENTRY_SOURCE : readFile.call(host, name));
  return ts.createProgram({ rootNames: [ENTRY], options, host });
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/**
 * Prints resolved types as plain TypeScript that imports nothing: anonymous types expanded, named object types of
 * this repository (an interface, an alias, an exported API shape) declared once and referenced by name.
 */
class TypePrinter {
  /** Declarations of the named types used so far, in order of first use. */
  readonly declarations = new Map<string, string>();
  private readonly names = new Map<ts.Type, string>();
  private readonly expanding = new Set<ts.Type>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Object types exported by a module are printed under their exported name. */
  nameExportsOf(module: ts.Symbol) {
    for (const symbol of this.checker.getExportsOfModule(module)) {
      if (!(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) continue;
      const type = this.checker.getDeclaredTypeOfSymbol(symbol);
      if (type.flags & ts.TypeFlags.Object && !this.names.has(type)) this.names.set(type, symbol.name);
    }
  }

  property(type: ts.Type, name: string): ts.Type {
    const symbol = type.getProperty(name);
    if (!symbol) throw new Error(`no property ${name} on ${this.checker.typeToString(type)}`);
    return this.checker.getTypeOfSymbol(symbol);
  }

  print(type: ts.Type): string {
    const name = this.nameOf(type);
    if (!name) return this.expand(type);
    if (!this.declarations.has(name)) {
      // Reserved before expanding, so that a type comes before the named types its own expansion declares.
      this.declarations.set(name, "");
      this.declarations.set(name, `export type ${name} = ${this.expand(type)};`);
    }
    return name;
  }

  private nameOf(type: ts.Type): string | null {
    const known = this.names.get(type);
    if (known) return known;
    const symbol = type.aliasSymbol ?? type.symbol;
    const generic = type.aliasSymbol
      ? type.aliasTypeArguments?.length
      : (type as ts.TypeReference).typeArguments?.length;
    if (!symbol || generic || !(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)))
      return null;
    const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? "";
    if (!file.startsWith(REPO) || file.includes("/node_modules/")) return null;
    // A second type of the same name (geo's `Place` after the item's): printed in full where it is used.
    if ([...this.names.values()].includes(symbol.name)) return null;
    this.names.set(type, symbol.name);
    return symbol.name;
  }

  private expand(type: ts.Type): string {
    const { checker } = this;
    const f = type.flags;
    if (f & ts.TypeFlags.Any) return "any";
    if (f & ts.TypeFlags.Unknown) return "unknown";
    if (f & ts.TypeFlags.Never) return "never";
    if (f & ts.TypeFlags.Void) return "void";
    if (f & ts.TypeFlags.Undefined) return "undefined";
    if (f & ts.TypeFlags.Null) return "null";
    if (f & ts.TypeFlags.String) return "string";
    if (f & ts.TypeFlags.Number) return "number";
    if (f & ts.TypeFlags.Boolean) return "boolean";
    if (f & (ts.TypeFlags.BooleanLiteral | ts.TypeFlags.TemplateLiteral)) return checker.typeToString(type);
    if (type.isStringLiteral()) return JSON.stringify(type.value);
    if (type.isNumberLiteral()) return String(type.value);
    if (this.expanding.has(type)) throw new Error(`recursive type: ${checker.typeToString(type)}`);
    this.expanding.add(type);
    try {
      if (type.isUnion()) return this.union(type.types);
      if (type.isIntersection()) return this.object(type);
      if (checker.isTupleType(type)) {
        const elements = checker.getTypeArguments(type as ts.TypeReference).map((t) => this.print(t));
        const readonly = (type as ts.TupleTypeReference).target.readonly ? "readonly " : "";
        return `${readonly}[${elements.join(", ")}]`;
      }
      if (checker.isArrayType(type)) {
        const [element] = checker.getTypeArguments(type as ts.TypeReference);
        if (!element) throw new Error("an array without an element type");
        const readonly = type.symbol?.name === "ReadonlyArray" ? "readonly " : "";
        return `${readonly}${this.element(element)}[]`;
      }
      if (f & ts.TypeFlags.Object) return this.object(type);
    } finally {
      this.expanding.delete(type);
    }
    throw new Error(`cannot print ${checker.typeToString(type)}`);
  }

  private union(types: readonly ts.Type[]): string {
    const printed = types.map((t) => this.print(t));
    // `boolean` is `false | true` inside a union.
    const members =
      printed.includes("false") && printed.includes("true")
        ? [...printed.filter((p) => p !== "false" && p !== "true"), "boolean"]
        : printed;
    const isEmpty = (p: string) => p === "null" || p === "undefined";
    return [...members.filter((p) => !isEmpty(p)), ...members.filter(isEmpty)].join(" | ");
  }

  private element(type: ts.Type): string {
    const printed = this.print(type);
    return /[|&]|^readonly /.test(printed) && !/^[{[]/.test(printed) ? `(${printed})` : printed;
  }

  /** An object (or an intersection of objects) as one literal type: its index signatures, then its properties. */
  private object(type: ts.Type): string {
    const { checker } = this;
    if (type.getCallSignatures().length || type.getConstructSignatures().length)
      throw new Error(`a function is not JSON: ${checker.typeToString(type)}`);
    const members: string[] = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      const readonly = info.isReadonly ? "readonly " : "";
      members.push(`${readonly}[key: ${checker.typeToString(info.keyType)}]: ${this.print(info.type)};`);
    }
    for (const symbol of checker.getPropertiesOfType(type)) {
      const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
      const printed = this.print(checker.getTypeOfSymbol(symbol));
      // An optional property's type already carries `| undefined`: `a?: T` says it.
      const value = optional ? printed.replace(/ \| undefined$/, "") : printed;
      members.push(`${key(symbol.name)}${optional ? "?" : ""}: ${value};`);
    }
    return members.length ? `{ ${members.join(" ")} }` : "{}";
  }
}

/** `{ type; input; output }` per procedure, nested as the router nests them. */
function printProcedures(printer: TypePrinter, checker: ts.TypeChecker, record: ts.Type): string {
  const members = checker.getPropertiesOfType(record).map((symbol) => {
    const value = checker.getTypeOfSymbol(symbol);
    const def = value.getProperty("_def") ? printer.property(value, "_def") : null;
    if (!def?.getProperty("procedure"))
      return `${key(symbol.name)}: ${printProcedures(printer, checker, value)};`;
    const types = printer.property(def, "$types");
    const kind = checker.typeToString(printer.property(def, "type"));
    const input = printer.print(printer.property(types, "input"));
    const output = printer.print(printer.property(types, "output"));
    return `${key(symbol.name)}: { type: ${kind}; input: ${input}; output: ${output} };`;
  });
  return `{ ${members.join(" ")} }`;
}

/** The declarations of src/contract.ts (unformatted): what the client knows of the server, and nothing else. */
export function generateContract(): string {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRY);
  if (!entry) throw new Error("the contract entry was not loaded");
  const diagnostics = ts.getPreEmitDiagnostics(program, entry);
  if (diagnostics.length) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => REPO,
      getNewLine: () => "\n",
    };
    throw new Error(ts.formatDiagnostics(diagnostics, host));
  }
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(entry) as ts.Symbol);
  const declared = (name: string) => {
    const symbol = exports.find((s) => s.name === name);
    if (!symbol) throw new Error(`no ${name} in the contract entry`);
    return checker.getDeclaredTypeOfSymbol(symbol);
  };
  const printer = new TypePrinter(checker);
  const named = entry.statements
    .filter(ts.isImportDeclaration)
    .find((s) => (s.moduleSpecifier as ts.StringLiteral).text === NAMED_MODULE);
  const namedModule = named && checker.getSymbolAtLocation(named.moduleSpecifier);
  if (!namedModule) throw new Error(`${NAMED_MODULE} not found`);
  printer.nameExportsOf(namedModule);

  const def = printer.property(declared("Router"), "_def");
  const procedures = printProcedures(printer, checker, printer.property(def, "record"));
  const root = printer.property(printer.property(def, "_config"), "$types");
  const errorShape = printer.print(printer.property(root, "errorShape"));
  const errorKey = declared("ErrorKey");
  const keys = (errorKey.isUnion() ? errorKey.types : [errorKey]).map((t) => {
    if (!t.isStringLiteral()) throw new Error("ApplicationErrorKey must be a union of strings");
    return JSON.stringify(t.value);
  });
  return [
    "/** Every error key of the application procedures (`ApplicationErrorKey` of the server). */\n" +
      `export const APPLICATION_ERROR_KEYS = [${keys.join(", ")}] as const;`,
    "export type ApplicationErrorKey = (typeof APPLICATION_ERROR_KEYS)[number];",
    ...printer.declarations.values(),
    `/** The \`error\` of a tRPC error answer. */\nexport type LbaErrorShape = ${errorShape};`,
    "/** Every procedure of the server's router: its kind, its input and its output. */\n" +
      `export type LbaProcedures = ${procedures};`,
  ].join("\n\n");
}
