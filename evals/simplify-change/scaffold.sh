#!/usr/bin/env bash
# A small Node project with an uncommitted, needlessly complicated change.
set -euo pipefail
git init -q && git config user.email eval@example.com && git config user.name eval
mkdir -p src
cat > package.json <<'JSON'
{ "name": "eval-simplify", "private": true, "scripts": { "test": "node --test" } }
JSON
printf 'export function total(items) {\n  return items.reduce((s, i) => s + i.price, 0);\n}\n' > src/cart.mjs
printf 'import test from "node:test";\nimport assert from "node:assert";\nimport { total } from "../src/cart.mjs";\ntest("total", () => assert.equal(total([{ price: 2 }, { price: 3 }]), 5));\n' > src/cart.test.mjs
git add -A && git commit -qm "Start the cart" -m "A total over item prices."
cat > src/cart.mjs <<'JS'
export function total(items) {
  let result = 0;
  if (items !== undefined && items !== null) {
    if (items.length > 0) {
      for (let index = 0; index < items.length; index = index + 1) {
        const theItem = items[index];
        const thePrice = theItem.price;
        result = result + thePrice;
      }
    } else {
      result = 0;
    }
  }
  return result;
}
JS
