"""The current site's live components become typed live blocks, with no « component_unmapped »."""

from tests.test_importer_mapper import body, codes, draft_text

MDX = """---
title: Nous joindre
---

import { HoraireAujourdhui, HoraireSemaine } from '@site/src/components/HoraireSoutienInfo';

<HoraireAujourdhui />

<HoraireSemaine codeBib="sa" />

<ProchainsAteliers />

<StudioBaladoVideo />

<LibChatWidget hash="2CDFCAF0F2E776291E8BFC9296E8B7573083D9B6AD33C930FA46024633447CCE" />

<AvisBib />

<AvisUrgenceUdeM />
"""


def test_hours_workshops_and_next_slot_components_become_typed_blocks():
    d = draft_text(MDX, name="nous-joindre.mdx")
    blocks = [(b["type"], b["value"]) for b in body(d)]
    assert blocks == [
        ("library_hours", {"title": "", "library": "ss", "service": "soutien-informatique", "view": "today"}),
        ("library_hours", {"title": "", "library": "sa", "service": "soutien-informatique", "view": "week"}),
        ("workshops", {"title": "", "discipline": "informatique-creation-medias", "place": "", "count": 4}),
        ("next_slot", {"title": "", "service": "studio-balado-video", "booking_url": ""}),
        ("chat", {"title": "", "hash": "2cdfcaf0f2e776291e8bfc9296e8b7573083d9b6ad33c930fa46024633447cce",
                  "email": ""}),
    ]
    assert not [code for code, _line in codes(d) if code == "component_unmapped"]
    assert [code for code, _line in codes(d) if code == "site_wide_component"] == ["site_wide_component"] * 2


def test_a_computed_library_code_falls_back_to_the_components_default():
    d = draft_text("<HoraireSemaine codeBib={bib} />\n", name="calc.mdx")
    assert body(d)[0]["value"]["library"] == "ss"
