import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { isSecretVariable } from "./command-rules.js";
import type { GuardEnv } from "./guard.js";
import type { Finding } from "./refusal.js";

/** PowerShell cmdlets and aliases that name files without printing them. */
const PS_NON_READING = new Set([
  "test-path", "new-item", "ni", "remove-item", "rm", "del", "ri", "erase", "rd", "rmdir", "set-location", "cd", "sl",
  "push-location", "pushd", "pop-location", "popd", "write-output", "echo", "write", "write-host", "get-item", "gi",
  "get-itemproperty", "set-content", "sc", "add-content", "ac", "out-file", "clear-content", "clc", "new-itemproperty",
  "rename-item", "ren", "rni", "mkdir", "md", "get-childitem", "gci", "ls", "dir", "resolve-path", "rvpa", "split-path",
  "join-path", "get-acl", "set-acl", "start-sleep", "sleep",
]);


/** Splits PowerShell text into statements of words, honouring its quotes and backtick escapes. */
function statements(text: string): string[][] {
  const out: string[][] = [[]];
  let word = "";
  let inWord = false;
  const push = () => {
    if (inWord) (out[out.length - 1] as string[]).push(word);
    word = "";
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const end = close === -1 ? text.length : close;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === "`" && i + 1 < text.length) {
      word += text[i + 1];
      inWord = true;
      i += 1;
    } else if (c === ";" || c === "|" || c === "\n" || c === "{" || c === "}") {
      push();
      out.push([]);
    } else if (c === " " || c === "\t" || c === "," || c === "(" || c === ")") push();
    else {
      word += c;
      inWord = true;
    }
  }
  push();
  return out.filter((s) => s.length > 0);
}

/** Checks a PowerShell command: files its cmdlets read, environment dumps and secret variables. */
export async function analyzePowerShellText(
  text: string,
  env: GuardEnv,
  file: (arg: Arg, how: string) => Promise<void>,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  if (/\[(System\.)?Environment\]::GetEnvironmentVariables\(\s*\)/i.test(text)) {
    findings.push({ kind: "environment", what: "the whole environment", how: "`GetEnvironmentVariables()` prints" });
  }
  for (const match of text.matchAll(/\$env:([A-Za-z_][A-Za-z0-9_]*)/gi)) {
    if (isSecretVariable(match[1] as string)) {
      findings.push({ kind: "environment", what: `the variable $env:${match[1]}, whose name marks it as a secret`, how: "This PowerShell command expands" });
    }
  }
  const home = env.ctx.home;
  // PowerShell variables in paths: $HOME and the profile folders are known, any other is unknown.
  const resolveVars = (word: string) =>
    word.replace(/\$(?:env:)?(HOME|USERPROFILE)\b/gi, home ?? UNKNOWN).replace(/\$(?:env:)?[A-Za-z_][A-Za-z0-9_]*/g, UNKNOWN).replace(/\\/g, "/");
  for (const statement of statements(text)) {
    // `$x = Get-Content .env`: the command is what follows the assignment.
    const words = statement[1] === "=" ? statement.slice(2) : statement;
    const cmdlet = (words[0] ?? "").toLowerCase();
    const args = words.slice(1);
    const envItem = args.map((a) => /^env:(.*)$/i.exec(a)?.[1]).find((name) => name !== undefined);
    if (envItem !== undefined && ["get-item", "gi", "get-childitem", "gci", "ls", "dir", "get-content", "gc", "cat", "type"].includes(cmdlet)) {
      if (envItem === "" || envItem.includes("*")) findings.push({ kind: "environment", what: "the whole environment", how: `\`${words.join(" ")}\` lists` });
      else if (isSecretVariable(envItem)) findings.push({ kind: "environment", what: `the variable ${envItem}, whose name marks it as a secret`, how: `\`${words.join(" ")}\` prints` });
      continue;
    }
    if (cmdlet === "cmd" || cmdlet === "cmd.exe") {
      const rest = args.filter((a) => !/^\/[a-z]$/i.test(a));
      for (const arg of rest) if (!/^(type|more)$/i.test(arg)) await file({ text: resolveVars(arg), raw: arg }, "`cmd` reads");
      continue;
    }
    if (PS_NON_READING.has(cmdlet)) {
      if (["copy-item", "cp", "copy", "cpi", "move-item", "mv", "move", "mi"].includes(cmdlet)) continue;
      continue;
    }
    const operands = args.filter((a) => !a.startsWith("-") || a === "-");
    const sources = ["copy-item", "cp", "copy", "cpi", "move-item", "mv", "move", "mi"].includes(cmdlet) ? operands.slice(0, 1) : operands;
    for (const arg of sources) await file({ text: resolveVars(arg), raw: arg }, `\`${words[0]}\` reads`);
  }
  return findings;
}
