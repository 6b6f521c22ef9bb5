/**
 * The local files a piece of code loads and runs as code: `import leak`, `from tools import leak`,
 * `require('./leak')`, `import x from './leak.js'`, `require_relative 'leak'`, `include 'leak.php'`,
 * `runpy.run_path('leak.py')`, `exec(open('leak.py').read())`. Without this, code the guard refuses in
 * a script could move into a module the script (or `python3 -c "import leak"`) loads.
 *
 * Pure: the answer is a list of candidate paths relative to the loading file's folder (for inline
 * code, the working directory), which the caller looks up. Packages (`import os`, `require('fs')`)
 * give candidates that seldom exist; JavaScript's bare names are packages, never followed.
 */

/** Python's `import a.b, c as d` and `from .a.b import (c, d)`, as statements (at a line's start or after `;`). */
const PYTHON_IMPORT = /(?:^|;)[ \t]*(?:import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)[ \t]*(?=$|[;#])|from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([\w \t,*]+))/gm;
/** A module named in a string (`__import__('leak')`, `importlib.import_module('tools.leak')`, `runpy.run_module`). */
const PYTHON_MODULE_CALL = /\b(?:__import__|import_module|run_module)\(\s*["']([\w.]+)["']/g;
/**
 * A file loaded by a literal path: JavaScript's relative specifiers, Ruby's require_relative and
 * load, PHP's include and require, Perl's require and do, Python's run_path and exec(open(…)).
 */
const LOADED_PATH = /\b(?:(?:require|import)\s*\(\s*|(?:from|import)\s+|(?:require_relative|load|include|include_once|require_once|require|do|run_path|execfile|exec\(\s*open)\s*\(?\s*(?:__DIR__\s*\.\s*)?)["']([^"'\n]+)["']/g;

/** At most this many modules per file: a file importing hundreds is a bundle, not a hiding place. */
const MAX_MODULES = 64;

export function codeImports(code: string): string[] {
  const out = new Set<string>();
  // A string test first: each RegExp compiles on its first run, and most inline code loads nothing.
  if (!["import", "require", "from", "load", "include", "run_", "exec", "do "].some((word) => code.includes(word))) return [];
  const module = (dotted: string, names: string[] = []) => {
    // Leading dots climb from the loading file's package: `.` is its own folder.
    const dots = /^\.*/.exec(dotted)?.[0].length ?? 0;
    const up = "../".repeat(Math.max(dots - 1, 0));
    const rest = dotted.slice(dots).replace(/\./g, "/");
    const folder = `${up}${rest}`.replace(/\/$/, "") || ".";
    if (rest !== "") out.add(`${folder}.py`).add(`${folder}/__init__.py`);
    // `from tools import leak` loads tools/leak.py when leak is a module rather than a name.
    for (const name of names) if (/^\w+$/.test(name)) out.add(`${folder}/${name}.py`);
  };
  for (const m of code.matchAll(PYTHON_IMPORT)) {
    if (m[1]) for (const part of m[1].split(",")) module(part.trim().split(/\s/)[0] ?? "");
    else module(m[2] ?? "", (m[3] ?? "").split(",").map((n) => n.trim().split(/\s/)[0] ?? ""));
  }
  for (const m of code.matchAll(PYTHON_MODULE_CALL)) module(m[1] ?? "");
  for (const m of code.matchAll(LOADED_PATH)) {
    // PHP's `__DIR__ . '/inc.php'` is relative to the file.
    const path = m[0].includes("__DIR__") ? (m[1] ?? "").replace(/^\//, "") : (m[1] ?? "");
    const relative = /^\.\.?\//.test(path);
    if (/\.(py|[cm]?[jt]sx?|rb|php|p[lm])$/.test(path)) {
      out.add(path);
      // TypeScript's ESM imports name the .js its .ts compiles to.
      if (relative && path.endsWith(".js")) out.add(`${path.slice(0, -3)}.ts`);
    } else if (relative || m[0].startsWith("require_relative")) {
      // A bare name is a package; `./app.service` is app.service.ts.
      for (const ext of [".js", ".ts", ".mjs", ".cjs", ".rb", "/index.js", "/index.ts"]) out.add(path + ext);
    }
  }
  return [...out].slice(0, MAX_MODULES);
}
