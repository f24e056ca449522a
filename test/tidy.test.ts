// The shape of the code, enforced (TigerBeetle's tidy.zig is the model): files stay small, functions stay
// short, no import cycles between files, and the folders import only downward. Measured with the TypeScript
// compiler's own parser, so a function's length is the lines from its first to its last token.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
/** The product's folders (tests, fixtures and scripts are not measured). */
const measuredFolders = ['raft', 'sim', 'src', 'reports', 'contract', 'linearizability', 'bench'];
const maxFileLines = 500;
/** raft/node.ts is shaped like etcd's raft.go (one Step, role step functions) and may stay one file. */
const fileLengthExempt = new Set(['raft/node.ts']);
/** The hard ceiling for any function. */
const maxFunctionLines = 100;
/** Functions may grow to this length; longer ones must be listed in `longFunctionRatchet`. */
const preferredFunctionLines = 70;
/** Functions between preferredFunctionLines and maxFunctionLines that exist today, with their length: a ratchet
 *  (an entry may shrink or go, never grow, and a new long function fails until it is split or listed here
 *  with the reason it is one piece). */
const longFunctionRatchet: Readonly<Record<string, number>> = {};

/** Which top-level folders a folder may import from: downward only (docs/architecture.md). */
const allowedImports: Readonly<Record<string, readonly string[]>> = {
  contract: [],
  linearizability: [],
  raft: [],
  reports: ['contract'],
  sim: ['raft', 'contract', 'linearizability'],
  src: ['sim', 'raft', 'reports', 'contract', 'linearizability'],
  bench: ['src', 'sim', 'raft', 'reports', 'contract', 'linearizability'],
};

function sourceFiles(folder: string): string[] {
  const path = join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort()) {
    const full = join(path, entry);
    if (statSync(full).isDirectory()) files.push(...sourceFiles(join(folder, entry)));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) files.push(join(folder, entry));
  }
  return files;
}

const files = measuredFolders.flatMap(sourceFiles);
const parsed = new Map(files.map((file) => [file, ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true)]));

interface FunctionLength {
  readonly name: string;
  readonly lines: number;
}

function functionName(node: ts.Node, file: string): string {
  const named = node as ts.Node & { name?: ts.Node };
  let name = named.name !== undefined ? named.name.getText() : '';
  if (name === '' && ts.isConstructorDeclaration(node)) name = 'constructor';
  if (name === '' && node.parent !== undefined && (ts.isVariableDeclaration(node.parent) || ts.isPropertyDeclaration(node.parent) || ts.isPropertyAssignment(node.parent))) {
    name = node.parent.name.getText();
  }
  let owner = node.parent;
  while (owner !== undefined && !ts.isClassLike(owner)) owner = owner.parent;
  const className = owner !== undefined && owner.name !== undefined ? `${owner.name.getText()}.` : '';
  const line = parsed.get(file)!.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  return `${file}:${className}${name === '' ? `<anonymous@${line}>` : name}`;
}

function functionLengths(file: string): FunctionLength[] {
  const source = parsed.get(file)!;
  const lengths: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      lengths.push({ name: functionName(node, file), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lengths;
}

/** Relative imports of a file (static imports, re-exports and import() of a literal), as repository paths. */
function importsOf(file: string): string[] {
  const source = parsed.get(file)!;
  const found: string[] = [];
  const add = (specifier: string): void => {
    if (!specifier.startsWith('.')) return;
    const target = relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts');
    found.push(target);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found;
}

const topFolder = (file: string): string => file.split('/')[0]!;

describe('the shape of the code', () => {
  it(`no product file is longer than ${maxFileLines} lines`, () => {
    const long = files
      .filter((file) => !fileLengthExempt.has(file))
      .map((file) => ({ file, lines: parsed.get(file)!.getLineAndCharacterOfPosition(parsed.get(file)!.getEnd()).line + 1 }))
      .filter((entry) => entry.lines > maxFileLines)
      .map((entry) => `${entry.file}: ${entry.lines} lines`);
    expect(long, 'split these files by concern').toEqual([]);
  });

  it(`no function is longer than ${maxFunctionLines} lines, and none past ${preferredFunctionLines} that the ratchet does not list`, () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const { name, lines } of functionLengths(file)) {
        if (lines > maxFunctionLines) problems.push(`${name}: ${lines} lines (ceiling ${maxFunctionLines})`);
        else if (lines > preferredFunctionLines && lines > (longFunctionRatchet[name] ?? preferredFunctionLines)) {
          problems.push(`${name}: ${lines} lines (split it, or list it in longFunctionRatchet with the reason it is one piece)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the ratchet lists only functions that exist and are still long', () => {
    const lengths = new Map(files.flatMap(functionLengths).map((entry) => [entry.name, entry.lines]));
    const stale = Object.entries(longFunctionRatchet)
      .filter(([name, limit]) => lengths.get(name) === undefined || lengths.get(name)! <= preferredFunctionLines || lengths.get(name)! < limit)
      .map(([name, limit]) => `${name}: listed at ${limit}, now ${lengths.get(name) ?? 'gone'} (lower or remove the entry)`);
    expect(stale).toEqual([]);
  });

  it('no import cycle between files', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    expect(cycles(graph).map((component) => component.join(' <-> '))).toEqual([]);
  });

  it('folders import only downward', () => {
    const problems: string[] = [];
    for (const file of files) {
      const from = topFolder(file);
      for (const target of importsOf(file)) {
        const to = topFolder(target);
        if (to !== from && !(allowedImports[from] ?? []).includes(to)) problems.push(`${file} imports ${target} (${from}/ may import ${(allowedImports[from] ?? []).join(', ') || 'nothing outside itself'})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the checks find what they look for (a cycle, an upward import)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
    expect(allowedImports.raft).not.toContain('sim');
  });
});
