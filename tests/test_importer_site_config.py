"""TypeScript and modern JavaScript configs and sidebars, docs plugin options (no Node.js)."""

from pathlib import Path

import pytest

from pages.importers.docusaurus.js import JsError, evaluate_export
from pages.importers.docusaurus.jsx import Expression
from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.site import load_site

# What `create-docusaurus … --typescript` writes today, with docs beside the website folder.
TS_CONFIG = """\
import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';

const docsRoot = '../docs';

const config: Config = {
  title: `Ma documentation`,
  url: process.env.SITE_URL ?? 'https://exemple.org',
  baseUrl: '/doc/',
  trailingSlash: false,
  future: { v4: true },
  presets: [
    [
      'classic',
      {
        docs: {
          path: docsRoot,
          include: ['guides/**/*.{md,mdx}', 'intro.md'],
          exclude: ['**/brouillons/**', '**/_*.md'],
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          editUrl: ({docPath}) => `https://exemple.org/edit/${docPath}`,
        },
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    ['@docusaurus/plugin-content-docs', {id: 'community', path: 'community', routeBasePath: 'community'}],
  ],
  i18n: { defaultLocale: 'fr', locales: ['fr', 'en'] as const },
  themeConfig: {
    navbar: { title: config?.title, items: [...[]] },
    prism: { theme: prismThemes.github },
  } satisfies Preset.ThemeConfig,
};

export default config;
"""

TS_SIDEBARS = """\
import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const common = ['intro'] as const;

const sidebars: SidebarsConfig = {
  principale: [
    ...common,
    {
      type: 'category',
      label: `Guides d'usage`,
      items: ['guides/montage', {type: 'doc', id: 'guides/son', label: 'Le son'}],
    },
  ],
} satisfies SidebarsConfig;

export default sidebars;
"""


def write(root: Path, files: dict):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def ts_site(tmp_path):
    write(tmp_path, {
        "website/docusaurus.config.ts": TS_CONFIG,
        "website/sidebars.ts": TS_SIDEBARS,
        "docs/intro.md": "# Introduction\n\nBonjour.\n",
        "docs/guides/montage.md": "---\ntitle: Montage\n---\n\nCouper et coller.\n",
        "docs/guides/son.mdx": "---\ntitle: Son\n---\n\nLe micro.\n",
        "docs/guides/brouillons/idee.md": "# Idée\n",
        "docs/notes/hors-include.md": "# Hors include\n",
        "docs/guides/_partiel.md": "Un extrait.\n",
    })
    return tmp_path / "website"


def test_typescript_config_gives_docs_path_include_exclude_and_route(ts_site):
    site = load_site(ts_site)
    assert site.config_file == "docusaurus.config.ts"
    assert (site.base_url, site.route_base_path, site.trailing_slash) == ("/doc/", "/", False)
    assert site.docs_dir == (ts_site.parent / "docs").resolve()
    assert site.include == ["guides/**/*.{md,mdx}", "intro.md"]
    assert site.exclude == ["**/brouillons/**", "**/_*.md"]
    assert site.sidebar_path == ts_site / "sidebars.ts"
    codes = {p.code: p for p in site.problems}
    # `process.env.SITE_URL ?? …` is computed: said, with its line, never guessed.
    assert codes["config_value_unread"].line == 9 and "url" in codes["config_value_unread"].message
    assert "community" in codes["docs_instance_skipped"].message
    assert codes["i18n_locales_not_imported"].level == "info" and "en" in codes["i18n_locales_not_imported"].message
    assert "config_unreadable" not in codes


def test_docs_outside_the_website_folder_are_imported_as_the_include_globs_say(ts_site):
    plan = build_plan(ts_site)
    assert sorted(plan.docs) == ["guides/montage.md", "guides/son.mdx", "intro.md"]
    assert [p.code for _, p in plan.problems if p.level == "error"] == []
    # sidebars.ts read as written: spread of an `as const` array, template literal label, doc label
    intro, guides = plan.roots
    assert intro.key == "../docs/intro.md"
    assert guides.title == "Guides d'usage"
    assert [c.key for c in guides.children] == ["../docs/guides/montage.md", "../docs/guides/son.mdx"]
    assert intro.old_urls == ["/doc/intro"]


def test_modern_javascript_and_line_numbers_of_strings_and_objects():
    value = evaluate_export(
        "const base = {a: 1, b: 'x'};\n"
        "module.exports = {\n  ...base,\n  c: [0x10, -2.5, 1_000, !true],\n  d: require('./x.png').default,\n"
        "  e: 'caf\\u00e9 \\'quoted\\'',\n  f: a?.b ?? 'z',\n  g: `tpl ${x}`,\n  'h-i': null,\n};\n")
    assert value["a"] == 1 and value["b"] == "x" and value["b"].line == 1
    assert value["c"] == [16, -2.5, 1000, False]
    assert value["d"] == "./x.png"
    assert value["e"] == "café 'quoted'"
    assert isinstance(value["f"], Expression) and value["f"].line == 7
    assert isinstance(value["g"], Expression) and value["g"].source == "`tpl ${x}`"
    assert value["h-i"] is None and value["__line__"] == 2


def test_async_config_function_and_path_resolve():
    value = evaluate_export(
        "const path = require('path');\n"
        "export default async function createConfig() {\n"
        "  const docs = path.resolve(__dirname, '../docs');\n"
        "  return { docs, sidebar: require.resolve('./sidebars.js') };\n}\n")
    assert value["docs"] == "../docs" and value["sidebar"] == "./sidebars.js"


def test_a_syntax_error_is_reported_with_its_line():
    with pytest.raises(JsError) as error:
        evaluate_export("const config: Config = {\n  title: 'x',\n  url: ,\n};\nexport default config;\n", "docusaurus.config.ts")
    assert error.value.line == 3


def test_a_sidebars_json_file_is_read_with_its_lines(tmp_path):
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {sidebarPath: './sidebars.json'}}]]};\n",
        "sidebars.json": '{\n  "s": [\n    "a",\n    "absent"\n  ]\n}\n',
        "docs/a.md": "# A\n",
    })
    plan = build_plan(tmp_path)
    assert [n.key for n in plan.roots] == ["docs/a.md"]
    assert [(f, p.line) for f, p in plan.problems if p.code == "sidebar_missing_doc"] == [("sidebars.json", 4)]


@pytest.mark.django_db
def test_a_typescript_site_with_docs_beside_it_imports_its_pages(ts_site, site_tree, admin_user):
    from pages.importers.docusaurus.writer import Importer
    from pages.models import SectionPage

    report = Importer(build_plan(ts_site), user=admin_user, publish=True).run()
    assert report.ok
    titles = set(SectionPage.objects.filter(source_path__startswith="../docs/").values_list("title", flat=True))
    assert titles == {"Introduction", "Montage", "Son"}


def test_computed_lists_in_the_config_are_reported_not_fatal(tmp_path):
    # The languages read from a JSON file, plugins and redirects built by code: the site still loads,
    # and what could not be read is named.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (tmp_path / "docusaurus.config.ts").write_text("""import locales from "./locales.json" with { type: "json" };
const LOCALES = locales.map((l) => l.locale);
export default {
  title: 'Docs',
  i18n: { defaultLocale: 'fr', locales: process.env.LOCALE ? [process.env.LOCALE] : LOCALES },
  presets: [['classic', { docs: { remarkPlugins: makePlugins() } }]],
  plugins: [['@docusaurus/plugin-client-redirects', { redirects: makeRedirects() }]],
};
""", encoding="utf-8")
    site = load_site(tmp_path)
    unread = [p for p in site.problems if p.code == "config_value_unread"]
    assert any("i18n.locales" in p.message for p in unread)
    assert site.client_redirects == []
    assert list(build_plan(tmp_path).docs) == ["intro.md"]
