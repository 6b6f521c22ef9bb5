#!/usr/bin/env bash
# A repository with one staged change and a passing test.
set -euo pipefail
git init -q && git config user.email eval@example.com && git config user.name eval
printf '{ "name": "eval-commit", "private": true, "scripts": { "test": "node -e \\"process.exit(0)\\"" } }\n' > package.json
printf 'export const greeting = "hello";\n' > index.mjs
git add -A && git commit -qm "Start" -m "First file."
printf 'export const greeting = "hello, world";\n' > index.mjs
git add index.mjs
