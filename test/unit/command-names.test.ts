/** Command-name tests (command-names.ts) stand in for the RegExps they replaced: same names in, same out. */
import { describe, expect, it } from "vitest";
import { commandNames, orTest } from "../../hooks/src/guards/secrets/command-names.js";
import { AWK, CREDENTIAL_HEADS, PYTHON, POWERSHELL, WRAPPER_NAMES, credentialCommands, wrapperSpec, wrappers } from "../../hooks/src/guards/secrets/command-rules.js";

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

describe("the name sets beside the command tables", () => {
  it("name every wrapper the table describes, and no other", () => {
    expect(WRAPPER_NAMES).toEqual(new Set(Object.keys(wrappers())));
  });

  it("name the first word of every credential command, and no other", () => {
    expect(CREDENTIAL_HEADS).toEqual(new Set(credentialCommands().map((entry) => entry.argv[0])));
  });

  it("do not take Object's own properties for wrappers", () => {
    expect(wrapperSpec("constructor")).toBeUndefined();
    expect(wrapperSpec("sudo")?.valueOptions).toContain("-u");
  });
});
