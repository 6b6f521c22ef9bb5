/**
 * The shell parser (shell/parser.ts) and word expansion (shell/expand.ts), tested on their own: each
 * command is reduced to the simple commands it runs, as the words bash would pass them (expanded with
 * no variables known, HOME=/h), with their redirections; scripts nested in substitutions follow.
 */
import { describe, expect, it } from "vitest";
import type { Command, Script, Word } from "../../hooks/src/shell/ast.js";
import { UNKNOWN, expandWord, nestedScripts, type ExpandScope } from "../../hooks/src/shell/expand.js";
import { ShellSyntaxError, parseShell } from "../../hooks/src/shell/parser.js";

const scope: ExpandScope = { vars: new Map([["KNOWN", ["v1"]]]), home: "/h", cwd: "/c", env: () => undefined };
const show = (word: Word) => expandWord(word, scope).map((arg) => arg.text.replaceAll(UNKNOWN, "?") + (arg.glob ? ` (glob ${arg.glob})` : ""));

function commands(script: Script): string[] {
  const out: string[] = [];
  const visit = (command: Command) => {
    if (command.type === "compound") return void (command.body.statements.forEach((s) => s.pipelines.forEach((p) => p.commands.forEach(visit))), command.redirects.forEach((r) => out.push(`redirect ${r.op} ${show(r.target).join(" ")}`)));
    if (command.type === "function") return void out.push(`function ${command.name}`, ...commands(command.body).map((c) => `  { ${c}`), ...command.redirects.map((r) => `redirect ${r.op} ${show(r.target).join(" ")}`));
    if (command.type === "loop-var") return void out.push(`loop ${command.assign.name} in ${(command.assign.loopValues ?? []).flatMap(show).join(" ")}`);
    if (command.type === "test") {
      out.push(`test ${command.words.flatMap(show).join(" ")}`);
      for (const word of command.words) for (const nested of nestedScripts(word)) out.push(...commands(nested).map((c) => `  > ${c}`));
      return;
    }
    const line = [...command.assigns.map((a) => `${a.name}=${show(a.value).join("|")}`), ...command.words.flatMap(show)].join(" ");
    out.push(line + command.redirects.map((r) => ` ${r.fd ?? ""}${r.op}${r.heredoc ? `[${r.heredoc.quoted ? "quoted " : ""}heredoc ${JSON.stringify(r.heredoc.body)}]` : show(r.target).join(" ")}`).join(""));
    for (const word of [...command.words, ...command.assigns.map((a) => a.value)]) for (const nested of nestedScripts(word)) out.push(...commands(nested).map((c) => `  > ${c}`));
  };
  for (const statement of script.statements) for (const pipeline of statement.pipelines) pipeline.commands.forEach(visit);
  return out;
}
const parsed = (source: string) => commands(parseShell(source));

describe("shell parser", () => {
  it.each([
    ["npm test", ["npm test"]],
    ["time -p npm test", ["npm test"]],
    ["time npm test", ["npm test"]],
    ["  ls   -la\t src/ ", ["ls -la src/"]],
    ["cat '.e''nv'", ["cat .env"]],
    ['cat ".e"nv', ["cat .env"]],
    ["cat $'\\x2eenv'", ["cat .env"]],
    ["cat \\.env", ["cat .env"]],
    ["cat .env # .env.example", ["cat .env"]],
    ["a && b || c; d & e", ["a", "b", "c", "d", "e"]],
    ["cat .env | grep X | wc -l", ["cat .env", "grep X", "wc -l"]],
    ["(cd config && cat .env)", ["cd config", "cat .env"]],
    // Braces and loops are stepped over: what follows their end is redirected on its own.
    ["{ cat a; cat b; } > out", ["cat a", "cat b", " >out"]],
    ["cat < .env", ["cat <.env"]],
    ["cmd 2>&1 >> log", ["cmd 2>&1 >>log"]],
    ["cmd &> all; cmd &>> all & next", ["cmd &>all", "cmd &>>all", "next"]],
    ["V=.env; cat \"$V\"", ["V=.env", "cat ?"]],
    ["X=1 Y=2 env", ["X=1 Y=2 env"]],
    ["arr=(a b c)", ["arr="]],
    ["cat ~/.aws/credentials ~ ~user", ["cat /h/.aws/credentials /h ~user"]],
    ["cat .env{,}", ["cat .env .env"]],
    ["echo {a..c}", ["echo a b c"]],
    ["echo '{a,b}' \"*\"", ["echo {a,b} *"]],
    ["ls *.ts", ["ls *.ts (glob *.ts)"]],
    ["echo $KNOWN ${KNOWN} ${UNSET:-dflt}", ["echo v1 v1 ? dflt"]],
    ["echo $(cat .env)", ["echo ?", "  > cat .env"]],
    ["echo `cat .env`", ["echo ?", "  > cat .env"]],
    ["diff <(cat a) b", ["diff /dev/fd/63 b", "  > cat a"]],
    ["if test -f .env; then cat .env; fi", ["test -f .env", "cat .env"]],
    ["for f in a b; do cat $f; done", ["loop f in a b", "cat ?"]],
    ["while read l; do echo $l; done < .env", ["read l", "echo ?", " <.env"]],
    ["case $x in a) cat .env;; esac", ["test ?", "cat .env"]],
    ["[[ -f .env ]] && cat .env", ["test -f .env", "cat .env"]],
    ["f() { cat .env; }; f", ["function f", "  { cat .env", "f"]],
    ["function f { cat \"$1\"; }\nf a", ["function f", '  { cat ?', "f a"]],
    ["function f() {\n  if true; then { echo in; }; fi\n  cat b\n} > log; f", ["function f", "  { true", "  { echo in", "  { cat b", "redirect > log", "f"]],
    ["f() ( cd sub && ls ); f", ["cd sub", "ls", "f"]],
    ["echo $((1 + 2))", ["echo 0"]],
    // The shell runs what is substituted inside arithmetic (and prints what fails to evaluate).
    ["echo $((1 + $(cat .env)))", ["echo 0", "  > cat .env"]],
    ["x=$(( `cat .env` * (2 + 1) ))", ["x=0", "  > cat .env"]],
    ["echo $(( ${N:-$(cat .env)} ))", ["echo 0", "  > cat .env"]],
    ["(( n = $(wc -l < f) ))", ["test ?", "  > wc -l <f"]],
    ["for ((i=$(cat .env); i<2; i++)); do :; done", ["test ?", "  > cat .env", ":"]],
    ["echo $(( (1 + 2) * 3 )) next", ["echo 0 next"]],
    // Case fall-throughs, a regex's own parentheses, and input from a process substitution.
    ["case $x in a) cat .env;& b) echo b;;& *) echo c;; esac", ["test ?", "cat .env", "echo b", "echo c"]],
    ["[[ $x =~ ^(a|b)+$ && -f .env ]] && cat .env", ["test ? ^(a|b)+$ -f .env", "cat .env"]],
    ["[[ $x =~ $(cat .env) ]]", ["test ? ?", "  > cat .env"]],
    ["while read -r f; do echo $f; done < <(cat .env)", ["read -r f", "echo ?", " </dev/fd/63"]],
  ])("parses %j", (source, expected) => {
    expect(parsed(source)).toEqual(expected);
  });

  it("keeps heredoc bodies, quoted or not, and expands `$(cat <<'EOF' …)` to its text", () => {
    expect(parsed("python3 - <<'EOF'\nprint(open('.env').read())\nEOF")).toEqual(['python3 - <<[quoted heredoc "print(open(\'.env\').read())"]']);
    // As bash does (with a warning), a heredoc without its delimiter runs to the end.
    expect(parsed("cat <<EOF\nno end")).toEqual(['cat <<[heredoc "no end"]']);
    expect(parsed("cat <<-EOF\n\tline $X\n\tEOF\necho next")).toEqual(['cat <<-[heredoc "line $X"]', "echo next"]);
    expect(parsed('git commit -m "$(cat <<\'EOF\'\nSummary\n\nBody.\nEOF\n)"')).toEqual(["git commit -m Summary\n\nBody.", '  > cat <<[quoted heredoc "Summary\\n\\nBody."]']);
  });

  it.each(["cat 'unterminated", 'echo "open', "echo $(cat a", "cat <", "cat >", "echo )", "(cat a"])("refuses %j", (source) => {
    expect(() => parseShell(source)).toThrow(ShellSyntaxError);
  });
});

describe("statements an if, a loop or a group holds", () => {
  // The parse steps over those keywords; each statement says whether it stood inside one (may not run, or run again).
  it.each([
    ["a; if b; then c; fi; d", [false, false, true, true, false]],
    ["for x in 1; do y; done; z", [false, true, true, false]],
    ["while r; do s; done; t", [false, true, true, false]],
    ["{ a; b; }; c", [false, true, true, false]],
    ["f() { g; }; h", [false, false]],
    ["fi; if b; then c; fi", [false, false, true, true]],
  ])("%s", (source, nested) => {
    expect(parseShell(source).statements.map((statement) => statement.nested === true)).toEqual(nested);
  });
});

describe("field splitting", () => {
  const split = (source: string, vars: Array<[string, string[]]>) => {
    const s: ExpandScope = { ...scope, vars: new Map([...scope.vars, ...vars]) };
    const [statement] = parseShell(source).statements;
    const command = statement?.pipelines[0]?.commands[0];
    if (command?.type !== "simple") throw new Error("not a simple command");
    return command.words.flatMap((word) => expandWord(word, s).map((arg) => arg.text.replaceAll(UNKNOWN, "?")));
  };
  it.each<[string, Array<[string, string[]]>, string[]]>([
    ["$X", [["X", ["cat .env"]]], ["cat", ".env"]],
    ['"$X"', [["X", ["cat .env"]]], ["cat .env"]],
    ["a$X", [["X", ["b c"]]], ["ab", "c"]],
    ["$X", [["X", ["  lead  trail  "]]], ["lead", "trail"]],
    ["$X", [["X", [" "]]], []],
    ["$X", [["X", ["a,b"]], ["IFS", [","]]], ["a", "b"]],
    ["a,b", [["IFS", [","]]], ["a,b"]],
    ['"a b"', [], ["a b"]],
    ["$(echo cat .env)", [], ["cat", ".env"]],
    // An unknown inside a word may be a separator: the pieces around it are words too.
    ["cat${UNSET}.env", [], ["cat?.env", "cat", ".env"]],
    ['"cat${UNSET}.env"', [], ["cat?.env"]],
    ["$UNSET", [], ["?"]],
  ])("%s with %j gives %j", (source, vars, words) => {
    expect(split(source, vars)).toEqual(words);
  });
});
