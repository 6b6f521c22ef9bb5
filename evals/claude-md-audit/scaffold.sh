#!/usr/bin/env bash
# A project whose CLAUDE.md is incomplete and names a command that does not exist.
set -euo pipefail
git init -q && git config user.email eval@example.com && git config user.name eval
printf '{ "name": "eval-claude-md", "private": true, "scripts": { "test": "node --test", "lint": "node lint.js" } }\n' > package.json
printf 'console.log("lint ok")\n' > lint.js
printf '# CLAUDE.md\n\nRun `make check` before committing.\n' > CLAUDE.md
git add -A && git commit -qm "Start" -m "An incomplete CLAUDE.md."
