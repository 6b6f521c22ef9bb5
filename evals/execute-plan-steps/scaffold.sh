#!/usr/bin/env bash
# A tiny server and an approved plan with two steps.
set -euo pipefail
git init -q && git config user.email eval@example.com && git config user.name eval
mkdir -p docs/plans
printf '{ "name": "eval-plan", "private": true, "type": "module", "scripts": { "test": "node --test" } }\n' > package.json
printf 'export function routes() {\n  return { "/": () => "home" };\n}\n' > server.js
cat > docs/plans/add-health-endpoint.md <<'MD'
# Add a health endpoint

Status: approved

## Implementation steps
- [ ] 1. Add a `/health` route to `routes()` in server.js that returns "ok" — verify with: npm test
- [ ] 2. Add `server.test.js` checking that `/health` returns "ok" — verify with: npm test

## Validation checklist
- [ ] All implementation steps done and verified
- [ ] Tests added and passing (`npm test`)
MD
git add -A && git commit -qm "Plan the health endpoint" -m "An approved plan to carry out."
