/**
 * Inline interpreter code (`python -c`, `node -e`, heredocs fed to an interpreter) cannot be run to see
 * what it opens, so its text is scanned: every string literal and path-like token is checked as a file
 * name, and the common ways to print the whole environment are recognised.
 */
import { onFirstUse } from "../../runtime/on-first-use.js";

const TOKEN = /(["'`])((?:\\.|(?!\1)[^\\\n])*)\1|[A-Za-z0-9_~./@+-]*[./~][A-Za-z0-9_~./@+-]*/g;

/**
 * The environment objects of runtimes and frameworks: `process.env[...]` reads a variable, not a file
 * named `process.env`; so do Rails.env, Hono's `c.env` and the like, bare in code (not `app.env` or
 * `config.env`, which name dotenv files in `%x(cat config.env)` as well).
 */
const ENV_OBJECTS = /^(\.\.\.)?(process|import\.meta|Bun|Deno|Rails|self|this|c|ctx|context|req|request)\.env$/;

/** Characters spelled as code (`chr(46)`, `String.fromCharCode(46)`, `map(chr, [46, 101])`, `bytes([46])`), as the string literals they make. */
function spelledCharacters(code: string): string {
  const literal = (codes: string) => `'${String.fromCharCode(...codes.split(",").map((c) => Number(c.trim()) & 0xffff)).replace(/['\\]/g, "")}'`;
  return code.replace(/\b(?:String\.fromCharCode\((?:\s*\.\.\.\[)?|map\(\s*chr\s*,\s*[[(]|bytes\(\s*\[)\s*(\d+(?:\s*,\s*\d+)*)\s*[\])]+|\b(?:chr|unichr)\(\s*(\d+)\s*\)|\b(\d+)\.chr\b/g, (_all, many?: string, one?: string, ruby?: string) => literal(many ?? one ?? ruby ?? "0"));
}

/** A string literal's text with its escapes read (`\x2e`, `\u002e`, `\056`, `\'`). */
function unescapeLiteral(text: string): string {
  return text.replace(/\\(?:x([0-9a-fA-F]{2})|u\{?([0-9a-fA-F]{4,6})\}?|([0-7]{1,3})|(.))/g, (_all, hex?: string, unicode?: string, octal?: string, other?: string) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : unicode ? String.fromCodePoint(parseInt(unicode, 16)) : octal ? String.fromCharCode(parseInt(octal, 8)) : (other ?? ""),
  );
}

/** Candidate file names in a piece of code: string literals and path-like bare tokens. */
export function pathTokens(source: string, depth = 0): string[] {
  const out = new Set<string>();
  const literals: RegExpMatchArray[] = [];
  const code = spelledCharacters(source);
  for (const match of code.matchAll(TOKEN)) {
    // Code inside a string (`exec('open(\'.env\')')`): its own literals count too.
    if (match[2] !== undefined && depth < 2 && /["'`\\]/.test(match[2])) for (const inner of pathTokens(unescapeLiteral(match[2]), depth + 1)) out.add(inner);
    if (match[2] !== undefined && match[2].includes("\\")) out.add(unescapeLiteral(match[2]));
    if (match[2] !== undefined) literals.push(match);
    const token = (match[2] ?? match[0]).trim();
    if (token === "" || token.length > 1024 || /\s/.test(token)) continue;
    if (match[2] === undefined && ENV_OBJECTS.test(token)) continue;
    out.add(token);
    // `open(home + '/.ssh/id_rsa')` or `'.e' 'nv'`-free forms: also try the last path segment alone.
    const last = token.slice(token.lastIndexOf("/") + 1);
    if (last !== token && last !== "") out.add(last);
  }
  // String literals joined by +, . or nothing (`'.' + 'env'`, `".e" . "nv"`, Python's `'.e' 'nv'`).
  for (let i = 0; i < literals.length; i++) {
    let joined = literals[i]?.[2] ?? "";
    let end = (literals[i]?.index ?? 0) + (literals[i]?.[0].length ?? 0);
    for (let j = i + 1; j < literals.length && j < i + 8; j++) {
      const next = literals[j] as RegExpMatchArray;
      if (!/^\s*[+.]?\s*$/.test(code.slice(end, next.index))) break;
      joined += next[2] ?? "";
      if (joined.includes("\\")) joined = unescapeLiteral(joined);
      end = (next.index ?? 0) + next[0].length;
      if (joined.length <= 1024 && !/\s/.test(joined)) out.add(joined);
    }
  }
  // Lists of literals joined (`''.join(['.', 'env'])`, `['.e', 'nv'].join('')`, `"/".join(...)`).
  if (code.includes(".join(")) for (const join of code.matchAll(/(["'])([^"'\n]*)\1\s*\.join\(\s*[[(]([^\])]*)|\[([^\]]*)\]\s*\.join\(\s*(["'`])([^"'`\n]*)\5/g)) {
    const items = [...(join[3] ?? join[4] ?? "").matchAll(/(["'`])((?:(?!\1)[^\\\n])*)\1/g)].map((m) => m[2]);
    const joined = items.join(join[2] ?? join[6]);
    if (items.length > 1 && joined.length <= 1024 && !/\s/.test(joined)) out.add(joined);
  }
  return [...out];
}

const envDumps = onFirstUse((): Array<[RegExp, string]> => [
  // `'X' in os.environ`, `for k in process.env`, `sorted(os.environ)` and the keys alone give names;
  // `os.environ[k]` is judged as a read.
  [/\bos\.environ\b(?!\s*(\[|\.(get|setdefault|pop)\b|\.keys\(\)))(?!(?<=\b(sorted|list|len)\(os\.environ)\s*\))(?<!\bin\s+os\.environ)|\bin\s+os\.environ\s*\.(?!keys\()/, "os.environ"],
  [/\bprocess\.env\b(?!\s*(\.|\[|\?\.))(?<!(\bin\s+|Object\.keys\(\s*)process\.env)/, "process.env"],
  // Ruby's `puts ENV` (Julia's `println(ENV)`) prints it all (`ENV.keys` the names only); `puts ENV["HOME"]` one variable, judged by envReads.
  [/\bENV\s*\.(to_h|to_a|each|inspect|values|map)\b|\b(?:pp?|puts|print|println|display)\b\s*\(?\s*ENV\b(?!\s*[.[])/, "ENV"],
  [/%ENV\b/, "%ENV"],
  [/\bRails\.application\.(credentials|secrets)\b/, "Rails.application.credentials"],
  // The database settings, passwords included: Rails' and ActiveRecord's, Laravel's config('database').
  [/\b(database_configuration|configuration_hash|connection_db_config)\b|\bconfig\(\s*["']database["']\s*\)/, "the database configuration"],
  [/\bDeno\.env\.toObject\b/, "Deno.env.toObject()"],
  [/\bBun\.env\b(?!\s*[.[])/, "Bun.env"],
  [/\$_(ENV|SERVER)\b(?!\s*\[)/, "$_ENV or $_SERVER"],
  [/\bphpinfo\s*\(/, "phpinfo()"],
  // Flask's config, SECRET_KEY and database URLs included (`app.config["DEBUG"]` is one key).
  [/(?<!(?:from|import)\s+)\b(?:current_)?app\.config\b(?!\s*[[.])/, "the app's config"],
  // pydantic-settings objects hold every variable they declare, secrets included, read from the environment or .env.
  [/\b(?:settings|Settings\(\)|get_settings\(\))\.(?:model_dump(?:_json)?|dict|json)\(|\b(?:print|pprint|pp)\(\s*(?:settings|Settings\(\)|get_settings\(\))\s*\)/, "the settings object"],
  [/\bgetenv\(\s*\)/, "getenv()"],
  [/\bos\.Environ\(\)|\benv::vars(?:_os)?\(\)/, "os.Environ() or env::vars()"],
  // Elixir's, R's, Haskell's and Swift's.
  [/\bSystem\.get_env\(\s*\)|\bSys\.getenv\(\s*\)|\bgetEnvironment\b|\bprocessInfo\.environment\b(?!\s*\[)/, "the environment"],
  [/\bENVIRON\b(?!\s*\[\s*"\w+"\s*\])/, "awk's ENVIRON"],
]);

/** Describes a whole-environment dump in the code, if there is one. */
export function environmentDump(code: string): string | undefined {
  // Every pattern names env, Rails, phpinfo, config, settings or $_: most code names none, and needs no more RegExps.
  if (!/env|rails|phpinfo|\$_|config|settings/i.test(code)) return undefined;
  // The environment handed to a child process as an argument (`run(cmd, env={**os.environ, "CI": "1"})`,
  // `execSync(cmd, { env: { ...process.env } })`) is not printed.
  const own = code.replace(/(?<=[(,{]\s*)env\s*[=:]\s*(?:\{\s*(?:\*\*|\.\.\.)\s*|dict\(\s*)?(?:os\.environ|process\.env)\b(?:\.copy\(\))?/g, (env: string, at: number) =>
    /\b(?:run|call|check_output|check_call|Popen|spawn\w*|exec\w*|fork)\s*\([^()]*(?:\([^()]*\)[^()]*)*$/.test(code.slice(Math.max(0, at - 200), at)) ? "env=" : env);
  for (const [pattern, what] of envDumps()) if (pattern.test(own)) return what;
  return undefined;
}

/** Reads of one environment variable by name, in the common languages: `process.env.X`, `os.environ["X"]`, `ENV["X"]` … */
const envReads = onFirstUse(() => [
  /\b(?:process|Bun|import\.meta)\.env\.([A-Za-z_]\w*)/g,
  /\b(?:process|Bun|import\.meta)\.env\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\]/g,
  /\bos\.environ\[\s*["']([A-Za-z_]\w*)["']\s*\]/g,
  /\bos\.(?:environ\.get|getenv)\(\s*["']([A-Za-z_]\w*)["']/g,
  /(?:\bENV|\$_(?:ENV|SERVER))(?:\.fetch\(\s*|\[\s*)["']([A-Za-z_]\w*)["']/g,
  /\$ENV\{\s*["']?([A-Za-z_]\w*)["']?\s*\}/g,
  /\bDeno\.env\.get\(\s*["']([A-Za-z_]\w*)["']/g,
  /(?<!\.)\bgetenv\(\s*["']([A-Za-z_]\w*)["']/g,
  // Go's, Java's, Rust's, Elixir's, R's and Haskell's.
  /\b(?:os\.(?:Getenv|LookupEnv)|System\.get_?env|Sys\.getenv|(?:get|lookup)Env|env::var(?:_os)?)\(?\s*"([A-Za-z_]\w*)"/g,
  /\bENVIRON\[\s*"([A-Za-z_]\w*)"\s*\]/g,
  // Laravel's env('APP_KEY'), python-decouple's config('SECRET_KEY') (from the environment or .env); a framework's settings by name (Django's settings.SECRET_KEY,
  // pydantic's settings.database_url, Flask's app.config["SECRET_KEY"]).
  /\b(?:env|config)\(\s*["']([A-Za-z_]\w*)["']/g,
  // (`settings.DATABASES["default"]["ENGINE"]` is one field of it, and no secret.)
  /\b(?:settings|Settings\(\)|get_settings\(\))\.([A-Za-z_]\w*)(?!\s*\[\s*["']\w+["']\s*\]\s*\[\s*["'](?:ENGINE|NAME|HOST|PORT|USER|BACKEND)["'])/g,
  /\bconfig\[\s*["']([A-Za-z_]\w*)["']/g,
]);
/** Calls that print: code that reads a secret variable and prints something is taken to print it. */
export const PRINTS = /\b(console\.(log|info|warn|error|debug|dir|table)|fmt\.F?Print\w*|print|pprint|println|printf|puts|pp|say|echo|var_dump|print_r|System\.out\.print\w*|(process|sys)\.(stdout|stderr)\.write|(logging|logger|log)\.(warning|warn|error|critical|exception|fatal|info|log)|sys\.exit|raise|throw|warn|die)\b|^\s*p\s+(?!=)/m;

/** Reads by a name computed at run time (`os.environ[k]`, `getenv('GH' + '_TOKEN')`), which may name any variable. */
const COMPUTED_READ = /\bprocess\.env\[(?!\s*(["'`])\w+\1\s*\])|\bos\.environ\[(?!\s*(["'])\w+\2\s*\])|\b(?:os\.environ\.get|os\.getenv|getenv|ENV\.fetch|Deno\.env\.get)\(\s*(?!(["'])\w+\3\s*[,)])(?=\S)|\bENV\[(?!\s*(["'])\w+\4\s*\])|\$ENV\{(?!\s*(["']?)\w+\5\s*\})/g;

/**
 * A read whose value only decides a test (`!!process.env.X`, `os.getenv("X") is None`, `process.env.X ? 1 : 0`,
 * `key[:3] == "sk-"`, `.startswith("sk-")`).
 */
function onlyTested(code: string, match: RegExpMatchArray): boolean {
  const at = match.index ?? 0;
  return /(!|\b(Boolean|bool|len)\(\s*|\b(typeof|if|not)\s+)$/.test(code.slice(Math.max(0, at - 9), at)) || /^\s*\)?\s*(is\s+(not\s+)?None\b|(\[[^\]]*\]\s*)?([!=]==?|\??\.(starts|ends)_?[wW]ith\()|\??\.length\b|\?(?![.?]))/.test(code.slice(at + match[0].length, at + match[0].length + 24));
}

/** A statement's start up to the value it assigns (`key = `, `const k = `, `$k = `), tested on the text just before a read. */
/** Calls that show what they are given (`json.dumps(…)`, `str(…)`, `JSON.stringify(…)`), by the text before their `(`. */
const SHOWS = /\b(dumps|str|repr|format|pformat|dict|list|tuple|vars|String|stringify|inspect|to_json|dump)\s*$/;

/** Where code's statements end, the spans of calls that keep what they are given, and its printing lines. */
interface CallShape {
  code: string;
  stops: number[];
  kept: number[];
  printed: string;
}
let lastShape: CallShape | undefined;

/** One pass over the code (a 256 KB script may make thousands of reads), kept for the code's next read. */
function callShape(code: string): CallShape {
  if (lastShape?.code === code) return lastShape;
  const open: boolean[] = [];
  const stops: number[] = [];
  const kept: number[] = [];
  let keeping = 0;
  for (const m of code.matchAll(/(["'`])(?:\\.|(?!\1)[^\\])*\1|[()[\]{}\n;]/g)) {
    const i = m.index ?? 0;
    const c = m[0];
    if (c === "(" || c === "[" || c === "{") {
      const callee = c === "(" ? code.slice(Math.max(0, i - 14), i) : "";
      const keeps = c === "(" && /[\w$]\s*$/.test(callee) && !SHOWS.test(callee) && !/\b(\w*print\w*|log|puts|run|call|check_\w+|Popen|system|popen|exec\w*|spawn\w*)\s*$/.test(callee);
      open.push(keeps);
      if (keeps && keeping++ === 0) kept.push(i);
    } else if (c === ")" || c === "]" || c === "}") {
      if (open.pop() && --keeping === 0) kept.push(i);
    } else if (c.length === 1 && open.length === 0) stops.push(i);
  }
  if (keeping > 0) kept.push(code.length);
  const printed = code.split(/[\n;]/).filter((l) => PRINTS.test(l)).map(interpolated).join("\n");
  return (lastShape = { code, stops, kept, printed });
}

/** How many of the sorted numbers are below `at`. */
function below(list: number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the read at `at` is given to a call that keeps it (`c = OpenAI(api_key=os.getenv("KEY"))`,
 * `fetch(url, { headers: { Authorization: process.env.TOKEN } })`) in a statement that prints nothing,
 * while no print shows what holds it (`print(c)`, `console.log(c)`) or asks for a key-like field
 * (`print(c.api_key)`). Calls that show or run what they are given (`str`, `json.dumps`,
 * `subprocess.run`) keep nothing.
 */
function givenToCall(code: string, at: number): boolean {
  const { stops, kept, printed } = callShape(code);
  if (below(kept, at) % 2 === 0) return false;
  const s = below(stops, at);
  const statement = code.slice(s > 0 ? (stops[s - 1] as number) + 1 : 0, stops[s] ?? code.length);
  const holder = /^\s*(?:(?:const|let|var)\s+)?(\w+)\s*=(?!=)/.exec(statement)?.[1];
  return !PRINTS.test(statement) && !/\.\w*(key|token|secret|password|passwd|credentials?|auth)\b|__dict__|\bvars\(/i.test(printed) && !(holder && printed.includes(holder) && new RegExp(`\\b${holder}\\b(?!\\s*\\.)`).test(printed));
}

const ASSIGNS = /(?:^|[;\n])\s*(?:(?:const|let|var|my|local)\s+)?\$?\w+\s*(?::[^=;\n]*)?=\s*$/;

/**
 * What the code prints of the environment, as a phrase, when it prints and reads a secret-named variable
 * (`console.log(process.env.GITHUB_TOKEN)`) or one named at run time. A read assigned to a name
 * (`k = os.getenv("KEY")`) counts where the name is printed; code whose last value is shown
 * (`printsResult`) shows any.
 */
export function printedSecretVariable(code: string, isSecret: (name: string) => boolean, printsResult = false): string | undefined {
  if (!printsResult && !PRINTS.test(code)) return undefined;
  for (const pattern of envReads()) {
    for (const match of code.matchAll(pattern)) if (match[1] && isSecret(match[1]) && !onlyTested(code, match) && (printsResult || (!ASSIGNS.test(code.slice(Math.max(0, (match.index ?? 0) - 120), match.index)) && !givenToCall(code, match.index ?? 0)))) return `the secret variable ${match[1]}`;
  }
  for (const match of code.matchAll(COMPUTED_READ)) if (!onlyTested(code, match)) return `a variable named at run time (\`${/^[^)\]}]*[)\]}]?/.exec(code.slice(match.index, (match.index ?? 0) + 24))?.[0]}\`): name it in the code`;
  // In code given on the command line, a name anywhere in a print counts (`print(json.dumps({"k": k}))`).
  return printsResult ? undefined : printedThroughName(code, isSecret, Infinity);
}

/** A line with each string literal replaced by the code interpolated in it (`f"{key}"`, `${key}`, `#{key}`). */
export function interpolated(line: string): string {
  return line.replace(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g, (_all, _quote, body: string) => [...body.matchAll(/\{([^{}]*)\}/g)].map((m) => ` ${m[1]} `).join(""));
}

/**
 * The secret variable (as a phrase) a script reads into a name of its own and prints on a later line (`key =
 * os.getenv("OPENAI_API_KEY")`, then `print(f"Key: {key}")`), if any; a string or dict built from the
 * name holds it too (`url = f"…?key={key}"`). A name assigned again or looped over is no longer the
 * secret. A print that only tests it (`"set" if key else "missing"`, `len(key)`) shows none of it, nor
 * one that passes it to a call (`print(fetch(key))`) nested deeper than `depth`. (Destructuring,
 * `const { KEY } = process.env`, is written as reads first: moduleAliases.)
 */
export function printedThroughName(code: string, isSecret: (name: string) => boolean, depth = 1): string | undefined {
  if (!PRINTS.test(code)) return undefined;
  const names = new Map<string, string>();
  // The secret a name holds, where `text` shows it outside any call but the first `depth`. One pass
  // over the text's words, whatever the number of names (a script may set thousands).
  const shows = (text: string, depth: number) => {
    let open = 0;
    let at = 0;
    // Calls that show what they are given (`json.dumps(…)`, `str(…)`, `JSON.stringify(…)`) add no depth.
    const counted: boolean[] = [];
    for (const m of text.matchAll(/(?<![\w.])[A-Za-z_]\w*/g)) {
      const variable = names.get(m[0]);
      if (variable === undefined) continue;
      for (; at < (m.index ?? 0); at++) {
        if (text[at] === "(") {
          counted.push(!SHOWS.test(text.slice(Math.max(0, at - 12), at)));
          if (counted[counted.length - 1]) open += 1;
        } else if (text[at] === ")" && counted.pop()) open -= 1;
      }
      if (open <= depth && !onlyTested(text, m)) return variable;
    }
    return undefined;
  };
  for (const line of code.split(/[\n;]/)) {
    const target = /^\s*(?:(?:const|let|var|my|local)\s+)?\$?(\w+)\s*(?::[^=]*)?=(?!=)(.*)|^\s*for\s*\(?\s*(?:const|let|var|my)?\s*\$?(\w+)/.exec(line);
    if (target) {
      const [, name, value, looped] = target;
      const held = value !== undefined && /^\s*[fFrRbB]?["'`{]/.test(value) ? shows(interpolated(value), 0) : undefined;
      names.delete((name ?? looped) as string);
      if (held) names.set(name as string, held);
      // Read outside any call (`r = post(url, os.environ["KEY"])` holds a response, not the key).
      if (name && value !== undefined) for (const pattern of envReads()) for (const m of value.matchAll(pattern)) if (m[1] && isSecret(m[1]) && !/\(/.test(value.slice(0, m.index).replace(/\([^()]*\)/g, ""))) names.set(name, `the secret variable ${m[1]}`);
      // `config = dotenv_values(".env")`, `const parsed = dotenv.config().parsed`: the file's values.
      if (name && value !== undefined && readsDotenv(value)) names.set(name, "the values a dotenv library reads from .env");
      continue;
    }
    const print = names.size > 0 ? PRINTS.exec(line) : null;
    const shown = print ? shows(interpolated(line.slice(print.index)), depth) : undefined;
    if (shown) return shown;
  }
  return undefined;
}

/**
 * A script's names for the whole environment (`env = os.environ`, `e = dict(os.environ)`, `const e =
 * { ...process.env }`), written back as the environment where used later, so `print(env["TOKEN"])` is
 * a read and `print(e)` a dump. Names shorter than three letters are left alone (`e` is an error too).
 */
export function environmentAliases(code: string): string {
  for (const m of code.matchAll(/^[ \t]*(?:(?:const|let|var)\s+)?(\w{3,})\s*=\s*(?:dict\(|\{\s*\.\.\.)?\s*(os\.environ|process\.env)(?:\.copy\(\))?\s*[)}]?\s*;?\s*$/gm)) {
    // Where the name is used as a value (`env[…]`, `env.get(`, `print(env)`), not in a string (`'env: …'`).
    code = code.replace(new RegExp(`(?<![\\w.'"])${m[1]}(?=\\s*[[.),}]|\\s*$)`, "gm"), m[2] as string);
  }
  return code;
}

/**
 * The environment under the names code gives it, written back as os.environ, os.getenv and
 * process.env: `from os import environ, getenv` (`as e` too), `o.` of `import os as o`,
 * `__import__('os')`, os.environb (its bytes); `const { env } = process` and its import. Destructured
 * variables become reads of their own (`const { HOME, API_KEY: k } = process.env`), not a dump.
 */
export function moduleAliases(code: string): string {
  if (code.includes("process")) {
    code = code.replace(/\b(const|let|var)\s*\{([^{}]*)\}\s*=\s*process\.env\b/g, (_, kind: string, names: string) =>
      names.split(",").map((item) => item.replace(/^\s*(\.\.\.)?\s*(\w+)\s*(?::\s*(\w+))?.*$/s, (_m, rest, name, alias) => `${kind} ${alias ?? name} = process.env${rest ? "" : `.${name}`}`)).join(";"));
    const env = /\b(?:const|let|var|import)\s*\{\s*env\s*(?::\s*(\w+)|\bas\s+(\w+))?\s*\}\s*(?:=\s*process\b|(?:=\s*require\(|from)\s*["'](?:node:)?process["'])/.exec(code);
    if (env) code = code.replace(env[0], "").replace(new RegExp(`(?<![\\w.])${env[1] ?? env[2] ?? "env"}\\b`, "g"), "process.env");
  }
  // dotenv's calls under the names code gives them: `from dotenv import dotenv_values as d`,
  // `const { config } = require('dotenv')`, `import { parse as p } from "dotenv"`.
  if (code.includes("dotenv")) {
    for (const m of code.matchAll(/\b(dotenv_values|load_dotenv)\s+as\s+(\w+)/g)) code = code.replace(new RegExp(`(?<![\\w.])${m[2]}(?=\\s*\\()`, "g"), m[1] as string);
    for (const item of /\{([^{}]*)\}\s*(?:=\s*require\(\s*|from\s*)["']dotenv["']/.exec(code)?.[1]?.split(",") ?? []) {
      const [, name, alias] = /^\s*(config|parse)\b\s*(?:(?::|as)\s*(\w+))?/.exec(item) ?? [];
      if (name) code = code.replace(new RegExp(`(?<![\\w.])${alias ?? name}(?=\\s*\\()`, "g"), `dotenv.${name}`);
    }
  }
  if (!/\bos\b/.test(code)) return code;
  code = code.replace(/__import__\(\s*(["'])os\1\s*\)/g, "os").replace(/\bos\.environb\b/g, "os.environ");
  for (const m of code.matchAll(/\bimport\s+os\s+as\s+(\w+)|\b(environ|getenv)\s+as\s+(\w+)/g)) code = code.replace(new RegExp(`(?<![\\w.])${m[1] ?? m[3]}${m[1] ? "\\." : "\\b"}`, "g"), m[1] ? "os." : (m[2] as string));
  return /\bfrom\s+os\s+import\b/.test(code) ? code.replace(/\bfrom\s+os\s+import\b[^\n;]*/g, "").replace(/(?<![.\w])(environ|getenv)\b/g, "os.$1") : code;
}

/** Calls that list a folder, dot files included, with the folder as their first literal argument when given. */
const LISTS_FOLDER = /\b(?:os\.(?:listdir|scandir|walk)|readdirSync|readdir|opendirSync|opendir|scandir|Dir\.(?:entries|children|each_child|foreach))\s*\(\s*(?:(["'`])([^"'`]*)\1)?|\bPath\(\s*(?:(["'])([^"']*)\3)?\s*\)\s*\.(?:iterdir|rglob|walk)\b/;
/** Calls that read a file's contents. */
const READS_FILE = /\bopen\s*\(|\.read_(?:text|bytes)\s*\(|\breadFileSync\b|\breadFile\s*\(|\bcreateReadStream\b|\bFile\.(?:read|open|foreach|readlines)\b|\bfile_get_contents\b|\bfopen\b|\bIO\.read\b|\bBun\.file\b|\bDeno\.readTextFile/;

/**
 * The folder inline code lists and reads files from (`for f in os.listdir('.'): print(open(f).read())`),
 * `.` when the listing names none: every file in it, .env included, may be read.
 */
export function readsListedFolder(code: string): string | undefined {
  // `shutil.copytree('.', '/tmp/x')`, `shutil.make_archive('/tmp/a', 'zip', '.')`, `fs.cpSync('.', …)`: a folder's every file, copied.
  const copied = /\b(?:copytree|cpSync)\(\s*(["'])([^"']*)\1|\bmake_archive\((?:\s*(["'])[^"']*\3\s*,?){2}(?:\s*(["'])([^"']*)\4)?/.exec(code);
  if (copied) return copied[2] ?? copied[5] ?? ".";
  const listing = LISTS_FOLDER.exec(code);
  if (!listing || !READS_FILE.test(code)) return undefined;
  return listing[2] || listing[4] || ".";
}

/** dotenv calls that load `.env` into the process's environment (`require('dotenv').config()`, `load_dotenv()`). */
export function loadsDotenv(code: string): boolean {
  return /dotenv['"]\s*\)\s*\.config\s*\(|\bdotenv\.config\s*\(|dotenv\/(config|load)\b|\bload_dotenv\s*\(|\bDotenv\.load\b|\bloadEnvFile\s*\(/.test(code);
}

/**
 * The files a dotenv call names to load into the environment (`load_dotenv('.env')`,
 * `load_dotenv(Path('.env'))`, `dotenv.config({ path: '.env.local' })`, `process.loadEnvFile('.env')`).
 */
export function dotenvPaths(code: string): string[] {
  return [...code.matchAll(/(?:\b(?:load_dotenv|loadEnvFile|Dotenv\.load|dotenv\.config)|\)\s*\.config)\s*\(\s*(?:(?:dotenv_path|path)\s*[=:]\s*|\{\s*path\s*:\s*|Path\(\s*)*(["'`])([^"'`\n]+)\1/g)].map((m) => m[2] as string);
}

/** Names of variables that hold a connection string, credentials included, once loaded from a file. */
const CONNECTION = /(^|_)(URL|URI|DSN|CONN|CONNECTION|CONNECTION_STRING)$/i;

/**
 * Whether code that has loaded an env file prints one of its secrets: a variable named as one or
 * holding a connection string (DATABASE_URL), all of them, or the result of the loading call itself
 * (`console.log(require('dotenv').config())` prints `parsed`). `PORT` and the like pass.
 */
export function printsLoadedValue(code: string, isSecret: (name: string) => boolean, printsResult = false): boolean {
  if (!printsResult && !PRINTS.test(code)) return false;
  if (printedSecretVariable(code, (name) => isSecret(name) || CONNECTION.test(name), printsResult)) return true;
  // (`len(os.environ)`, `'X' in os.environ` count or test it.)
  if (environmentDump(code) !== undefined) return true;
  return /(console\.\w+|print|puts|pp)\s*\(?[^;\n]*\b(config|load_dotenv|dotenv_values|loadEnvFile)\s*\(/.test(code);
}

/** dotenv libraries read `.env` without naming it; these calls return its values to the code. */
export function readsDotenv(code: string): boolean {
  // (Deno's std/dotenv returns them from load(), unless it exports them.)
  return /\bdotenv_values\s*\(|\bdotenv\.parse\s*\(|\.config\s*\([^)]*\)\s*\.parsed\b|\bDotenv\.(parse|load)\b|\bDotenv::|std\/dotenv["'][\s\S]*\bload(Sync)?\s*\((?!\s*\{\s*export)/.test(code);
}
