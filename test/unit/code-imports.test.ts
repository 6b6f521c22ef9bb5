/** The local files code loads as code (code-imports.ts), found without running it. */
import { describe, expect, it } from "vitest";
import { codeImports } from "../../hooks/src/guards/secrets/code-imports.js";

describe("codeImports", () => {
  it.each<[string, string[]]>([
    ["import leak", ["leak.py", "leak/__init__.py"]],
    ["import os, tools.leak as l", ["os.py", "os/__init__.py", "tools/leak.py", "tools/leak/__init__.py"]],
    ["x = 1; import leak", ["leak.py", "leak/__init__.py"]],
    ["def f():\n    import leak\n", ["leak.py", "leak/__init__.py"]],
    ["from tools import leak, other as o", ["tools.py", "tools/__init__.py", "tools/leak.py", "tools/other.py"]],
    ["from leak import *", ["leak.py", "leak/__init__.py"]],
    ["from . import leak", ["./leak.py"]],
    ["from .util import show", ["util.py", "util/__init__.py", "util/show.py"]],
    ["from .. import leak", ["../leak.py"]],
    ["__import__('leak')", ["leak.py", "leak/__init__.py"]],
    ["importlib.import_module('tools.leak')", ["tools/leak.py", "tools/leak/__init__.py"]],
    ["runpy.run_module('leak')", ["leak.py", "leak/__init__.py"]],
    ["runpy.run_path('tools/leak.py')", ["tools/leak.py"]],
    ["exec(open('leak.py').read())", ["leak.py"]],
    ["require('./leak.cjs')", ["./leak.cjs"]],
    ["import x from './leak.js'", ["./leak.js", "./leak.ts"]],
    ["export * from '../lib/leak.mjs'", ["../lib/leak.mjs"]],
    ["await import('./leak')", ["./leak.js", "./leak.ts", "./leak.mjs", "./leak.cjs", "./leak.rb", "./leak/index.js", "./leak/index.ts"]],
    ["import { A } from './app.service'", ["./app.service.js", "./app.service.ts", "./app.service.mjs", "./app.service.cjs", "./app.service.rb", "./app.service/index.js", "./app.service/index.ts"]],
    ["require_relative 'leak'", ["leak.js", "leak.ts", "leak.mjs", "leak.cjs", "leak.rb", "leak/index.js", "leak/index.ts"]],
    ["load 'leak.rb'", ["leak.rb"]],
    ["include __DIR__ . '/inc/leak.php';", ["inc/leak.php"]],
    ["require_once 'leak.php';", ["leak.php"]],
    ["do 'leak.pl';", ["leak.pl"]],
  ])("finds what %j loads", (code, files) => {
    expect(codeImports(code)).toEqual(files);
  });

  it.each([
    "require('fs')",
    "import fs from 'node:fs'",
    "import { z } from 'zod'",
    "require 'json'",
    "yaml.load('config.yml')",
    "print('import leak')",
    "// import leak\n",
    "#include \"leak.h\"",
  ])("finds no local code in %j", (code) => {
    expect(codeImports(code)).toEqual([]);
  });

  it("stops at 64 candidates, however many modules a file imports", () => {
    const code = Array.from({ length: 100 }, (_, i) => `import m${i}`).join("\n");
    expect(codeImports(code)).toHaveLength(64);
  });
});
