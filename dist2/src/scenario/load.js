// Loading scenarios from YAML or JSON text, files or plain objects. A loaded scenario keeps its source text
// (recorded in result.json, so a run can be replayed even after the file changed) and can point any problem at
// its line and column.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import YAML from 'yaml';
import { UsageError } from '../errors.js';
import { compileScenario } from './compile.js';
import { ScenarioError, SpecError, describeFound, problemsFromZod } from './errors.js';
import { knownKeys, scenarioSchema } from './schema.js';
export class LoadedScenario {
    name;
    spec;
    source;
    header;
    locator;
    constructor(name, spec, source, 
    /** The comment block at the top of the file (without the # marks), or ''. */
    header, locator) {
        this.name = name;
        this.spec = spec;
        this.source = source;
        this.header = header;
        this.locator = locator;
    }
    get question() {
        return this.spec.question;
    }
    /** The label used in messages: the path as given, or "inline scenario". */
    get label() {
        if (this.source.kind === 'inline')
            return this.source.ref === 'inline scenario' ? `inline scenario ${this.name}` : this.source.ref;
        if (this.source.kind === 'builtin' && this.source.path !== null)
            return relativeLabel(this.source.path);
        return this.source.ref;
    }
    locate(path) {
        return this.locator(path);
    }
    /** Compiles for one seed; problems become a ScenarioError naming this file, the path, line and column. */
    compile(seed, overrides) {
        try {
            return compileScenario(this.spec, seed, { name: this.name, ...(overrides !== undefined ? { overrides } : {}) });
        }
        catch (error) {
            if (error instanceof SpecError)
                throw this.error(error.problems);
            throw error;
        }
    }
    error(problems) {
        return new ScenarioError(this.label, problems.map((problem) => ({ ...problem, ...(this.locate(problem.path) ?? {}) })));
    }
}
function relativeLabel(path) {
    const shown = relative(process.cwd(), path);
    return shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
function locatorFor(document, lineCounter) {
    return (path) => {
        for (let length = path.length; length >= 0; length--) {
            const node = document.getIn(path.slice(0, length), true);
            if (node !== undefined && node !== null && typeof node === 'object' && Array.isArray(node.range)) {
                const position = lineCounter.linePos(node.range[0]);
                return { line: position.line, column: position.col };
            }
        }
        return undefined;
    };
}
/** The comment lines at the top of the file, without their # marks. */
function headerOf(text) {
    const lines = [];
    for (const line of text.split(/\r?\n/)) {
        if (!line.startsWith('#'))
            break;
        lines.push(line.replace(/^# ?/, ''));
    }
    return lines.join('\n').trim();
}
/** Validates a plain object as a scenario, reporting problems against `locate`. */
function validate(raw, label, locate) {
    if (raw === null || raw === undefined) {
        throw new ScenarioError(label, [{ path: [], found: 'an empty document', expected: 'a mapping with at least a question: field' }]);
    }
    const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
        const problems = problemsFromZod(parsed.error.issues, knownKeys).map((problem) => ({ ...problem, ...(locate(problem.path) ?? {}) }));
        problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        throw new ScenarioError(label, problems);
    }
    return parsed.data;
}
/** Parses YAML (or JSON) scenario text. `label` names it in messages (the path as the user gave it). */
export function parseScenarioText(text, source, fallbackName) {
    const label = source.kind === 'builtin' && source.path !== null ? relativeLabel(source.path) : source.ref;
    const lineCounter = new YAML.LineCounter();
    const document = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        const position = error.linePos?.[0];
        const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new ScenarioError(label, [
            { path: [], found: `text that is not valid YAML or JSON (${reason})`, expected: 'a YAML or JSON mapping such as "question: ..."', ...(position !== undefined ? { line: position.line, column: position.col } : {}) },
        ]);
    }
    let raw;
    try {
        raw = document.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        throw new ScenarioError(label, [{ path: [], found: `YAML that cannot be read (${error instanceof Error ? error.message : String(error)})`, expected: 'plain YAML without excessive aliases' }]);
    }
    const locate = locatorFor(document, lineCounter);
    const spec = validate(raw, label, locate);
    return new LoadedScenario(spec.name ?? fallbackName, spec, { ...source, text }, headerOf(text), locate);
}
/** Loads a scenario file (.yaml, .yml or .json). `given` is the path as the user wrote it. */
export function loadScenarioFile(given, kind = 'file', ref = given) {
    const path = resolve(given);
    let text;
    try {
        if (!statSync(path).isFile())
            throw new UsageError(`scenario ${given}: is a directory, expected a .yaml or .json file.`);
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        const code = error.code;
        throw new UsageError(`scenario file ${given}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(error)})`}; expected a readable .yaml or .json file.`);
    }
    const extension = extname(path).toLowerCase();
    if (!['.yaml', '.yml', '.json'].includes(extension)) {
        throw new UsageError(`scenario file ${given}: found a ${extension === '' ? 'file without extension' : `${extension} file`}, expected a .yaml, .yml or .json file.`);
    }
    return parseScenarioText(text, { kind, ref, path }, basename(path, extname(path)));
}
/** A scenario written as a plain object (in the file's form: strings with units), e.g. from a test suite. */
export function scenarioFromObject(value, label = 'inline scenario') {
    const name = typeof value === 'object' && value !== null && typeof value.name === 'string' ? value.name : 'inline';
    const noLocation = () => undefined;
    const spec = validate(value, label, noLocation);
    let text;
    try {
        text = JSON.stringify(value);
    }
    catch {
        throw new ScenarioError(label, [{ path: [], found: describeFound(value), expected: 'a plain object (JSON-serializable)' }]);
    }
    return new LoadedScenario(spec.name ?? name, spec, { kind: 'inline', ref: label, path: null, text }, '', noLocation);
}
//# sourceMappingURL=load.js.map