#!/usr/bin/env bash
# Time the Docusaurus 3 production build of the corpus site, for comparison
# with the importer benchmark (bench/results/import.md).
#
# Usage: bench/docusaurus_build.sh [SITE_DIR]
#   SITE_DIR defaults to ../shared/corpus/techno relative to the repository root.
#   BUILD_RUNS (default 2): number of consecutive builds; the first one runs
#   with cold caches, the next ones reuse the webpack cache in node_modules/.cache.
#   MISSING_DOCS=stub|prune (default stub): how docs listed in sidebars.js but
#   absent from the corpus are handled (see below).
#   KEEP_WORKDIR=1 keeps the scratch folder afterwards.
#
# The corpus is a partial copy of the site: it ships no package.json and some
# local files referenced by the config or the docs are absent. This script
# copies the site to a scratch folder (mktemp -d), writes a package.json, adds
# no-op stand-ins for the missing files (only when absent), runs npm install,
# then times `docusaurus build`. The site folder itself is never modified.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITE="${1:-$REPO_ROOT/../shared/corpus/techno}"
SITE="$(cd "$SITE" && pwd)"
RUNS="${BUILD_RUNS:-2}"

WORK="$(mktemp -d -t docusaurus-build.XXXXXX)"
if [ "${KEEP_WORKDIR:-0}" != "1" ]; then
  trap 'rm -rf "$WORK"' EXIT
fi
echo "site: $SITE"
echo "scratch folder: $WORK"

cp -a "$SITE" "$WORK/site"
cd "$WORK/site"

# --- package.json (versions pinned; Docusaurus 3.10.2) -----------------------
cat > package.json <<'EOF'
{
  "name": "techno-build-bench",
  "version": "0.0.0",
  "private": true,
  "scripts": {
    "build": "docusaurus build"
  },
  "dependencies": {
    "@docusaurus/core": "3.10.2",
    "@docusaurus/preset-classic": "3.10.2",
    "@docusaurus/plugin-client-redirects": "3.10.2",
    "@easyops-cn/docusaurus-search-local": "0.55.3",
    "@mdx-js/react": "3.1.1",
    "@phosphor-icons/react": "2.1.10",
    "@photo-sphere-viewer/core": "5.15.1",
    "clsx": "2.1.1",
    "embla-carousel-react": "8.6.0",
    "papaparse": "5.7.1",
    "prism-react-renderer": "2.4.1",
    "react": "19.3.1",
    "react-dom": "19.3.1"
  },
  "engines": {
    "node": ">=20.0"
  }
}
EOF

# --- stand-ins for files absent from the corpus ------------------------------
stub() { # stub PATH CONTENT: create PATH only if the site does not have it
  if [ ! -e "$1" ]; then
    mkdir -p "$(dirname "$1")"
    printf '%s\n' "$2" > "$1"
    echo "stub: $1"
  fi
}
# remark plugin used by the docs preset: leaves the tree unchanged
stub src/utils/remark-insert-help.js \
'export default function remarkInsertHelp() {
  return (tree) => tree;
}'
# client modules listed in clientModules: empty
for m in klaroLoader klaroContextualMedia accessibilitePersist; do
  stub "src/clientModules/$m.js" 'export {};'
done
# imported by src/theme/Navbar/ColorModeToggle: no consent given
stub src/utils/consent.js \
'export function hasKlaroConsent() {
  return false;
}'
# imported by docs/espaces/studiosbalado.md: no slides
stub src/data/studiosbaladoSlides.js \
'export const studiosbaladoSlides = [];'

# docs listed in sidebars.js but absent from the corpus (the build refuses
# sidebar ids without a doc). MISSING_DOCS=stub (default): add a title-only page
# for each. MISSING_DOCS=prune: drop them from the copy's sidebars.js instead,
# keeping a title-only page only for the targets of `to: '/...'` links in the
# config (client redirects must point to existing pages).
cp sidebars.js "$WORK/sidebars.mjs"
node --input-type=module - "$WORK/sidebars.mjs" "${MISSING_DOCS:-stub}" <<'EOF'
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const sidebars = (await import(pathToFileURL(process.argv[2]))).default;
const wanted = new Set();
const walk = (item) => {
  if (Array.isArray(item)) return item.forEach(walk);
  if (typeof item === 'string') return wanted.add(item);
  if (!item || typeof item !== 'object') return;
  if ((item.type === 'doc' || item.type === 'ref') && item.id) wanted.add(item.id);
  if (item.link && item.link.type === 'doc' && item.link.id) wanted.add(item.link.id);
  if (item.items) walk(item.items);
  if (!item.type && !item.items) Object.values(item).forEach(walk); // shorthand categories
};
Object.values(sidebars).forEach(walk);
const have = new Set();
const scan = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { scan(p); continue; }
    if (!/\.mdx?$/.test(e.name)) continue;
    const fm = fs.readFileSync(p, 'utf8').match(/^---\n([\s\S]*?)\n---/);
    const idLine = fm && fm[1].match(/^id:\s*['"]?([^'"\n]+?)['"]?\s*$/m);
    const rel = path.relative('docs', dir);
    const base = idLine ? idLine[1] : e.name.replace(/\.mdx?$/, '');
    have.add(rel ? `${rel}/${base}` : base);
  }
};
scan('docs');
const missing = [...wanted].filter((id) => !have.has(id)).sort();
let toStub = missing;
if (process.argv[3] === 'prune') {
  const gone = new Set(missing);
  const prune = (items) => items.flatMap((it) => {
    if (typeof it === 'string') return gone.has(it) ? [] : [it];
    if (it.type === 'doc' && gone.has(it.id)) return [];
    const c = { ...it };
    if (c.link && c.link.type === 'doc' && gone.has(c.link.id)) delete c.link;
    if (c.items) { c.items = prune(c.items); if (!c.items.length && !c.link) return []; }
    return [c];
  });
  const out = Object.fromEntries(Object.entries(sidebars).map(([k, v]) => [k, prune(v)]));
  fs.writeFileSync('sidebars.js', `export default ${JSON.stringify(out, null, 2)};\n`);
  const config = fs.readFileSync('docusaurus.config.js', 'utf8');
  const targets = new Set([...config.matchAll(/\bto:\s*['"]\/([^'"#?]+)['"]/g)].map((m) => m[1]));
  toStub = missing.filter((id) => targets.has(id));
  console.log(`pruned: ${missing.length - toStub.length} doc id(s) absent from the corpus removed from sidebars.js`);
}
for (const id of toStub) {
  const file = path.join('docs', `${id}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `---\ntitle: ${id}\n---\n\nStand-in page: absent from the corpus.\n`);
}
console.log(`stub: ${toStub.length} doc(s) listed in sidebars.js and absent from the corpus (docs/<id>.md, title only)`);
EOF

# --- git history --------------------------------------------------------------
# The config sets showLastUpdateTime, so the docs plugin runs `git log` for every
# doc and fails outside a Git repository. The corpus is not one: record the copy
# as a single commit (fixed identity and date), before node_modules exists.
if ! git -C . rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  git init -q .
  git add -A
  GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid \
  GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid \
  GIT_AUTHOR_DATE=2025-01-01T00:00:00Z GIT_COMMITTER_DATE=2025-01-01T00:00:00Z \
    git -c commit.gpgsign=false commit -q -m "corpus snapshot"
  echo "git: initialised the copy as a one-commit repository"
fi

# --- install ------------------------------------------------------------------
t0=$(date +%s.%N)
npm install --no-audit --no-fund --loglevel=error
t1=$(date +%s.%N)
printf 'npm install: %.1f s\n' "$(awk "BEGIN{print $t1 - $t0}")"

# --- timed builds -------------------------------------------------------------
echo "node $(node -v), $(nproc) CPU(s), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
  s0=$(date +%s.%N)
  status=ok
  if ! time npx --no-install docusaurus build > "$WORK/build-$i.log" 2>&1; then
    status=FAILED
  fi
  s1=$(date +%s.%N)
  printf 'build %d: %.1f s wall, %s (log: %s), load average after: %s\n' \
    "$i" "$(awk "BEGIN{print $s1 - $s0}")" "$status" "$WORK/build-$i.log" "$(cut -d' ' -f1-3 /proc/loadavg)"
  grep -E '^\[(SUCCESS|ERROR)\]' "$WORK/build-$i.log" || tail -n 20 "$WORK/build-$i.log"
  [ "$status" = ok ] || exit 1
done
