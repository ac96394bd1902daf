"""Copy the viewer libraries installed by npm (package-lock.json) into vendor/, a git-ignored
static folder: `make install` runs `npm ci`, then `python -m cms.vendor`.

Photo Sphere Viewer ships as an ES module importing the bare name "three"; browsers resolve bare
names only through an inline import map, which our Content-Security-Policy forbids. The copy points
that import at the copied three.js file instead. Nothing here is committed.
"""

import shutil
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
NODE_MODULES = BASE_DIR / "node_modules"
VENDOR = BASE_DIR / "vendor"

FILES = {
    "three/build/three.module.min.js": "three/three.module.min.js",
    "three/build/three.core.min.js": "three/three.core.min.js",
    "three/LICENSE": "three/LICENSE",
    "@photo-sphere-viewer/core/index.module.js": "photo-sphere-viewer/index.module.js",
    "@photo-sphere-viewer/core/index.css": "photo-sphere-viewer/index.css",
    # Both files name their source map; production's hashed static storage refuses a missing one.
    "@photo-sphere-viewer/core/index.module.js.map": "photo-sphere-viewer/index.module.js.map",
    "@photo-sphere-viewer/core/index.css.map": "photo-sphere-viewer/index.css.map",
    "@photo-sphere-viewer/core/LICENSE": "photo-sphere-viewer/LICENSE",
}
BARE_IMPORT = 'from "three"'
RESOLVED_IMPORT = 'from "../three/three.module.min.js"'


def copy(node_modules=NODE_MODULES, vendor=VENDOR):
    if not node_modules.is_dir():
        raise SystemExit(f"{node_modules} is missing: run `npm ci` first (Node.js and npm are needed).")
    for source, target in FILES.items():
        destination = vendor / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(node_modules / source, destination)
    module = vendor / FILES["@photo-sphere-viewer/core/index.module.js"]
    text = module.read_text(encoding="utf-8")
    if BARE_IMPORT not in text:
        raise SystemExit("Photo Sphere Viewer no longer imports \"three\" by name: check cms/vendor.py.")
    module.write_text(text.replace(BARE_IMPORT, RESOLVED_IMPORT), encoding="utf-8")
    return vendor


if __name__ == "__main__":
    copy()
    sys.stdout.write(f"Viewer libraries copied to {VENDOR.name}/\n")
