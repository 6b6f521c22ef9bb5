/** What a simple command prints, where that is certain without running it (commit messages use it). */
import { describe, expect, it } from "vitest";
import { staticPrint } from "../../hooks/src/shell/expand.js";
import { parseShell } from "../../hooks/src/shell/parser.js";

function printed(command: string): string | undefined {
  const cmd = parseShell(command).statements[0]?.pipelines[0]?.commands[0];
  if (!cmd) throw new Error("no command");
  return staticPrint(cmd, { vars: new Map([["NAME", ["world"]]]), cwd: "/p", home: "/h", env: () => undefined });
}

describe("staticPrint", () => {
  it.each([
    ["echo hello world", "hello world\n"],
    ["echo -n hello", "hello"],
    [`echo -e "a\\nb\\tc"`, "a\nb\tc\n"],
    [`echo "a\\nb"`, "a\\nb\n"],
    [`echo -ne 'x\\n'`, "x\n"],
    [`printf 'Add x\\n\\nBody.\\n'`, "Add x\n\nBody.\n"],
    [`printf '100%% done\\n'`, "100% done\n"],
    [`printf 'tab\\there \\101\\x42'`, "tab\there AB"],
    ["echo $NAME", "world\n"],
    ["pwd", "/p\n"],
    ["cat <<'EOF'\nline one\nline two\nEOF", "line one\nline two\n"],
    ["cat <<< 'one line'", "one line\n"],
    // printf's arguments, and its format used again while arguments remain.
    [`printf '%s\\n' a b`, "a\nb\n"],
    [`printf '%s' 'cat .env'`, "cat .env"],
    [`printf 'cat %s\\n' .env`, "cat .env\n"],
    [`printf '%s%s\\n' a b c`, "ab\nc\n"],
    [`printf '%b' 'x\\ny'`, "x\ny"],
    [`printf '%c%c' cat env`, "ce"],
    [`printf -- '%s' x`, "x"],
    [`printf 'no conversions\\n' ignored`, "no conversions\n"],
    [`printf '%s'`, ""],
    // mktemp names a new file under /tmp by its template, X's left in.
    ["mktemp", "/tmp/tmp.XXXXXXXXXX\n"],
    ["mktemp -d", "/tmp/tmp.XXXXXXXXXX\n"],
    ["mktemp build.XXXX", "/tmp/build.XXXX\n"],
    ["mktemp -q /var/tmp/x.XXXX.env", "/var/tmp/x.XXXX.env\n"],
  ])("%j prints %j", (command, output) => {
    expect(printed(command)).toBe(output);
  });

  it.each([
    [`printf 'x\\c'`],
    [`printf '%d\\n' 5`],
    [`printf '%5s' x`],
    [`printf -v out '%s' x`],
    [`printf '%b' 'stop\\c'`],
    ["echo $UNSET_ELSEWHERE"],
    ["cat notes.txt"],
    ["mktemp -p /srv"],
    ["mktemp --suffix=.env"],
    ["echo hi > out.txt"],
    ["ls"],
  ])("%j prints nothing certain", (command) => {
    expect(printed(command)).toBeUndefined();
  });
});
