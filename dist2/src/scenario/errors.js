import { UsageError } from '../errors.js';
/** Problems found without file context (by compile()); the loader turns them into a ScenarioError. */
export class SpecError extends Error {
    problems;
    constructor(problems) {
        super(problems.map((problem) => `${formatPath(problem.path)}: found ${problem.found}, expected ${problem.expected}`).join('; '));
        this.problems = problems;
        this.name = 'SpecError';
    }
}
const maxProblemsShown = 5;
export class ScenarioError extends UsageError {
    file;
    problems;
    constructor(
    /** The file as the user named it, or a label such as "inline scenario". */
    file, problems) {
        super(formatProblems(file, problems));
        this.file = file;
        this.problems = problems;
        this.name = 'ScenarioError';
    }
}
function position(problem) {
    return problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
}
function sentence(problem) {
    const where = problem.path.length === 0 ? 'the scenario' : formatPath(problem.path);
    return `${where}: found ${problem.found}, expected ${problem.expected}`;
}
export function formatProblems(file, problems) {
    if (problems.length === 0)
        return `${file}: invalid scenario.`;
    const [first, ...rest] = problems;
    let text = `${file}${position(first)}: ${sentence(first)}`;
    for (const problem of rest.slice(0, maxProblemsShown - 1)) {
        text += `; and at ${problem.line === undefined ? '' : `line ${problem.line}: `}${sentence(problem)}`;
    }
    if (problems.length > maxProblemsShown)
        text += `; and ${problems.length - maxProblemsShown} more problems`;
    return `${text}.`.replace(/\.\.$/, '.');
}
/** faults[2].at, raft.unsafe.commitWithMinority, expectations[0]. */
export function formatPath(path) {
    let text = '';
    for (const part of path) {
        if (typeof part === 'number')
            text += `[${part}]`;
        else if (/^[A-Za-z_][\w-]*$/.test(part))
            text += text === '' ? part : `.${part}`;
        else
            text += `[${JSON.stringify(part)}]`;
    }
    return text;
}
/** What was found, for "found X": short, quoted when it is a string, typed otherwise. */
export function describeFound(value) {
    if (value === undefined)
        return 'nothing (the key is missing)';
    if (value === null)
        return 'an empty value';
    if (typeof value === 'string') {
        const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        return JSON.stringify(shown);
    }
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value))
        return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
    if (typeof value === 'object') {
        const keys = Object.keys(value);
        return keys.length === 0 ? 'an empty mapping' : `a mapping with ${keys.length === 1 ? 'key' : 'keys'} ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`;
    }
    return typeof value;
}
function levenshtein(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, k) => k);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/** The closest known word, when it is close enough to be a likely typo. */
export function suggest(word, known) {
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of known) {
        const distance = levenshtein(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}
const typeNames = {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value lines)',
    int: 'a whole number',
};
/** Converts zod issues into problems; `knownKeys` maps a path (dotted, no indices) to the keys allowed there. */
export function problemsFromZod(issues, knownKeys) {
    const problems = [];
    for (const issue of issues) {
        const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
        const input = issue.input;
        switch (issue.code) {
            case 'unrecognized_keys': {
                const allowed = knownKeys[path.filter((part) => typeof part === 'string').join('.')] ?? [];
                for (const key of issue.keys) {
                    const hint = suggest(key, allowed);
                    problems.push({
                        path: [...path, key],
                        found: `an unknown key "${key}"`,
                        expected: `${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}one of the keys ${allowed.join(', ')}`,
                    });
                }
                break;
            }
            case 'invalid_type':
                problems.push({ path, found: describeFound(input), expected: issue.message.startsWith('expected ') ? issue.message.slice(9) : (typeNames[issue.expected] ?? issue.expected) });
                break;
            case 'invalid_value':
                problems.push({ path, found: describeFound(input), expected: `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}` });
                break;
            case 'too_small':
                problems.push({ path, found: describeFound(input), expected: `${issue.origin === 'array' ? 'a list with at least' : 'a value of at least'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}` });
                break;
            case 'too_big':
                problems.push({ path, found: describeFound(input), expected: `${issue.origin === 'array' ? 'a list with at most' : 'a value of at most'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}` });
                break;
            case 'custom': {
                const params = (issue.params ?? {});
                problems.push({ path, found: params.found ?? describeFound(input), expected: params.expected ?? issue.message.replace(/^expected /, '') });
                break;
            }
            default:
                problems.push({ path, found: describeFound(input), expected: issue.message.replace(/^Invalid input: expected /, '') });
        }
    }
    return problems;
}
//# sourceMappingURL=errors.js.map