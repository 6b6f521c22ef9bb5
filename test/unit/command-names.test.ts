/** Command-name tests (command-names.ts) stand in for the RegExps they replaced: same names in, same out. */
import { describe, expect, it } from "vitest";
import { commandNames, orTest } from "../../hooks/src/guards/secrets/command-names.js";
import { AWK, PYTHON, POWERSHELL, wrapperSpec } from "../../hooks/src/guards/secrets/command-rules.js";
import { credentialCommandsOf } from "../../hooks/src/guards/secrets/credential-commands.js";

describe("commandNames", () => {
  const python = /^python(\d+(\.\d+)?)?$|^pypy3?$/;
  const perl = /^perl\d*$/;
  const names = ["python", "python3", "python3.11", "python311", "pypy", "pypy3", "python.3", "python3.", "python3.11.2", "python3x", "pypy2", "pythonw", "xpython", "", "perl", "perl5", "perl5.36", "perlx", "Python3"];

  it.each(names)("matches %j as the python RegExp did", (name) => {
    expect(PYTHON.test(name)).toBe(python.test(name));
  });

  it.each(names)("matches %j as the perl RegExp did", (name) => {
    expect(commandNames(["perl"], "digits").test(name)).toBe(perl.test(name));
  });

  it("matches exact names only when no tail is allowed", () => {
    expect(AWK.test("gawk")).toBe(true);
    expect(AWK.test("busybox-awk")).toBe(true);
    expect(AWK.test("awk2")).toBe(false);
    expect(AWK.test("Awk")).toBe(false);
    expect(POWERSHELL.test("pwsh")).toBe(true);
    expect(POWERSHELL.test("pwsh7")).toBe(false);
  });

  it("combines tests", () => {
    const tcl = orTest(commandNames(["expect", "wish"]), commandNames(["tclsh"], "version"));
    expect(["expect", "wish", "tclsh", "tclsh8", "tclsh8.6"].every((name) => tcl.test(name))).toBe(true);
    expect(["expect2", "tclsh8.6.1", "tcl"].some((name) => tcl.test(name))).toBe(false);
  });
});

describe("the command tables, looked up by name", () => {
  const heads = ["gh", "gcloud", "aws", "kubectl", "git", "npm", "docker", "dotenv", "sops", "tmux"];

  it.each(heads)("give %s's credential commands, each starting with its name", (name) => {
    const entries = credentialCommandsOf(name);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.argv[0]).toBe(name);
  });

  it.each(["sudo", "env", "timeout", "npx", "npm", "uv", "op", "doppler"])("give %s's wrapper spec", (name) => {
    expect(wrapperSpec(name)?.valueOptions).toBeInstanceOf(Array);
  });

  it.each(["cat", "ls", "constructor", "toString", "__proto__", "hasOwnProperty", ""])("give %j nothing", (name) => {
    expect(wrapperSpec(name)).toBeUndefined();
    expect(credentialCommandsOf(name)).toEqual([]);
  });
});
