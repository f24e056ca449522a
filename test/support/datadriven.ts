// A small datadriven transcript runner in the style of cockroachdb/datadriven (what etcd-io/raft's testdata
// files use). A transcript is a text file of test cases separated by blank lines:
//
//   # a comment (any line starting with '#', and blank lines, between cases are kept verbatim)
//   command arg key=value        <- the command line: a name, then tokens (key=value tokens are options)
//   more input                   <- optional input lines
//   ----
//   expected output              <- up to the next blank line or the end of the file
//
// The handler turns each case into its output text; a case passes when that text equals the expected one. With
// DATADRIVEN_REWRITE=1 in the environment the file is written back with the actual outputs (everything else in
// it unchanged), so a deliberate change of behaviour is one rewrite and a reviewed diff.
import { readFileSync, writeFileSync } from 'node:fs';

export interface TranscriptCase {
  readonly file: string;
  /** 1-based line of the command. */
  readonly line: number;
  readonly command: string;
  /** Tokens of the command line after the command that are not key=value options. */
  readonly args: readonly string[];
  /** key=value tokens of the command line. */
  readonly options: ReadonlyMap<string, string>;
  /** Lines between the command line and the `----` separator. */
  readonly input: readonly string[];
  readonly expected: string;
}

export interface CaseResult {
  readonly testCase: TranscriptCase;
  readonly actual: string;
}

export interface TranscriptRun {
  readonly results: readonly CaseResult[];
  /** The file's text with every expected output replaced by the actual one. */
  readonly rendered: string;
  readonly original: string;
  /** Mismatches as `file:line: command` with both outputs, ready to print. */
  readonly mismatches: readonly string[];
  readonly rewritten: boolean;
}

type Chunk = { readonly kind: 'verbatim'; readonly text: string } | { readonly kind: 'case'; readonly testCase: TranscriptCase; readonly header: readonly string[] };

const separator = '----';

/** Splits a transcript into verbatim lines and cases; a case without its `----` line is an error naming where. */
export function parseTranscript(text: string, file: string): Chunk[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const chunks: Chunk[] = [];
  let at = 0;
  while (at < lines.length) {
    const line = lines[at]!;
    if (line.trim() === '' || line.startsWith('#')) {
      chunks.push({ kind: 'verbatim', text: line });
      at++;
      continue;
    }
    const start = at;
    const header: string[] = [];
    while (at < lines.length && lines[at] !== separator) {
      if (lines[at]!.trim() === '') throw new Error(`${file}:${at + 1}: blank line before the '${separator}' of the case at line ${start + 1}`);
      header.push(lines[at]!);
      at++;
    }
    if (at >= lines.length) throw new Error(`${file}:${start + 1}: the case '${line}' has no '${separator}' line`);
    at++;
    const expected: string[] = [];
    while (at < lines.length && lines[at]!.trim() !== '') expected.push(lines[at++]!);
    chunks.push({ kind: 'case', header, testCase: makeCase(file, start + 1, header, expected.join('\n')) });
  }
  return chunks;
}

function makeCase(file: string, line: number, header: readonly string[], expected: string): TranscriptCase {
  const tokens = header[0]!.trim().split(/\s+/);
  const args: string[] = [];
  const options = new Map<string, string>();
  for (const token of tokens.slice(1)) {
    const equals = token.indexOf('=');
    if (equals > 0) options.set(token.slice(0, equals), token.slice(equals + 1));
    else args.push(token);
  }
  return { file, line, command: tokens[0]!, args, options, input: header.slice(1).map((text) => text.trim()), expected };
}

function render(chunks: readonly Chunk[], outputs: readonly string[]): string {
  const lines: string[] = [];
  let next = 0;
  for (const chunk of chunks) {
    if (chunk.kind === 'verbatim') {
      lines.push(chunk.text);
      continue;
    }
    lines.push(...chunk.header, separator);
    const output = outputs[next++]!;
    if (output !== '') lines.push(output);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs every case of the transcript at `path` through `handler` (state between cases is the handler's). */
export function runTranscript(path: string, handler: (testCase: TranscriptCase) => string): TranscriptRun {
  const original = readFileSync(path, 'utf8');
  const chunks = parseTranscript(original, path);
  const results: CaseResult[] = [];
  for (const chunk of chunks) {
    if (chunk.kind !== 'case') continue;
    const actual = handler(chunk.testCase).replace(/\n+$/, '');
    if (/\n\s*\n/.test(actual)) throw new Error(`${path}:${chunk.testCase.line}: the output has a blank line, which a transcript cannot hold`);
    results.push({ testCase: chunk.testCase, actual });
  }
  const rendered = render(chunks, results.map((result) => result.actual));
  const mismatches = results
    .filter((result) => result.actual !== result.testCase.expected)
    .map(({ testCase, actual }) => `${testCase.file}:${testCase.line}: ${testCase.command}\n  expected:\n${indent(testCase.expected)}\n  actual:\n${indent(actual)}`);
  const rewritten = process.env.DATADRIVEN_REWRITE === '1' && rendered !== original;
  if (rewritten) writeFileSync(path, rendered);
  return { results, rendered, original, mismatches: rewritten ? [] : mismatches, rewritten };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
