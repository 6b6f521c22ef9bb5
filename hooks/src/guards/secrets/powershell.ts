import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { basename } from "../../runtime/paths.js";
import { POWERSHELL, interpreters, isSecretVariable } from "./command-rules.js";
import { hiddenCode } from "./analysis-types.js";
import type { GuardEnv } from "./guard.js";
import type { Finding } from "./refusal.js";
import { EVERYTHING, type SearchFilter } from "./tree-search.js";

/** What the PowerShell analysis asks of the shell analysis: reads, tree searches, inline code, wildcards. */
export interface PowerShellHost {
  file(arg: Arg, how: string): Promise<void>;
  tree(arg: Arg, filter: SearchFilter, how: string): Promise<void>;
  code(text: string, how: string): Promise<void>;
  /**
   * A native program's words (`gh auth token`, `git show HEAD:.env`), judged as the same Bash command;
   * a variable's name comes between two NUL characters (`\0RUN_ID\0`) and becomes Bash's `${RUN_ID}`.
   */
  native(words: string[]): Promise<void>;
  /** Paths a PowerShell wildcard matches (dot files included: Windows does not hide them). */
  glob(pattern: string): Promise<string[]>;
}

/** Cmdlets that read the files piped to them (`Get-ChildItem -Recurse | Select-String x`). */
const PIPED_READERS = new Set(["select-string", "sls", "get-content", "gc", "cat", "type"]);
const LISTERS = new Set(["get-childitem", "gci", "ls", "dir"]);

/** PowerShell cmdlets and aliases that name files without printing them. */
const PS_NON_READING = new Set([
  "test-path", "new-item", "ni", "remove-item", "rm", "del", "ri", "erase", "rd", "rmdir", "set-location", "cd", "sl",
  "push-location", "pushd", "pop-location", "popd", "write-output", "echo", "write", "write-host", "get-item", "gi",
  "get-itemproperty", "set-content", "sc", "add-content", "ac", "out-file", "clear-content", "clc", "new-itemproperty",
  "rename-item", "ren", "rni", "mkdir", "md", "get-childitem", "gci", "ls", "dir", "resolve-path", "rvpa", "split-path",
  "join-path", "get-acl", "set-acl", "start-sleep", "sleep", "get-filehash",
  // Cmdlets of the object pipeline: they filter and shape what comes in, and read no file.
  "where-object", "where", "?", "select-object", "select", "sort-object", "measure-object", "measure",
  "format-table", "ft", "format-list", "fl", "out-string", "out-null", "group-object",
  // Processes, ports and services, named by id, number or name (`Stop-Process -Id $_`).
  "stop-process", "spps", "kill", "get-process", "gps", "ps", "get-nettcpconnection", "test-netconnection", "tnc",
  "get-service", "gsv", "start-service", "stop-service", "restart-service",
]);

/** Keywords whose condition is an expression (`if ($LASTEXITCODE -ne 0)`), not a command. */
const PS_KEYWORDS = new Set(["if", "elseif", "else", "while", "until", "switch", "foreach", "for", "do", "return", "exit", "throw", "try", "catch", "finally"]);


/**
 * `pwsh -EncodedCommand …` (any prefix of it from `-enc`, or `-e`, `-ec`): the code, Base64 of
 * UTF-16LE, decoded; null when it does not decode; undefined without the option.
 */
export function encodedCommand(args: readonly string[]): string | null | undefined {
  const at = args.findIndex((a) => {
    const name = a.slice(1).toLowerCase();
    return a.startsWith("-") && (name === "e" || name === "ec" || (name.length > 2 && "encodedcommand".startsWith(name)));
  });
  if (at === -1) return undefined;
  try {
    const bytes = atob(args[at + 1] ?? "");
    let code = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) code += String.fromCharCode(bytes.charCodeAt(i) | (bytes.charCodeAt(i + 1) << 8));
    return code;
  } catch {
    return null;
  }
}

/** `pwsh -Command …` (`-c`, or any prefix PowerShell accepts): the rest of the line is PowerShell code. */
export function commandArgument(args: readonly string[]): string | undefined {
  const at = args.findIndex((a) => /^-(c|co|com|comm|comma|comman|command|commandwithargs|cwa)$/i.test(a));
  return at === -1 ? undefined : args.slice(at + 1).join(" ");
}

/** `".e" + "nv"`: adjacent string literals joined, as PowerShell evaluates them. */
function joinLiterals(text: string): string {
  let joined = text;
  for (let previous = ""; previous !== joined; ) {
    previous = joined;
    joined = joined.replace(/(["'])([^"'`$]*)\1\s*\+\s*(["'])([^"'`$]*)\3/g, '"$2$4"');
  }
  return joined;
}

/** Splits PowerShell text into statements of words, honouring its quotes and backtick escapes. `piped`: the statement is fed by a `|`. */
export function statements(text: string): Array<{ words: string[]; piped: boolean; quoted?: true }> {
  const out: Array<{ words: string[]; piped: boolean; quoted?: true }> = [{ words: [], piped: false }];
  let word = "";
  let inWord = false;
  const push = () => {
    if (inWord) (out[out.length - 1] as { words: string[] }).words.push(word);
    word = "";
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      // A statement that starts with a string is that string (`"set"` prints set), not a command.
      const last = out[out.length - 1] as { words: string[]; quoted?: true };
      if (!inWord && last.words.length === 0) last.quoted = true;
      const close = text.indexOf(c, i + 1);
      const end = close === -1 ? text.length : close;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === "$" && text[i + 1] === "{") {
      // `${env:HOME}`: a variable's name in braces, not a block.
      const close = text.indexOf("}", i);
      const end = close === -1 ? text.length - 1 : close;
      word += text.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (c === "`" && i + 1 < text.length) {
      word += text[i + 1];
      inWord = true;
      i += 1;
    } else if (c === ";" || c === "|" || c === "\n" || c === "{" || c === "}") {
      push();
      out.push({ words: [], piped: c === "|" });
    } else if (c === " " || c === "\t" || c === "," || c === "(" || c === ")") push();
    else {
      word += c;
      inWord = true;
    }
  }
  push();
  return out.filter((s) => s.words.length > 0);
}

/** The values of an option given by name or by a prefix PowerShell accepts (`-Include`, `-Inc`). */
function optionValues(words: string[], name: string, shortest: number): string[] {
  const values: string[] = [];
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    if (lower.startsWith("-") && lower.length - 1 >= shortest && name.startsWith(lower.slice(1)) && words[i + 1] !== undefined) values.push(words[i + 1] as string);
  });
  return values;
}

/** `gci -Recurse [path] [-Include …] [-Filter …] [-Exclude …]`: the folder searched and the names kept. */
function listedTree(args: string[]): { root: string; filter: SearchFilter } {
  const valued = new Set<number>();
  args.forEach((word, i) => {
    if (/^-(inc|incl|inclu|includ|include|fi|fil|filt|filte|filter|ex|exc|excl|exclu|exclud|exclude|pa|pat|path|lit|literalpath|de|dep|dept|depth)$/i.test(word)) valued.add(i + 1);
  });
  const root = optionValues(args, "path", 2)[0] ?? args.find((word, i) => !word.startsWith("-") && !valued.has(i)) ?? ".";
  const include = [...optionValues(args, "include", 3), ...optionValues(args, "filter", 2)];
  return { root, filter: { ...EVERYTHING, include, exclude: optionValues(args, "exclude", 2) } };
}

/**
 * Whether `$env:X` at text[at..end] is only tested, which prints no part of it: its length, a comparison
 * with $null, IsNullOrEmpty, or the condition of an if, elseif or while (`if ($env:X) { "set" }`).
 */
function testedOnly(text: string, at: number, end: number): boolean {
  if (/^\s*\.(length|count)\b|^\s*-(eq|ne)\s+\$null\b/i.test(text.slice(end)) || /(isnullor(empty|whitespace)\(\s*|\$null\s+-(eq|ne)\s+)$/i.test(text.slice(0, at))) return true;
  const keyword = [...text.slice(0, at).matchAll(/\b(?:if|elseif|while)\s*\(/gi)].pop();
  let depth = 0;
  for (let i = keyword ? (keyword.index ?? 0) + keyword[0].length - 1 : at; i < at; i++) depth += text[i] === "(" ? 1 : text[i] === ")" ? -1 : 0;
  return depth > 0;
}

/** Checks a PowerShell command: files its cmdlets read, environment dumps and secret variables. */
export async function analyzePowerShellText(command: string, env: GuardEnv, host: PowerShellHost): Promise<Finding[]> {
  const findings: Finding[] = [];
  const leak = (what: string, how: string) => findings.push({ kind: "environment", what, how });
  const text = joinLiterals(command);
  const file = host.file;
  if (/\[(System\.)?Environment\]::GetEnvironmentVariables\(\s*\)/i.test(text)) {
    leak("the whole environment", "`GetEnvironmentVariables()` prints");
  }
  for (const match of text.matchAll(/\[(?:System\.)?Environment\]::GetEnvironmentVariable\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']/gi)) {
    if (isSecretVariable(match[1] as string)) {
      leak(`the variable ${match[1]}, whose name marks it as a secret`, "`GetEnvironmentVariable()` returns");
    }
  }
  // `[Environment]::SetEnvironmentVariable('GIT_PAGER', 'cat .env')`, as `$env:GIT_PAGER = …` is judged.
  for (const match of text.matchAll(/\[(?:System\.)?Environment\]::SetEnvironmentVariable\(\s*["'](\w+)["']\s*,\s*(["'])(.*?)\2/gi)) await host.native(["export", `${match[1]}=${match[3]}`]);
  // SecretManagement's vaults, decrypted to the terminal.
  if (text.toLowerCase().includes("-asplaintext") && /\b(Get-Secret|ConvertFrom-SecureString)\b[^|;]*-AsPlainText/i.test(text)) leak("a secret, decrypted", "`-AsPlainText` prints");
  for (const match of text.matchAll(/\$env:([A-Za-z_][A-Za-z0-9_]*)/gi)) {
    if (isSecretVariable(match[1] as string) && !testedOnly(text, match.index ?? 0, (match.index ?? 0) + match[0].length)) {
      leak(`the variable $env:${match[1]}, whose name marks it as a secret`, "This PowerShell command expands");
    }
  }
  const home = env.ctx.home;
  // PowerShell variables in paths: $HOME and the profile folders are known, any other is unknown.
  // (`unknown` may name the variable: `$1` is its name.)
  const resolveVars = (word: string, unknown = UNKNOWN) =>
    word.replace(/\$\{?(?:env:)?(HOME|USERPROFILE)\b\}?/gi, home ?? unknown).replace(/\$\{?(?:env:)?([A-Za-z_]\w*)\}?/g, unknown).replace(/\\/g, "/");
  // `${C:.env}`, `${c:\\app\\.env}`: a drive-qualified variable is the file's contents.
  for (const match of text.matchAll(/\$\{[A-Za-z]:([^}]+)\}/g)) await file({ text: resolveVars(match[1] as string), raw: match[0] }, "This PowerShell command reads");
  const all = statements(text);
  for (const [index, statement] of all.entries()) {
    if (statement.quoted) {
      // A string piped into a shell or an interpreter is the code it runs (`"cat .env" | bash`).
      const next = all[index + 1];
      const reader = next?.piped ? basename((next.words[0] ?? "").replace(/\\/g, "/")).toLowerCase().replace(/\.exe$/, "") : "";
      const text = statement.words.join(" ");
      if (POWERSHELL.test(reader) || reader === "cmd") findings.push(...(await analyzePowerShellText(reader === "cmd" ? `cmd /c ${text}` : text, env, host)));
      else if (/^(ba|z|da)?sh$/.test(reader)) await host.native([reader, "-c", text]);
      else if (interpreters().some((entry) => entry.pattern.test(reader))) await host.code(text, `\`${reader}\` runs the code piped into it,`);
      continue;
    }
    // `$env:GIT_PAGER = 'cat .env'`, `$env:NODE_OPTIONS='-r ./x.js'`: a variable programs run or load
    // later, judged as the shell's export of it is.
    const assigned = /^\$env:(\w+)(?:=(.*))?$/is.exec(statement.words[0] ?? "");
    if (assigned && (assigned[2] !== undefined || statement.words[1] === "=")) await host.native(["export", `${assigned[1]}=${assigned[2] ?? statement.words.slice(2).join(" ")}`]);
    // The same through the env: drive (`Set-Item env:GIT_PAGER 'cat .env'`, New-Item, Set-Content).
    const [verb = "", ...given] = statement.words;
    if (/^(set-item|si|new-item|ni|set-content|sc)$/i.test(verb)) {
      const at = given.findIndex((w) => /^env:/i.test(w));
      const variable = /^env:[\\/]?(\w+)$/i.exec(given[at] ?? "")?.[1];
      // Its value: -Value's, or the word after the path (quoted, it may start with a dash).
      const flag = given.findIndex((w) => /^-value$/i.test(w));
      const value = given[flag === -1 ? at + 1 : flag + 1];
      if (variable && value !== undefined && !/^-(force|passthru|confirm|whatif)$/i.test(value)) await host.native(["export", `${variable}=${value}`]);
    }
    // `$x = Get-Content .env`: the command is what follows the assignment.
    let words = statement.words[1] === "=" ? statement.words.slice(2) : statement.words;
    // A command in a keyword's condition (`if (Get-Content .env)`) is judged from its name on.
    if (PS_KEYWORDS.has((words[0] ?? "").toLowerCase())) {
      // `switch -File .env { default { $_ } }` reads the file and passes on each line.
      const read = words.findIndex((w) => /^-file$/i.test(w));
      if (read > 0) await file({ text: resolveVars(words[read + 1] ?? ""), raw: words[read + 1] ?? "" }, "`switch -File` reads");
      // The first word that is no variable, number, operator or `in` names the command.
      const at = words.findIndex((w, i) => i > 0 && /^[A-Za-z_.&[]/.test(w) && !/^(in|\d.*)$/i.test(w));
      if (at === -1) continue;
      words = words.slice(at);
    }
    const cmdlet = basename((words[0] ?? "").replace(/\\/g, "/")).toLowerCase().replace(/\.exe$/, "");
    const args = words.slice(1);
    // `$x * 2`, `$files.Count`: an expression, no command (a variable set by a read was judged where it
    // was set). `[IO.File]::Exists('.env')`: a .NET call reads a file only to read, open, copy or move it.
    // (`[Convert]::ToBase64String([IO.File]::ReadAllBytes('.env'))`: the read may be an argument.)
    if (cmdlet.startsWith("$") || (cmdlet.startsWith("[") && !/::(read|open|copy|move)/i.test(words.join(" ")))) continue;
    // `gci -Recurse | Select-String x`, `gi .env | gc`: every item listed is read (a listing without
    // -Recurse is taken as one with it). `Compress-Archive -Path .` archives the folder's files.
    const next = all[index + 1];
    const piped = next?.piped && PIPED_READERS.has((next.words[0] ?? "").toLowerCase());
    if ((LISTERS.has(cmdlet) && piped) || cmdlet === "compress-archive") {
      const { root, filter } = listedTree(args);
      // `gci .e* | gc`: each item the wildcard matches.
      const wildcard = /[*?[]/.test(root);
      const label = `\`${piped ? `${words[0]} | ${next?.words[0]}` : words[0]}\``;
      for (const each of wildcard ? await host.glob(resolveVars(root)) : [resolveVars(root)]) await host.tree({ text: each, raw: root }, filter, wildcard ? `${label} reads, through \`${root}\`,` : `${label} over \`${root}\``);
      continue;
    }
    const encoded = POWERSHELL.test(cmdlet) ? encodedCommand(args) : undefined;
    if (encoded === null) findings.push(hiddenCode(`\`${words[0]} -EncodedCommand\``, "does not decode"));
    else if (encoded !== undefined) findings.push(...(await analyzePowerShellText(encoded, env, host)));
    if (encoded !== undefined) continue;
    // Inline interpreter code (`python -c "…"`), judged like the shell's.
    const interpreter = interpreters().find((entry) => entry.pattern.test(cmdlet) && !POWERSHELL.test(cmdlet));
    if (interpreter) {
      const at = args.findIndex((a) => interpreter.codeOptions.includes(a));
      if (at !== -1 && args[at + 1] !== undefined) {
        await host.code(args[at + 1] as string, `\`${words[0]}\` runs inline code,`);
        continue;
      }
    }
    const envItem = args.map((a) => /^env:(.*)$/i.exec(a)?.[1]).find((name) => name !== undefined);
    if (envItem !== undefined && (LISTERS.has(cmdlet) || PIPED_READERS.has(cmdlet) || cmdlet === "get-item" || cmdlet === "gi")) {
      // `(gci env:).Count`, `gci env: | Measure-Object`, `gci env: | Select-Object Name`: a count or the names alone.
      const tail = next?.piped && !all[index + 2]?.piped ? next.words.join(" ") : "";
      if (args.some((a) => /^\.(count|length|names?|keys)$/i.test(a)) || /^(measure-object|measure)$|^(select-object|select)( -(property|expandproperty|exp))? (name|key)$|^(foreach-object|%) (name|key)$/i.test(tail)) continue;
      if (envItem === "" || envItem.includes("*")) leak("the whole environment", `\`${words.join(" ")}\` lists`);
      else if (isSecretVariable(envItem)) leak(`the variable ${envItem}, whose name marks it as a secret`, `\`${words.join(" ")}\` prints`);
      continue;
    }
    // `findstr /s KEY *.*`: Windows' grep, through every folder below with /s (its wildcards match dot files).
    if (cmdlet === "findstr" && args.some((a) => /^\/s$/i.test(a))) {
      const names = args.filter((a) => !a.startsWith("/")).slice(args.some((a) => /^\/[cg]:/i.test(a)) ? 0 : 1);
      await host.tree({ text: ".", raw: "." }, { ...EVERYTHING, include: names.map((n) => basename(n.replace(/\\/g, "/"))) }, "`findstr /s`");
      continue;
    }
    // `Copy-Item -Recurse . C:\\tmp`, `robocopy . C:\\tmp /E`, `xcopy . C:\\tmp /E`: a folder copied with every file in it.
    const copiesFolder = /^(copy-item|cp|copy|cpi)$/.test(cmdlet) && args.some((a) => /^-r(ecurse)?$/i.test(a));
    const source = copiesFolder ? args.findIndex((a) => /^-(path|literalpath|lp)$/i.test(a)) : -1;
    const tree = copiesFolder ? (source === -1 ? args.find((a, i) => !a.startsWith("-") && !/^-(destination|filter|include|exclude)$/i.test(args[i - 1] ?? "")) : args[source + 1]) : /^(robocopy|xcopy)$/.test(cmdlet) ? args.find((a) => !a.startsWith("/")) : undefined;
    if (tree !== undefined) {
      await host.tree({ text: resolveVars(tree), raw: tree }, EVERYTHING, `\`${words[0]}\` copies`);
      continue;
    }
    // `Start-Process cmd -ArgumentList '/c type .env' -NoNewWindow -Wait`: the program and its arguments, as if run.
    if (cmdlet === "start-process" || cmdlet === "saps") {
      const at = args.findIndex((a) => /^-(argumentlist|args)$/i.test(a));
      const named = args.findIndex((a) => /^-(filepath|path)$/i.test(a));
      const program = named === -1 ? args.find((a, i) => !a.startsWith("-") && !/^-/.test(args[i - 1] ?? "")) : args[named + 1];
      if (program !== undefined) findings.push(...(await analyzePowerShellText(`${program} ${at === -1 ? "" : (args[at + 1] ?? "").replace(/^(['"])(.*)\1$/, "$2")}`, env, host)));
      continue;
    }
    if (cmdlet === "cmd" || cmdlet === "cmd.exe") {
      // `cmd /c "type .env"`: the quoted command line is its words.
      const rest = args.flatMap((a) => a.split(/\s+/)).filter((a) => !/^\/[a-z]$/i.test(a));
      for (const arg of rest) if (!/^(type|more)$/i.test(arg)) await file({ text: resolveVars(arg), raw: arg }, "`cmd` reads");
      continue;
    }
    if (PS_NON_READING.has(cmdlet) && !piped) continue;
    // `(Get-Content .env) -replace 'a','b' | Set-Content .env`: PowerShell's edit in place shows nothing.
    const to = next?.piped && /^(set-content|sc)$/i.test(next.words[0] ?? "") && !next.words.some((w) => /^-passthru$/i.test(w)) ? next.words.slice(1).find((w) => !w.startsWith("-")) : undefined;
    if (to !== undefined && /^(get-content|gc|cat|type)$/.test(cmdlet) && to === args.find((a) => !a.startsWith("-"))) continue;
    // `iex 'Get-Content .env'`: code given as one literal is checked as PowerShell; code built at run
    // time (`iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('…')))`) cannot be.
    if (cmdlet === "invoke-expression" || cmdlet === "iex") {
      if (args.length === 1 && !/[$[]/.test(args[0] as string)) findings.push(...(await analyzePowerShellText(args[0] as string, env, host)));
      else findings.push(hiddenCode("`Invoke-Expression`", "builds at run time"));
      continue;
    }
    // A program, not a cmdlet (no Verb-Noun, no alias of one): its arguments reach it as Bash's would, a
    // variable as a word only known when it runs (`gh run view $env:RUN_ID`, `docker stop $_`).
    if (!cmdlet.includes("-") && !/^(type|gc|sls|cpi|mi|copy|move|more|ii|iwr|irm|curl|wget)$/.test(cmdlet) && !words.some((w) => /[@$(]/.test(resolveVars(w)))) {
      // Variables go as Bash's (`$env:RUN_ID` as `${RUN_ID}`): unknown there too, and named as written.
      await host.native(words.map((w) => resolveVars(w, "\0$1\0")));
      continue;
    }
    const operands = args.filter((a) => !a.startsWith("-") || a === "-");
    const sources = ["copy-item", "cp", "copy", "cpi", "move-item", "mv", "move", "mi"].includes(cmdlet) ? operands.slice(0, 1) : operands;
    const literal = args.some((a) => /^-(lit|literalpath|lp)/i.test(a));
    for (const arg of sources) {
      const path = resolveVars(arg);
      // Wildcards in -Path are expanded by the cmdlet; -LiteralPath takes them as they are.
      const matches = !literal && /[*?[]/.test(path) && !path.includes(UNKNOWN) ? await host.glob(path) : [];
      if (matches.length === 0) await file({ text: path, raw: arg }, `\`${words[0]}\` reads`);
      for (const match of matches) await file({ text: match, raw: arg }, `\`${words[0]}\` reads (through the wildcard \`${arg}\`)`);
    }
  }
  return findings;
}
