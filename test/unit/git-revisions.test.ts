/**
 * git commands that name no path print whatever their revisions touch: in a repository where .env is
 * tracked (committed by mistake), `git diff`, `git show`, `git log -p` … print it. The secret guard
 * asks git for the names those commands would print, against real repositories here.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";

function repository(trackEnv: boolean): string {
  const root = mkdtempSync(join(tmpdir(), "shipshape-revisions-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  git("init", "-q");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "T");
  writeFileSync(join(root, "a.txt"), "one\n");
  if (trackEnv) writeFileSync(join(root, ".env"), "TOKEN=first\n");
  else writeFileSync(join(root, ".gitignore"), ".env\n");
  git("add", "-A");
  git("commit", "-q", "-m", "Start");
  writeFileSync(join(root, "a.txt"), "two\n");
  git("commit", "-q", "-am", "Edit a");
  writeFileSync(join(root, ".env"), "TOKEN=second\n");
  return root;
}

async function decide(root: string, command: string, tool = "Bash", input: Record<string, unknown> = { command }) {
  const home = mkdtempSync(join(tmpdir(), "shipshape-revisions-home-"));
  const verdict = await secretGuard.decide(
    { tool, input, cwd: root, sessionId: "t" },
    { io: createNodeIO({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home }), config: DEFAULT_CONFIG, configDegraded: false, projectDir: root, home },
  );
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("git commands that print what revisions hold", () => {
  const tracked = repository(true);
  const ignored = repository(false);

  it.each(["git diff", "git diff HEAD", "git show HEAD~1", "git log -p", "git log -p --all", "git format-patch -2 --stdout", "git archive HEAD | tar -xO", "git whatchanged -p", "git reflog -p", "git fast-export --all", "git diff-files -p", "git diff-index -p HEAD", "git diff-tree -p --root HEAD~1"])(
    "refuses %s where .env is tracked",
    async (command) => {
      expect(await decide(tracked, command)).toMatch(/prints \(with no path named[^)]*\) `.*\/\.env`, a dotenv file[\s\S]*Instead: name the paths you need/);
    },
  );

  it.each(["git archive -o app.tar HEAD", "git archive HEAD --output=app.zip", "git format-patch -2 -o patches"])("refuses %s, which copies the tracked .env into a new file", async (command) => {
    expect(await decide(tracked, command)).toMatch(/copies into a file \(with no path named[^)]*\) `.*\/\.env`/);
  });

  it.each(["git diff --stat", "git show --stat HEAD~1", "git log --oneline", "git diff -- a.txt", "git show HEAD", "git log -p -1", "git diff --name-only", "git show nosuchrev", "git reflog", "git fast-export HEAD -- a.txt", "git archive -o a.tar HEAD a.txt", "git format-patch -1 -o patches", "git diff-files", "git diff-index HEAD", "git diff-tree -p HEAD~1 HEAD", "git diff-tree -r --root HEAD~1"])(
    "passes %s where .env is tracked",
    async (command) => {
      expect(await decide(tracked, command)).toBe("pass");
    },
  );

  it.each(["npx prettier --write $(git diff --name-only)", "for f in $(git diff --name-only); do head -5 $f; done"])("takes the names in %s from git, refusing them where .env is tracked", async (command) => {
    expect(await decide(tracked, command)).toMatch(/\.env`, a dotenv file/);
    expect(await decide(ignored, command)).toBe("pass");
  });

  it.each(["git diff", "git show HEAD~1", "git log -p", "git format-patch -2 --stdout", "git archive HEAD | tar -xO", "git archive -o app.tar HEAD"])("passes %s where .env is ignored", async (command) => {
    expect(await decide(ignored, command)).toBe("pass");
  });
});

describe("a stash that holds the untracked .env", () => {
  // `git stash -u` keeps untracked files in the stash's third parent: `show -u` prints them, `show -p` not.
  const root = repository(false);
  rmSync(join(root, ".gitignore"));
  execFileSync("git", ["stash", "push", "-q", "-u"], { cwd: root });

  it.each(["git stash show -p -u", "git stash show -p -u stash@{0}", "git stash show -p --include-untracked", "git stash show --only-untracked -p", "git show stash@{0}^3"])("refuses %s", async (command) => {
    expect(await decide(root, command)).toMatch(/prints \(with no path named[^)]*\) `.*\/\.env`, a dotenv file/);
  });

  it.each(["git stash show -p", "git stash show -p stash@{0}", "git stash show -u --stat", "git stash show -u", "git stash list"])("passes %s", async (command) => {
    expect(await decide(root, command)).toBe("pass");
  });

  it("passes git stash show, a diffstat, of a stashed change to a tracked .env, and refuses its patch", async () => {
    const tracked = repository(true);
    execFileSync("git", ["stash", "push", "-q"], { cwd: tracked });
    expect(await decide(tracked, "git stash show")).toBe("pass");
    expect(await decide(tracked, "git stash show -p")).toMatch(/`.*\/\.env`, a dotenv file/);
  });

  it("refuses git stash show -u where stash.showPatch makes it print the patch", async () => {
    expect(await decide(root, "git -c stash.showPatch=true stash show -u")).toMatch(/`.*\/\.env`, a dotenv file/);
    const configured = repository(false);
    rmSync(join(configured, ".gitignore"));
    execFileSync("git", ["stash", "push", "-q", "-u"], { cwd: configured });
    execFileSync("git", ["config", "stash.showPatch", "true"], { cwd: configured });
    expect(await decide(configured, "git stash show -u")).toMatch(/`.*\/\.env`, a dotenv file/);
  });
});

describe("git grep of a revision, and cat-file's questions about an object", () => {
  // .env committed in the first two commits, then untracked and ignored; `old` points at the first.
  const root = repository(true);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  git("branch", "old", "HEAD~1");
  git("rm", "-q", "--cached", ".env");
  writeFileSync(join(root, ".gitignore"), ".env\n");
  git("add", ".gitignore");
  git("commit", "-q", "-m", "Untrack .env");

  it.each(["git grep TOKEN HEAD~1", "git grep -n TOKEN old", "git grep -e TOKEN HEAD~2 -- ."])("refuses %s, whose revision holds .env", async (command) => {
    expect(await decide(root, command)).toMatch(/`git grep … [^`]+` prints[^\n]*\/\.env`, a dotenv file/);
  });

  it.each(["git grep TOKEN", "git grep TOKEN HEAD", "git grep -l TOKEN HEAD~1", "git cat-file -t HEAD", "git cat-file -s HEAD~1:.env", "git cat-file -e HEAD~1:.env && echo there"])("passes %s", async (command) => {
    expect(await decide(root, command)).toBe("pass");
  });

  it("refuses git grep pointed at another repository, whose tracked .env a tree here does not show", async () => {
    const other = repository(true);
    for (const command of [`git --git-dir=${other}/.git --work-tree=${other} grep TOKEN`, `GIT_DIR=${other}/.git GIT_WORK_TREE=${other} git grep -n TOKEN`]) {
      expect(await decide(root, command)).toMatch(/`git grep`, pointed at another repository/);
    }
    expect(await decide(root, `git -C ${other} grep -l TOKEN`)).toBe("pass");
  });
});

describe("revisions named by branch or worked out by git", () => {
  // .env is ignored on main; branch `leak` has it committed; `feature` branches off main without it.
  const root = repository(false);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  git("branch", "-M", "main");
  git("checkout", "-q", "-b", "leak");
  git("add", "-f", ".env");
  git("commit", "-q", "-m", "Commit .env");
  git("checkout", "-q", "-b", "feature", "main");
  writeFileSync(join(root, "b.txt"), "b\n");
  git("add", "b.txt");
  git("commit", "-q", "-m", "Add b");

  // Before this, a branch name was taken for a path that is not there, and these printed .env.
  it.each([
    "git show leak",
    "git diff leak",
    "git diff main leak",
    "git log -p leak",
    "git diff $(git merge-base HEAD leak) leak",
    "git show $(git rev-parse leak)",
    'git diff "$(git rev-parse --short leak)"',
    "git show $(git log -1 --format=%H leak)",
    "git log -p $(git merge-base HEAD main)..leak",
  ])("refuses %s, whose revision holds .env", async (command) => {
    expect(await decide(root, command)).toMatch(/prints \(with no path named[^)]*\) `.*\/\.env`, a dotenv file/);
  });

  it.each([
    "git show main",
    "git diff main",
    "git diff leak -- a.txt",
    "git diff -- leak",
    "git diff $(git merge-base HEAD main)",
    'git diff "$(git merge-base main HEAD)"',
    "git log -p $(git merge-base HEAD main)..HEAD",
    "git diff $(git merge-base HEAD main) -- b.txt",
    "git show $(git rev-parse --short HEAD)",
    "git diff $(git merge-base HEAD nosuch)",
  ])("passes %s", async (command) => {
    expect(await decide(root, command)).toBe("pass");
  });

  it("works out a revision where the shell would, not in git -C's repository", async () => {
    // Run here, the substitution names a commit the other repository does not have: git prints nothing.
    const there = repository(true);
    expect(await decide(root, `git -C ${there} show $(git rev-parse HEAD~1)`)).toBe("pass");
    expect(await decide(there, "git show $(git rev-parse HEAD~1)")).toMatch(/\.env`, a dotenv file/);
  });

  it("refuses a computed revision it cannot work out", async () => {
    expect(await decide(root, "git diff $(git rev-parse --git-dir)")).toMatch(/only known when the command runs/);
  });
});

describe("pathspecs with git's magic", () => {
  const tracked = repository(true);

  it.each(["git diff -- . ':!.env'", "git diff HEAD~1 -- ':(exclude).env'", "git log -p -- . ':^.env'", "git show HEAD~1 -- ':(exclude,top).env' a.txt", "git diff -- ':(top)a.txt'"])("passes %s, which leaves the tracked .env out", async (command) => {
    expect(await decide(tracked, command)).toBe("pass");
  });

  it.each(["git diff -- ':(top).env'", "git log -p -- ':(literal).env'", "git diff -- ':/'"])("refuses %s, which names it", async (command) => {
    expect(await decide(tracked, command)).toContain(`\`${tracked}/.env\`, a dotenv file`);
  });
});

describe("cd to the repository's top, as git prints it", () => {
  const tracked = repository(true);
  const ignored = repository(false);
  for (const root of [tracked, ignored]) mkdirSync(join(root, "sub"));
  const top = 'cd sub && cd "$(git rev-parse --show-toplevel)"';

  it.each([`${top} && git diff`, `${top} && git log -p -2`, `${top} && grep -rn --include='*.txt' one .`, 'cd sub && cd $(git rev-parse --show-toplevel)/sub && ls ..', 'cd sub && ROOT=$(git rev-parse --show-toplevel); cd "$ROOT" && git diff', 'cd sub && git -C "$(git rev-parse --show-toplevel)" log -p -1', 'cd sub && cd "$(git rev-parse --show-toplevel 2>/dev/null)" && git diff'])("passes %s where .env is ignored", async (command) => {
    expect(await decide(ignored, command)).toBe("pass");
  });

  it.each([
    [`${top} && cat .env`, "reads `<root>/.env`"],
    ['cd sub && cd "$(git rev-parse --show-toplevel)/sub" && cat ../.env', "reads `<root>/.env`"],
    [`${top} && grep -rn TOKEN .`, "over `.` would also reach `<root>/.env`"],
    // git is not asked when the call may move the repository's top first: the folder stays unknown.
    [`mv .git sub/.git && ${top} && grep -rn TOKEN .`, "over `.`, which is only known when the command runs"],
    [`GIT_WORK_TREE=/ && ${top} && grep -rn TOKEN .`, "over `.`, which is only known when the command runs"],
  ])("refuses %s", async (command, expected) => {
    expect(await decide(ignored, command)).toContain(expected.replace("<root>", ignored));
  });

  it("refuses git diff from the top where .env is tracked", async () => {
    expect(await decide(tracked, `${top} && git diff`)).toContain(`prints (with no path named, every file the revisions touch, among them) \`${tracked}/.env\``);
  });
});

describe("git cat-file's objects", () => {
  // .env tracked: its blob's id names it without a path.
  const root = repository(true);
  const blob = execFileSync("git", ["rev-parse", "HEAD:.env"], { cwd: root, encoding: "utf8" }).trim();

  it.each(["git cat-file -p HEAD", "git cat-file -p HEAD^{tree}", "git cat-file commit HEAD~1", "git cat-file -t HEAD:.env", "git status && git cat-file -p HEAD"])("passes %s, which prints no file", async (command) => {
    expect(await decide(root, command)).toBe("pass");
  });

  it("refuses a blob named by its id, with the way to name it instead", async () => {
    expect(await decide(root, `git cat-file -p ${blob}`)).toMatch(/`git cat-file` prints an object that may be a file's contents \(a blob\); name it as `REV:path`/);
    expect(await decide(root, `git cat-file blob ${blob.slice(0, 10)}`)).toMatch(/may be a file's contents/);
  });

  it.each([
    "git cat-file -p HEAD:.env",
    "git cat-file --batch",
    // An object git does not have yet may be written before cat-file runs.
    "git cat-file -p 0123456789abcdef0123456789abcdef01234567",
  ])("refuses %s", async (command) => {
    expect(await decide(root, command)).not.toBe("pass");
  });

  // v1 points at a commit now; the call moves it to .env's blob (whose id is known) before cat-file runs.
  execFileSync("git", ["tag", "v1", "HEAD"], { cwd: root });
  it.each([`git tag -f v1 ${blob} && git cat-file -p v1`, `git update-ref refs/tags/v1 ${blob}; git cat-file -p v1`])("refuses %s, which moves the name first", async (command) => {
    expect(await decide(root, command)).not.toBe("pass");
  });
});

describe("git commands that offer hunks one by one (-p)", () => {
  // .env is tracked and changed but not staged; in \`staged\`, the change is staged.
  const tracked = repository(true);
  const staged = repository(true);
  execFileSync("git", ["add", ".env"], { cwd: staged });
  const ignored = repository(false);

  it.each(["git add -p", "git add --patch", "git add -i", "git stage -p", "git stash -p", "git stash push -p -m wip", "git checkout -p", "git checkout -p HEAD~1", "git restore -p", "git restore -p -s HEAD~1", "git commit -p -m 'Edit a'"])(
    "refuses %s where the tracked .env has unstaged changes",
    async (command) => {
      const reason = await decide(tracked, command);
      expect(reason).toMatch(/` prints \(the hunks it offers, among them\) `.*\/\.env`, a dotenv file[\s\S]*Instead: name the paths you need/);
      // The option is named as written: `git add -i`, not `git add -p`.
      const [, sub, ...words] = command.split(" ");
      expect(reason).toContain(`\`git ${sub} ${words.find((w) => /^-(p|i|-patch)$/.test(w))}\` prints`);
    },
  );

  it.each(["git reset -p", "git restore --staged -p", "git restore -S -p", "git stash -p"])("refuses %s where the change to .env is staged", async (command) => {
    expect(await decide(staged, command)).toMatch(/hunks it offers/);
  });

  it.each([
    ["tracked", "git add -p a.txt"],
    ["tracked", "git add -p -- src"],
    ["tracked", "git reset -p"],
    ["tracked", "git restore --staged -p"],
    ["tracked", "git stash -m wip"],
    ["tracked", "git add a.txt"],
    ["tracked", "git commit -s -m 'Edit a'"],
    ["staged", "git add -p"],
    ["ignored", "git add -p"],
    ["ignored", "git stash -p"],
  ])("passes, in %s, %s", async (where, command) => {
    const root = { tracked, staged, ignored }[where] as string;
    expect(await decide(root, command)).toBe("pass");
  });
});

describe("git commands that put a secret into a commit", () => {
  // .env tracked and changed; in `loose`, .env is neither tracked nor ignored; in `ignored`, ignored.
  const tracked = repository(true);
  const ignored = repository(false);
  const loose = repository(false);
  execFileSync("git", ["rm", "-q", "--cached", ".gitignore"], { cwd: loose });
  writeFileSync(join(loose, ".gitignore"), "");

  it.each([
    ["loose", "git add -A"],
    ["loose", "git add ."],
    ["loose", "git add .env"],
    ["loose", "git add a.txt .env && git commit -m 'Add both' -m 'Body.'"],
    ["ignored", "git add -f .env"],
    ["ignored", "git add --force ."],
    ["tracked", "git add -u"],
    ["tracked", "git commit -am 'Edit' -m 'Body.'"],
    ["tracked", "git commit --all -m 'Edit'"],
    ["tracked", "git commit -m 'Edit' -- .env"],
    ["tracked", "git commit .env -m 'Edit' -m 'Body.'"],
  ])("refuses, in %s, %s", async (where, command) => {
    const root = { tracked, ignored, loose }[where] as string;
    expect(await decide(root, command)).toMatch(/puts into the repository \(and every clone of it\) `.*\/\.env`[\s\S]*Instead: stage the other paths by name/);
  });

  // Made earlier in the same command line, so not there for git's dry run; .gitignore names only .env.
  it.each(["cp .env .env.local && git add -A", "echo 'K=v' > local.env && git add .", "cp .env keys.env && git add keys.env"])("refuses, in ignored, %s", async (command) => {
    expect(await decide(ignored, command)).toMatch(/puts into the repository \(and every clone of it\) `.*\/(\.env\.local|local\.env|keys\.env)`/);
  });

  it.each([
    ["ignored", "git add -A"],
    ["ignored", "git add ."],
    // Ignored: git refuses it without -f.
    ["ignored", "git add .env"],
    ["loose", "git add a.txt"],
    ["tracked", "git commit -m 'Edit' -m 'Body.'"],
    ["tracked", "git add a.txt && git commit -m 'Edit a' -m 'Body.'"],
    ["tracked", "git commit -m 'Edit a' -- a.txt"],
    // Made in the same command line, but ignored, or not reached by the add.
    ["ignored", "cp a.txt .env && git add -A"],
    ["ignored", "cp .env .env.local && git add a.txt"],
    ["ignored", "cp .env .env.local && git add -u"],
    ["loose", "echo x > notes.txt && git add a.txt notes.txt"],
  ])("passes, in %s, %s", async (where, command) => {
    const root = { tracked, ignored, loose }[where] as string;
    expect(await decide(root, command)).toBe("pass");
  });
});

describe("git output after a command that changes what git holds", () => {
  const tracked = repository(false);
  it.each(["git add -f .env && git diff --cached", "git add -f .env; git stash show -p", "git commit -qam wip && git show HEAD", "git fetch origin && git log -p origin/main", "git tag -f v1 HEAD~1 && git show v1", "git branch x HEAD~1 && git log -p x", "git update-ref refs/heads/y HEAD~1; git diff y"])("refuses %s, which the listing made now would miss", async (command) => {
    expect(await decide(tracked, command)).toMatch(/cannot be listed before it runs; run them as separate calls/);
  });

  // Folders that are not there yet: a repository made on the way has history the listing cannot see.
  const later = join(tmpdir(), `shipshape-later-${process.pid}-${Date.now()}`);
  it.each([`git clone -q . ${later}/c && git -C ${later}/c log -p`, `git worktree add ${later}/w HEAD~1 && git -C ${later}/w show`, `cp -r . ${later}/copy && git -C ${later}/copy log -p`, `git init ${later}/i && git -C ${later}/i log -p`])("refuses %s, whose repository is made on the way", async (command) => {
    expect(await decide(tracked, command)).toMatch(/cannot be listed/);
  });

  it.each(["git diff --cached && git add -f a.txt", "git add a.txt && git diff --cached -- a.txt", "git add a.txt && git diff --cached --stat", "git branch --show-current && git diff", "git tag -l && git show HEAD", "git branch -d old; git diff HEAD", "git worktree list && git diff", `git -C ${tmpdir()} log -p`])("passes %s", async (command) => {
    expect(await decide(tracked, command)).toBe("pass");
  });
});

describe("git output from another repository or index", () => {
  const here = repository(false);
  const there = repository(true);
  it.each([`GIT_DIR=${there}/.git git log -p`, `git --git-dir=${there}/.git show HEAD~1`, `export GIT_DIR=${there}/.git; git diff HEAD`, "GIT_INDEX_FILE=/tmp/other-index git diff --cached"])(
    "refuses %s, which the listing made here would not see",
    async (command) => {
      expect(await decide(here, command)).toMatch(/only known when the command runs|cannot rule out/);
    },
  );

  it("passes the same with the paths named", async () => {
    expect(await decide(here, `git --git-dir=${there}/.git show HEAD -- a.txt`)).toBe("pass");
  });
});

describe("the Grep tool over a repository", () => {
  // Claude Code runs ripgrep with --hidden but not --no-ignore: what git ignores is not searched.
  const ignored = repository(false);
  const tracked = repository(true);
  const loose = repository(false);
  writeFileSync(join(loose, "server.pem"), "-----BEGIN PRIVATE KEY-----\n");
  const outside = mkdtempSync(join(tmpdir(), "shipshape-no-repository-"));
  writeFileSync(join(outside, ".env"), "TOKEN=x\n");
  const searches: Array<Record<string, unknown>> = [
    { pattern: "TOKEN" },
    { pattern: "TOKEN", output_mode: "content", "-C": 2 },
    { pattern: "TOKEN", output_mode: "count" },
  ];

  it.each(searches)("passes %j where .env is ignored", async (input) => {
    expect(await decide(ignored, "", "Grep", { ...input, path: ignored })).toBe("pass");
  });

  it.each(searches)("refuses %j where .env is tracked, beside a key git does not ignore, or outside a repository", async (input) => {
    expect(await decide(tracked, "", "Grep", { ...input, path: tracked })).toMatch(/would also reach `.*\/\.env`/);
    const beside = await decide(loose, "", "Grep", { ...input, path: loose });
    expect(beside).toMatch(/would also reach `.*\/server\.pem`/);
    expect(beside).not.toMatch(/\.env`/);
    expect(await decide(outside, "", "Grep", { ...input, path: outside })).toMatch(/would also reach `.*\/\.env`/);
  });

  it("refuses a Grep of the ignored .env named outright", async () => {
    expect(await decide(ignored, "", "Grep", { pattern: "TOKEN", path: join(ignored, ".env") })).toMatch(/Searching `.*\/\.env`/);
  });
});

describe("git grep and what git ignores", () => {
  // .env ignored in `ignored`; neither tracked nor ignored in `loose` (its .gitignore deleted).
  const ignored = repository(false);
  const loose = repository(false);
  rmSync(join(loose, ".gitignore"));

  it.each(["git grep TOKEN", "git grep --untracked TOKEN", "git grep --no-index --exclude-standard TOKEN"])("passes %s where .env is ignored", async (command) => {
    expect(await decide(ignored, command)).toBe("pass");
  });

  it.each([
    ["ignored", "git grep --no-index TOKEN"],
    ["ignored", "git grep --untracked --no-exclude-standard TOKEN"],
    ["loose", "git grep --untracked TOKEN"],
    ["loose", "git grep --no-index --exclude-standard TOKEN"],
  ])("refuses, in %s, %s", async (where, command) => {
    expect(await decide(where === "ignored" ? ignored : loose, command)).toMatch(/`git grep` over `\.` would also reach `.*\/\.env`/);
  });
});

describe("exclude files given to a search, a copy or an archive", () => {
  // .gitignore holds `.env`: grep, rsync and tar each leave out the names such a file lists.
  const ignored = repository(false);
  const loose = repository(false);
  rmSync(join(loose, ".gitignore"));

  it.each([
    "grep -r TOKEN --exclude-from=.gitignore .",
    "grep -rn TOKEN --exclude-from .gitignore .",
    "rsync -a --exclude-from=.gitignore . /tmp/copy",
    "tar czf /tmp/out.tgz --exclude-from=.gitignore .",
    "tar -czf /tmp/out.tgz -X .gitignore .",
    "tar czf /tmp/out.tgz --exclude-vcs-ignores .",
  ])("passes %s", async (command) => {
    expect(await decide(ignored, command)).toBe("pass");
  });

  it.each([
    [ignored, "grep -r TOKEN --exclude-from=a.txt ."],
    [ignored, "grep -r TOKEN --exclude-from=missing.txt ."],
    [loose, "tar czf /tmp/out.tgz --exclude-vcs-ignores ."],
  ])("refuses, in %#, %s", async (root, command) => {
    expect(await decide(root, command)).toMatch(/`.*\/\.env`/);
  });
});
