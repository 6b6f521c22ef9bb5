/**
 * An archive that holds a secret file prints it when its members go to stdout: `tar -xOf`, `unzip -p`,
 * `7z x -so`, `zipgrep`, a decompressor given a tarball (`zcat backup.tar.gz`, whose stream holds each
 * member in plain text) or a reader given a `.tar`. The guard asks tar or unzip for the members, in
 * real archives here, and judges each by its name; extracting to disk, or listing, passes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";

/** A folder with archives of a tree that holds `app/.env` (backup.*) and of one that does not (docs.*). */
function archives(): string {
  const root = mkdtempSync(join(tmpdir(), "shipshape-archives-"));
  for (const [tree, files] of [["with", { "app/.env": "TOKEN=x\n", "app/main.py": "print(1)\n" }], ["without", { "app/.env.example": "TOKEN=\n", "app/README.md": "# app\n" }]] as const) {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, tree, "app"), { recursive: true });
      writeFileSync(join(root, tree, name), text);
    }
  }
  for (const [tree, base] of [["with", "backup"], ["without", "docs"]]) {
    execFileSync("tar", ["-cf", join(root, `${base}.tar`), "-C", join(root, tree as string), "app"]);
    execFileSync("tar", ["-czf", join(root, `${base}.tar.gz`), "-C", join(root, tree as string), "app"]);
    // Python's zipfile writes the zip: no zip tool is needed to make one.
    execFileSync("python3", ["-c", "import sys, zipfile, os\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n  for d, _, fs in os.walk('app'):\n    for f in fs: z.write(os.path.join(d, f))", join(root, `${base}.zip`)], { cwd: join(root, tree as string) });
  }
  return root;
}

async function decide(root: string, command: string) {
  const verdict = await secretGuard.decide(
    { tool: "Bash", input: { command }, cwd: root, sessionId: "t" },
    { io: createNodeIO({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: root }), config: DEFAULT_CONFIG, configDegraded: false, projectDir: root, home: root },
  );
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("archive members printed", () => {
  const root = archives();

  it.each(["tar -xOf backup.tar", "tar xzOf backup.tar.gz", "tar -x --to-stdout -f backup.tar.gz", "tar -x --to-command=cat -f backup.tar", "unzip -p backup.zip", "unzip -qc backup.zip", "zipgrep TOKEN backup.zip", "zcat backup.tar.gz", "gzip -dc backup.tar.gz | tar -xO", "cat backup.tar"])(
    "refuses %s, whose archive holds app/.env",
    async (command) => {
      expect(await decide(root, command)).toMatch(/prints `backup\.(tar|tar\.gz|zip):app\/\.env`, a dotenv file/);
    },
  );

  it.each(["tar -xOf backup.tar app/.env", "unzip -p docs.zip app/.env"])("refuses %s, which names the member", async (command) => {
    expect(await decide(root, command)).toMatch(/`app\/\.env`, a dotenv file/);
  });

  it.each(["tar -xOf docs.tar", "tar xzOf docs.tar.gz", "unzip -p docs.zip", "zcat docs.tar.gz", "cat docs.tar", "tar -xOf backup.tar app/main.py", "tar -tf backup.tar", "tar -xzf backup.tar.gz -C out", "unzip -l backup.zip", "unzip -o backup.zip -d out", "gzip -t backup.tar.gz", "tar -xOf nosuch.tar"])(
    "passes %s",
    async (command) => {
      expect(await decide(root, command)).toBe("pass");
    },
  );

  it("refuses an archive there that cannot be listed", async () => {
    writeFileSync(join(root, "broken.tar.gz"), "not an archive\n");
    expect(await decide(root, "zcat broken.tar.gz")).toMatch(/`zcat broken\.tar\.gz` prints the members of `broken\.tar\.gz`, which the guard could not list; name the members you need/);
  });
});
