"""Registry of the MDX components the importer knows: component name → handler.

A handler is ``handler(flow, tag, node, line)``: ``flow`` is the mapper's block flow (``flow.add``
appends a StreamField block, ``flow.ctx`` holds the doc, the resolver and the report), ``tag`` the
parsed JSX tag (``tag.name``, ``tag.attrs``), ``node`` the syntax node (its ``children``), ``line``
the source line for the report.

A name is a component's exact MDX spelling (``"LiteYouTubeEmbed"``), the module it is imported
from (``"@theme/IdealImage"``, whatever the doc calls it), or a lowercase HTML element (``"ul"``)
that the mapper itself does not handle.

Each family of components (live data, tabs, cards, media, site-specific ones…) lives in its own small
module of this package and registers its names with ``@register("Name", …)``. Adding a component is
one module (or one function in a family's module) plus its test; nothing else in the mapper changes.
"""

from __future__ import annotations

from collections.abc import Callable

Handler = Callable[..., None]

_HANDLERS: dict[str, Handler] = {}
_SIBLINGS: set[Handler] = set()


def register(*names: str, siblings: bool = False) -> Callable[[Handler], Handler]:
    """Register ``handler`` for the components ``names`` (their exact MDX spelling).

    With ``siblings=True`` the handler receives, instead of one node, the list of consecutive
    sibling nodes of the same component (``<StudioCard/>`` after ``<StudioCard/>`` is one grid)."""

    def decorate(handler: Handler) -> Handler:
        for name in names:
            if name in _HANDLERS and _HANDLERS[name] is not handler:
                raise ValueError(f"MDX component {name!r} is already handled by {_HANDLERS[name].__qualname__}")
            _HANDLERS[name] = handler
        if siblings:
            _SIBLINGS.add(handler)
        return handler

    return decorate


def takes_siblings(handler: Handler) -> bool:
    return handler in _SIBLINGS


def handler_for(name: str) -> Handler | None:
    return _HANDLERS.get(name)


def registered() -> frozenset[str]:
    return frozenset(_HANDLERS)


# The families: importing a module registers its components.
from . import (  # noqa: E402, F401
    admonitions,
    cards,
    catalogues,
    code,
    collapsibles,
    html_elements,
    html_lists,
    links,
    live_data,
    live_services,
    media,
    rich_media,
    studio_cards,
)
