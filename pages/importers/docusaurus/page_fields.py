"""Page-type field mapping: what a space, a tool guide or a mission page takes out of its doc's
front matter and body (typed fields, steps, statement and objectives). Pure (no Django ORM)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .parser import front_matter_value
from .resolver import IMAGE_SUFFIXES
from .text import attr, esc, humanize_filename


def as_int(value):
    try:
        return int(str(value).strip().split()[0])
    except (ValueError, IndexError):
        return None


def space_fields(ctx, fm, fields, body):
    capacity = as_int(front_matter_value(fm, "capacity", "capacite", "capacité"))
    if capacity is not None:
        fields["capacity"] = capacity
    for field_name, keys in (("building", ("building", "pavillon", "batiment", "bâtiment")),
                             ("room", ("room", "local", "salle")),
                             ("booking_url", ("booking_url", "reservation", "réservation", "booking")),
                             ("contact_email", ("contact_email", "courriel", "email")),
                             ("contact_phone", ("contact_phone", "telephone", "téléphone"))):
        value = front_matter_value(fm, *keys)
        if value:
            fields[field_name] = str(value)[:255]
    hours = front_matter_value(fm, "opening_hours", "horaires", "hours", "heures")
    if isinstance(hours, dict):
        hours = [{"days": k, "hours": v} for k, v in hours.items()]
    if isinstance(hours, list):
        fields["opening_hours"] = [ctx.block("hours", {"days": str(h.get("days") or h.get("jours") or "")[:255],
                                                       "hours": str(h.get("hours") or h.get("heures") or "")[:255]})
                                   for h in hours if isinstance(h, dict)]
    equipment = front_matter_value(fm, "equipment", "equipements", "équipements", "equipement")
    if isinstance(equipment, list):
        fields["equipment"] = [ctx.block("item", {"name": str(e.get("name") if isinstance(e, dict) else e)[:255],
                                                  "quantity": as_int(e.get("quantity")) if isinstance(e, dict) else None,
                                                  "note": str(e.get("note") or "") if isinstance(e, dict) else ""})
                               for e in equipment]
    if "booking_url" not in fields:
        # A link whose text says "Réserver …" is the booking link.
        for block in walk_blocks(body):
            if block["type"] == "paragraph":
                match = re.search(r'<a href="(https?://[^"]+)">\s*(?:<b>)?\s*R[ée]serv', block["value"])
                if match:
                    fields["booking_url"] = html.unescape(match.group(1))[:200]
                    break


def _choice(value, choices):
    """The choice a front matter value names (by value, French or English label), else "".

    The labels are read in each language explicitly: the language active when the import runs
    (a command, a test, a request) must not change what a source means."""
    from django.utils import translation

    wanted = str(value or "").strip().lower()
    if not wanted:
        return ""
    for key, label in choices:
        names = {str(key).lower()}
        for language in ("fr", "en"):
            with translation.override(language):
                names.add(str(label).lower())
        if wanted in names:
            return key
    return ""


def tool_fields(ctx, fm, fields):
    # The models' choices only (no ORM use); what the source does not say stays empty.
    from pages.models.tool_guide import SkillLevel, ToolCategory

    fields["category"] = _choice(front_matter_value(fm, "category", "categorie", "catégorie"), ToolCategory.choices)
    guessed, why = ctx.category
    if not fields["category"] and guessed:
        fields["category"] = guessed
        ctx.problem("category_guessed", 1, f"Catégorie « {guessed} » déduite du dossier ou de la barre latérale ({why}).", "info")
    fields["skill_level"] = _choice(front_matter_value(fm, "skill_level", "level", "niveau"), SkillLevel.choices)
    duration = as_int(front_matter_value(fm, "duration", "duree", "durée", "duration_minutes"))
    if duration is not None:
        fields["duration_minutes"] = duration
    training = front_matter_value(fm, "required_training", "formation")
    if training:
        fields["required_training"] = str(training)[:255]
    for field_name, keys in (("materials", ("materials", "materiel", "matériel")),
                             ("protective_equipment", ("protective_equipment", "epi", "protection"))):
        value = front_matter_value(fm, *keys)
        if isinstance(value, list):
            fields[field_name] = [ctx.block("item", str(v)[:255]) for v in value]
    seen = []
    for path in ctx.documents:
        if Path(path).suffix.lower() in IMAGE_SUFFIXES or path in seen:
            continue
        seen.append(path)
    if seen:
        fields["downloads"] = [ctx.block("document", {"document": {"__document__": p}, "label": humanize_filename(p)})
                               for p in seen]


STEP_RE = re.compile(r"^\s*(?:(?:étape|etape|step)\s*)?(\d+)\s*(?:[.):–-]\s*|\s+-\s+|\s+)(.+)$", re.IGNORECASE)
CALLOUT_LABELS = {"note": "Note", "tip": "Astuce", "info": "Information", "warning": "Attention", "danger": "Danger"}


def numbered_steps(titles):
    """Step titles when the headings are numbered 1, 2, 3… (at least two), else None."""
    matches = [STEP_RE.match(t) for t in titles]
    if len(matches) < 2 or not all(matches):
        return None
    if [int(m.group(1)) for m in matches] != list(range(1, len(matches) + 1)):
        return None
    return [m.group(2).strip() for m in matches]


def tool_steps(ctx, body, fields):
    """Numbered H2 sections ("1. Préparer", "Étape 2 - Tester") become the guide's steps when
    everything in them fits a step (text, sub-headings, images, callouts), in their place."""
    starts = [i for i, b in enumerate(body) if b["type"] == "heading" and b["value"]["level"] == "h2"
              and STEP_RE.match(b["value"]["text"])]
    titles = numbered_steps([body[i]["value"]["text"] for i in starts])
    if titles is None:
        return body
    h2 = [i for i, b in enumerate(body) if b["type"] == "heading" and b["value"]["level"] == "h2"]
    steps = []
    for title, start in zip(titles, starts, strict=True):
        end = next((i for i in h2 if i > start), len(body))
        html, image, alt = [], None, ""
        for block in body[start + 1:end]:
            kind, value = block["type"], block["value"]
            if kind == "paragraph":
                html.append(value)
            elif kind == "heading":
                level = "h3" if value["level"] in ("h2", "h3") else "h4"
                html.append(f"<{level}>{esc(value['text'])}</{level}>")
            elif kind == "image" and image is None:
                image, alt = value["image"], value["alt"]
            elif kind == "image":
                html.append(f'<img data-embedtype="image" data-import-asset="{attr(value["image"]["__image__"])}" '
                            f'data-format="fullwidth" data-alt="{attr(value["alt"])}"/>')
            elif kind == "callout":
                label = CALLOUT_LABELS.get(value["kind"], "Note") + (f" : {value['title']}" if value["title"] else "")
                html.append(f"<p><b>{esc(label)}</b></p>{value['body']}")
            else:  # code, tables, videos…: a step's text would flatten them, so they stay blocks
                ctx.problem("steps_kept_in_body", 0, f"Étape « {title} » : un bloc « {kind} » ne tient pas dans une étape ; les étapes restent dans le contenu.", "info")
                return body
        steps.append(ctx.block("step", {"title": title[:255], "text": "".join(html), "image": image, "image_alt": alt[:255]}))
    first, last = starts[0], next((i for i in h2 if i > starts[-1]), len(body))
    if body[:first] or body[last:]:
        # The guide's steps field is shown before the body: with text around the steps, that
        # would move it. The steps stay where they were, as the body's own steps block.
        # The steps block's list holds "item" children, not the steps field's "step" blocks.
        items = [{**step, "type": "item"} for step in steps]
        return body[:first] + [ctx.block("steps", {"title": "", "steps": items})] + body[last:]
    fields["steps"] = steps
    return []


def mission_fields(ctx, description, body, fields):
    """Statement = the "mission" section (or the description); objectives = the H3 items of
    the "objectifs" section. Everything else stays in the body."""
    statement, objectives, rest = [], [], []
    section = None
    current = None
    for block in body:
        if block["type"] == "heading" and block["value"]["level"] == "h2":
            text = block["value"]["text"].lower()
            section = "mission" if "mission" in text else "objectives" if "objectif" in text else None
            if section is None:
                rest.append(block)
            continue
        if section == "mission" and block["type"] == "paragraph":
            statement.append(block["value"])
        elif section == "objectives" and block["type"] == "heading" and block["value"]["level"] in ("h3", "h4"):
            title = re.sub(r"^\s*\d+\s*[.)-]\s*", "", block["value"]["text"])
            current = {"title": title[:255], "text": "", "items": []}
            objectives.append(current)
        elif section == "objectives" and current is not None and block["type"] == "paragraph":
            value = block["value"]
            lists = re.findall(r"<ul>(.*?)</ul>", value, re.DOTALL)
            simple = all("<ul>" not in li and "<ol>" not in li for li in lists)
            if lists and simple:
                for inner in lists:
                    for li in re.findall(r"<li>(.*?)</li>", inner, re.DOTALL):
                        current["items"].append(html.unescape(re.sub(r"<[^>]+>", "", li)).strip())
                value = re.sub(r"<ul>.*?</ul>", "", value, flags=re.DOTALL)
            current["text"] += value
        else:
            if section is not None and block["type"] != "heading":
                ctx.problem("mission_block_in_body", 0, "Bloc de la section mission/objectifs laissé dans le contenu.", "info")
            rest.append(block)
    fields["statement"] = "".join(statement) or (f"<p>{esc(description)}</p>" if description else "")
    if not fields["statement"] and rest and rest[0]["type"] == "paragraph":
        fields["statement"] = rest.pop(0)["value"]
    fields["objectives"] = [ctx.block("objective", {"title": o["title"], "text": o["text"],
                                                    "items": [ctx.item(i) for i in o["items"] if i]})
                            for o in objectives]
    fields["body"] = rest


def walk_blocks(blocks):
    for block in blocks:
        yield block
        value = block.get("value")
        if block["type"] == "details":
            yield from walk_blocks(value["body"])
        elif block["type"] == "tabs":
            for tab in value["tabs"]:
                yield from walk_blocks(tab["value"]["body"])
