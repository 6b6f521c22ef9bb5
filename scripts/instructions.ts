/**
 * Instruction counts of the command hook over a bare node, under valgrind's callgrind: the bench's
 * calls (bench-project.ts), each the first time (its remembered decision deleted) and seen before.
 * Wall time on this machine wanders by more than a change worth making (0.2 ms); instruction counts
 * repeat to about 0.3M, so this is the measure to compare two builds by. Needs valgrind.
 *
 *   npm run bench:instructions            every call, 3 runs each (the fewest instructions is kept)
 *   RUNS=5 npm run bench:instructions -- npm   only the calls whose name contains "npm"
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchProject, decidedOf } from "./bench-project.js";

const root = join(fileURLToPath(import.meta.url), "../..");
const runs = Number(process.env.RUNS ?? 3);
const only = process.argv[2];

if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.error("valgrind is not installed: this script counts instructions with valgrind --tool=callgrind.");
  process.exit(1);
}

const { project, baseline, cases, env, forget } = benchProject();
const outDir = mkdtempSync(join(tmpdir(), "shipshape-callgrind-"));

/** V8 searches for a random prime for its hash seed at start-up; its cost varies by millions per process. */
const NOISE = /detail::sprp/;

/** Millions of instructions of one run, V8's random prime search left out. */
function instructions(script: string, input: string): number {
  const out = join(outDir, "callgrind.out");
  const run = spawnSync("valgrind", ["--tool=callgrind", `--callgrind-out-file=${out}`, process.execPath, script], { input, cwd: project, env, encoding: "utf8" });
  if (run.status !== 0 && run.status !== 2) throw new Error(`${script} exited ${run.status}: ${run.stderr.slice(-400)}`);
  const annotated = spawnSync("callgrind_annotate", ["--inclusive=no", "--threshold=100", out], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  let total = 0;
  let noise = 0;
  for (const line of annotated.stdout.split("\n")) {
    const count = Number(line.trim().split(/\s/)[0]?.replace(/,/g, ""));
    if (!Number.isFinite(count)) continue;
    if (line.includes("PROGRAM TOTALS")) total = count;
    else if (NOISE.test(line)) noise += count;
  }
  if (total === 0) throw new Error(`callgrind_annotate gave no total for ${script}`);
  return (total - noise) / 1e6;
}

/** The fewest instructions of several runs: what is left of the noise only ever adds. */
function fewest(script: string, input: string, before: () => void = () => undefined): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    before();
    best = Math.min(best, instructions(script, input));
  }
  return best;
}

console.log(`Instructions (millions) over a bare node that reads the same stdin, fewest of ${runs} runs under callgrind\n`);
console.log("| case | bare | first time | ratio | seen before | ratio |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const c of cases) {
  if (only && !c.name.includes(only)) continue;
  const script = join(root, "hooks/dist", c.entry);
  // Twice before counting: the first run writes the V8 code cache, the second the config cache.
  for (let i = 0; i < 2; i++) {
    const run = spawnSync(process.execPath, [script], { input: c.input, cwd: project, env, encoding: "utf8" });
    if (decidedOf(run.stdout) !== c.expect) throw new Error(`${c.name}: expected ${c.expect}: ${run.stdout}${run.stderr}`);
  }
  const bare = fewest(baseline, c.input);
  const first = fewest(script, c.input, forget) - bare;
  spawnSync(process.execPath, [script], { input: c.input, cwd: project, env });
  const seen = fewest(script, c.input) - bare;
  const ratio = (over: number) => `${((bare + over) / bare).toFixed(3)}x`;
  console.log(`| ${c.name} | ${bare.toFixed(1)} | +${first.toFixed(1)} | ${ratio(first)} | +${seen.toFixed(1)} | ${ratio(seen)} |`);
}
rmSync(outDir, { recursive: true, force: true });
