/**
 * The own-files guard's corpus, against the fixture project (fixture.ts): calls that would change
 * shipshape's config or data folder must be denied; reading them, and everything near them, passes.
 */
import type { GuardCase } from "./secret-guard-cases.js";
import { HOME, PROJECT } from "./fixture.js";

const bash = (command: string): GuardCase => ({ tool: "Bash", input: { command } });
const CONFIG = `${PROJECT}/.claude/shipshape.yaml`;
const DATA = `${HOME}/.cache/shipshape`;

export const OWN_DENY: GuardCase[] = [
  { tool: "Write", input: { file_path: CONFIG, content: "secrets:\n  enabled: false\n" } },
  { tool: "Write", input: { file_path: ".claude/shipshape.yaml", content: "x" }, note: "relative to the project" },
  { tool: "Write", input: { file_path: `${PROJECT}/src/../.claude/shipshape.yaml`, content: "x" } },
  { tool: "Write", input: { file_path: `${HOME}/.claude/shipshape.yaml`, content: "commit:\n  verify:\n    enabled: false\n" } },
  { tool: "Edit", input: { file_path: CONFIG, old_string: "enabled: true", new_string: "enabled: false" } },
  { tool: "MultiEdit", input: { file_path: CONFIG, edits: [] } },
  { tool: "Write", input: { file_path: `${DATA}/verify-cache.json`, content: "{}" } },
  { tool: "NotebookEdit", input: { notebook_path: `${DATA}/x.ipynb`, new_source: "" } },
  bash(`echo "secrets: {enabled: false}" > .claude/shipshape.yaml`),
  bash(`printf 'commit:\\n  enabled: false\\n' >> .claude/shipshape.yaml`),
  bash(`cat > .claude/shipshape.yaml <<'EOF'\nsecrets:\n  enabled: false\nEOF`),
  bash("tee .claude/shipshape.yaml < relaxed.yaml"),
  bash("cp relaxed.yaml .claude/shipshape.yaml"),
  bash("mv relaxed.yaml .claude/shipshape.yaml"),
  bash("rm .claude/shipshape.yaml"),
  bash("rm -rf ~/.cache/shipshape"),
  bash("sed -i 's/enabled: true/enabled: false/' .claude/shipshape.yaml"),
  bash("sed -n 'w .claude/shipshape.yaml' README.md"),
  bash(`python3 -c "open('.claude/shipshape.yaml','w').write('')"`),
  bash(`node -e "require('fs').writeFileSync('.claude/shipshape.yaml', '')"`),
  bash(`python3 - <<'EOF'\nopen('.claude/shipshape.yaml', 'w').write('secrets: {enabled: false}')\nEOF`),
  bash("cd .claude && echo x > shipshape.yaml"),
  bash(`bash -c 'echo x > .claude/shipshape.yaml'`),
  bash(`F=.claude/shipshape.yaml; echo x > "$F"`),
  bash(`echo '{}' > ~/.cache/shipshape/verify-cache.json`),
  bash(`echo '{}' > "$HOME/.cache/shipshape/verify-cache.json"`),
  bash("dd if=/dev/null of=.claude/shipshape.yaml"),
  bash("ln -sf /tmp/relaxed.yaml .claude/shipshape.yaml"),
  bash("git checkout -- .claude/shipshape.yaml"),
  bash("yq -i '.secrets.enabled = false' .claude/shipshape.yaml"),
  bash("sort -o .claude/shipshape.yaml relaxed.yaml"),
  bash("touch .claude/shipshape.yaml"),
  bash("npm test && truncate -s 0 .claude/shipshape.yaml"),
  bash("rm -rf .claude"),
  bash("mv .claude .claude.bak"),
  bash("rm -rf ~/.cache"),
  { tool: "PowerShell", input: { command: "Set-Content .claude/shipshape.yaml 'secrets: {enabled: false}'" } },
];

export const OWN_ALLOW: GuardCase[] = [
  { tool: "Read", input: { file_path: CONFIG } },
  { tool: "Read", input: { file_path: `${DATA}/verify-cache.json` } },
  { tool: "Write", input: { file_path: `${PROJECT}/shipshape.yaml`, content: "x" }, note: "not in .claude/" },
  { tool: "Write", input: { file_path: `${PROJECT}/.claude/settings.json`, content: "{}" } },
  { tool: "Edit", input: { file_path: `${PROJECT}/src/app.ts`, old_string: "a", new_string: "b" } },
  { tool: "Write", input: { file_path: `${PROJECT}/docs/shipshape.yaml.md`, content: "x" } },
  bash("cat .claude/shipshape.yaml"),
  bash("grep -n verify .claude/shipshape.yaml"),
  bash("sed -n '1,20p' .claude/shipshape.yaml"),
  bash("yq '.commit.verify' .claude/shipshape.yaml"),
  bash("head -5 ~/.claude/shipshape.yaml"),
  bash("git diff .claude/shipshape.yaml"),
  bash("git add .claude/shipshape.yaml && git status"),
  bash("shipshape explain .env"),
  bash("shipshape doctor"),
  bash("grep -rn shipshape.yaml docs"),
  bash(`echo "see .claude/shipshape.yaml"`),
  bash("ls -la ~/.cache/shipshape"),
  bash("cat ~/.cache/shipshape/verify-cache.json"),
  bash("cat .claude/shipshape.yaml > /tmp/config-copy.yaml"),
  bash("diff .claude/shipshape.yaml .claude/shipshape.yaml.example"),
  bash("echo hi > .claude/notes.txt"),
  bash("npx prettier --write ."),
  bash("chmod -R u+w ."),
  bash("ls -la .claude"),
  bash("rm -rf node_modules dist"),
  bash("mv src/old.ts src/new.ts"),
  { tool: "PowerShell", input: { command: "Get-Content .claude/shipshape.yaml" } },
];
