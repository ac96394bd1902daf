"""Hypothesis strategies shaped like Docusaurus docs and PO files: grammar pieces, glued at random."""

from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "Studio",
        "balado",
        "micro",
        "é",
        "x",
        "",
        " ",
        "{",
        "}",
        "<",
        ">",
        "`",
        "*",
        "_",
        "[",
        "]",
        "(",
        ")",
        "!",
        "#",
        "|",
        ":",
        "\\",
        '"',
        "'",
        "&amp;",
        "\t",
        "∂",
        "😀",
    ]
)
TAGS = st.sampled_from(
    [
        "b",
        "strong",
        "em",
        "code",
        "Link",
        "div",
        "Tabs",
        "TabItem",
        "details",
        "summary",
        "Card",
        "CardGrid",
        "img",
        "a",
        "Admonition",
        "DocCardList",
        "br",
        "table",
        "tr",
        "td",
        "Inconnu",
        "p",
        "iframe",
    ]
)
ATTRS = st.sampled_from(
    [
        "",
        ' href="http://[x"',
        ' src="https://[x"',
        ' value="a"',
        " label='B'",
        ' src="/img/x.png"',
        " href={'/x'}",
        " title={frontMatter.title}",
        ' items={[{"a": 1}]}',
        " open",
        " x={",
        ' y="',
        " style={{color: 'red'}}",
        " default",
        " src={require('./x.png').default}",
    ]
)

text = st.lists(WORDS, max_size=12).map("".join)


@st.composite
def jsx_tag(draw):
    name = draw(TAGS)
    kind = draw(st.sampled_from(["open", "close", "self", "pair", "pair_lines"]))
    attrs = draw(ATTRS)
    inner = draw(text)
    return {
        "open": f"<{name}{attrs}>",
        "close": f"</{name}>",
        "self": f"<{name}{attrs} />",
        "pair": f"<{name}{attrs}>{inner}</{name}>",
        "pair_lines": f"<{name}{attrs}>\n\n{inner}\n\n</{name}>",
    }[kind]


def _table(cells):
    width = max(1, len(cells))
    return (
        "| "
        + " | ".join(cells or ["a"])
        + " |\n|"
        + "---|" * width
        + "\n| "
        + " | ".join(cells)
        + " |"
    )


BLOCKS = st.one_of(
    text,
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 8), text),
    st.builds(
        lambda k, t, b: f":::{k}{t}\n{b}\n:::",
        st.sampled_from(
            ["note", "tip", "info", "warning", "danger", "caution", "inconnu", "note[Titre]", ""]
        ),
        text,
        text,
    ),
    st.builds(lambda k, b: f":::{k}\n{b}", st.sampled_from(["note", "tip"]), text),  # never closed
    jsx_tag(),
    st.builds(lambda n, t: ">" * n + " " + t, st.integers(1, 30), text),
    st.builds(
        lambda lang, b: f"```{lang}\n{b}\n```",
        st.sampled_from(["", "js", "python", "mermaid", "inconnu"]),
        text,
    ),
    st.builds(lambda b: f"```\n{b}", text),  # unterminated fence
    st.builds(lambda n, t: "  " * n + "- " + t, st.integers(0, 12), text),
    st.builds(lambda n, t: f"{n}. {t}", st.integers(0, 10**12), text),
    st.lists(text, max_size=4).map(_table),
    st.sampled_from(
        [
            "import Tabs from '@theme/Tabs';",
            "import TabItem from '@theme/TabItem';",
            "import {",
            "import x from",
            "export const toc = [];",
            "export default function X() { return <div/>; }",
            "export const a = {",
            "{/* commentaire */}",
            "{frontMatter.title}",
            "{",
            "}",
            "<!-- note -->",
            "<!--",
            "$$\nx^2\n$$",
            "[^1]: Note.",
            "[lien](./autre.md)",
            "![image](/img/x.png)",
            "![](./absent.png)",
            "[réf][1]\n\n[1]: http://x",
            "https://example.org",
            "---",
            "***",
            "<>",
            "</>",
            "\x00",
            "\ufeff",
            "\u2028",
            "\r",
            '<Tabs>\n<TabItem value="a">\n\n:::note\n',
            "<details>\n<summary>",
        ]
    ),
    st.text(max_size=40),
)

FRONT_MATTER_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**400), 10**400),
    st.floats(),
    st.text(max_size=20),
    st.dates().map(str),
    st.lists(st.text(max_size=5), max_size=3).map(str),
    st.sampled_from(
        [
            "[1, 2",
            "{a: b}",
            "'unterminated",
            "*ancre",
            "&ancre x",
            "!!python/object:os.system x",
            "!!binary aGVsbG8=",
            "2024-02-30",
            "1e400",
            ".nan",
            "-.inf",
            "0x1F",
            "yes",
            "~",
            "|",
            ">-",
            "{{ x }}",
            "@at",
            "`tick`",
            "%percent",
            "[a, [b, [c, [d]]]]",
        ]
    ),
)
FRONT_MATTER_KEYS = st.sampled_from(
    [
        "title",
        "titre",
        "id",
        "slug",
        "description",
        "sidebar_position",
        "sidebar_label",
        "tags",
        "draft",
        "unlisted",
        "image",
        "image_alt",
        "capacity",
        "duration",
        "equipment",
        "opening_hours",
        "hours",
        "required_training",
        "keywords",
        "hide_title",
        "Title ",
        "  x",
        "a:b",
        "?",
    ]
)


@st.composite
def front_matter_text(draw):
    """Text between the `---` fences: mostly `key: value` lines, sometimes raw YAML or junk."""
    lines = []
    for key, value in draw(st.lists(st.tuples(FRONT_MATTER_KEYS, FRONT_MATTER_VALUES), max_size=8)):
        lines.append(f"{key}: {value}")
    lines += draw(
        st.lists(
            st.sampled_from(
                [
                    "- liste",
                    "  indent: x",
                    "- a\n- b",
                    "\t tab",
                    "key",
                    ":",
                    "a: b: c",
                    "x: [",
                    "? complexe\n: clé",
                    "<<: *base",
                    "&a b: 1",
                    "%YAML 1.2",
                    "--- \n...",
                ]
            ),
            max_size=2,
        )
    )
    order = draw(st.permutations(lines)) if lines else []
    return "\n".join(order)


@st.composite
def mdx_doc(draw):
    parts = []
    if draw(st.booleans()):
        parts.append("---\n" + draw(front_matter_text()) + "\n---")
    parts += draw(st.lists(BLOCKS, max_size=14))
    separator = draw(st.sampled_from(["\n\n", "\n", "\n\n\n", "\r\n"]))
    return separator.join(parts) + draw(st.sampled_from(["", "\n"]))


def billion_laughs(levels=9, width=9):
    """YAML whose aliases expand to width**levels strings."""
    lines = ['a: &a ["lol"]']
    for level in range(1, levels):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * width) + "]")
    last = chr(ord("a") + levels - 1)
    return "\n".join(lines) + f"\ntitle: *{last}\ntags: *{last}\nsidebar_position: *{last}\n"
