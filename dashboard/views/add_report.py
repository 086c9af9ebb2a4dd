"""The "Add a report" view: paste a report, review its draft, preview the merge, save.

Thin: the extractor drafts (:func:`geo.extract.extract_report`), the form edits
the draft as plain records, :func:`geo.validate.validate` lists what is wrong,
:func:`geo.merge.merge_draft` previews the changes, and the store
(:class:`geo.store.YamlFileStore`) saves, refusing when the file changed since it
was loaded. The draft stays in the session and downloads as YAML at any time.
Report text is escaped wherever it is shown: it is data, never markup.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v1 as components
import yaml

from dashboard import state
from dashboard.state import Loaded
from dashboard.text import md
from geo.dataset import SEED_DATASET, dumps_dataset
from geo.errors import DatasetError, LockdownMapError, StaleDatasetError
from geo.measures import MEASURE_TYPES
from geo.merge.edit import fact_at, place_records
from geo.model import DISPUTABLE_DATES, StatusChangeKind
from geo.rawform import dataset_to_raw
from geo.timeline import states_on
from geo.validate import validate

DRAFT = "add_draft"  # {"raw": records, "highlights": [...], "findings": [...], "text": str}
FORM = "add_f_"  # prefix of every draft-form widget key, dropped when a new draft is read
DATE_LABELS = {"ordered": "Ordered", "effective": "In force from",
               "announced_end": "Announced end", "actual_end": "Actual end"}
CERTAINTIES = ("stated", "inferred", "unknown")
KEEP_QUOTE = "(the drafted quotes)"
KIND_COLOURS = {"place": "#cfe8ff", "date": "#ffe7a8", "measure": "#d7f5d0", "change": "#f8d0e0"}


@st.cache_resource(show_spinner=False)
def _gazetteer():
    from geo.gazetteer import load_gazetteer

    return load_gazetteer()


def _forget_form() -> None:
    for key in [k for k in st.session_state if str(k).startswith(FORM)]:
        del st.session_state[key]


def _read_report() -> None:
    """Extract the pasted (or uploaded) text into a fresh draft."""
    from geo.extract import extract_report

    st.session_state.pop("add_error", None)
    upload = st.session_state.get("add_upload")
    text = st.session_state.get("add_text", "")
    if upload is not None and not text.strip():
        try:
            text = upload.getvalue().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            st.session_state["add_error"] = (f"{upload.name}: not UTF-8 text ({exc.reason}); "
                                             "save the report as UTF-8")
            return
    published = st.session_state.get("add_published", "").strip()
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError:
        st.session_state["add_error"] = (f"publication date {published!r} is not a date; "
                                         "write YYYY-MM-DD, e.g. 2021-11-23")
        return
    try:
        draft = extract_report(text, published=day,
                               outlet=st.session_state.get("add_outlet") or None,
                               url=st.session_state.get("add_url") or None,
                               title=st.session_state.get("add_title") or None,
                               language=st.session_state.get("add_language", "auto"))
    except LockdownMapError as exc:
        st.session_state["add_error"] = str(exc)
        return
    _forget_form()
    st.session_state[DRAFT] = {
        "raw": dataset_to_raw(draft.dataset), "text": draft.report.text,
        "findings": list(draft.findings),
        "highlights": [(h.start, h.end, h.kind, h.fact) for h in draft.highlights]}


def _input() -> None:
    st.markdown("Paste a report (or upload a `.txt`), say where it is from, and read it.")
    left, right = st.columns([3, 2])
    left.text_area("Report text", key="add_text", height=220,
                   placeholder="The text of the article, as published")
    left.file_uploader("…or upload the report as a .txt file", type=["txt"], key="add_upload")
    right.text_input("Outlet", key="add_outlet", placeholder="Daily NK")
    right.text_input("URL", key="add_url", placeholder="https://…")
    right.text_input("Title", key="add_title", placeholder="(default: the first line)")
    right.text_input("Publication date", key="add_published", placeholder="YYYY-MM-DD")
    right.selectbox("Language", ("auto", "en", "ko"), key="add_language")
    st.button("Read the report", key="add_read", on_click=_read_report, type="primary")


def highlighted_html(text: str, highlights: list[tuple[int, int, str, str]]) -> str:
    """The report with each extracted span marked; every piece of text escaped."""
    parts, cursor = [], 0
    for number, (start, end, kind, fact) in enumerate(highlights, 1):
        if start < cursor or end <= start:
            continue  # an overlapping span: the first one shown stays
        parts.append(html.escape(text[cursor:start]))
        colour = KIND_COLOURS.get(kind, "#eee")
        parts.append(f"<mark class='lm-hl lm-hl-{html.escape(kind)}' data-fact="
                     f"'{html.escape(fact, quote=True)}' title='{number}. "
                     f"{html.escape(kind)} → {html.escape(fact, quote=True)}' "
                     f"style='background:{colour}'>{html.escape(text[start:end])}"
                     f"<sup>{number}</sup></mark>")
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return ("<div class='lm-report-text' style='white-space:pre-wrap;line-height:1.6;"
            "max-height:420px;overflow:auto;border:1px solid #ddd;padding:8px'>"
            + "".join(parts) + "</div>")


def _highlights(draft: dict) -> None:
    text, highlights = draft["text"], draft["highlights"]
    st.markdown(f"**The report, with what was read from it** ({len(highlights)} highlights: "
                "places blue, dates yellow, measures green, changes pink)")
    with st.container(key="add_highlights"):
        st.html(highlighted_html(text, highlights))
    if highlights:
        labels = [f"{n}. “{text[s:e]}” → {fact}" for n, (s, e, _, fact) in
                  enumerate(highlights, 1)]
        chosen = st.selectbox("Show the fact a highlight became", range(len(labels)),
                              format_func=lambda i: labels[i], key="add_pick_highlight")
        fact = fact_at(draft["raw"], highlights[chosen][3]) if chosen is not None else None
        st.code(yaml.safe_dump(fact, allow_unicode=True, sort_keys=False) if fact is not None
                else "(this fact was removed from the draft)", language="yaml")
    for finding in draft["findings"]:
        st.caption("Note: " + md(finding))


def _sentences(text: str) -> list[str]:
    from geo.extract.sentences import split_sentences

    return [s.text.strip() for s in split_sentences(text) if s.text.strip()]


def _date_form(raw: dict, prefix: str, fact: str, report: str, quotes: list[str]) -> dict:
    when = dict(raw.get(fact) or {"certainty": "unknown"})
    cols = st.columns([2, 2, 1, 3])
    certainty = cols[0].selectbox(DATE_LABELS[fact], CERTAINTIES,
                                  index=CERTAINTIES.index(when.get("certainty", "unknown")),
                                  key=f"{prefix}_{fact}_certainty")
    on = cols[1].text_input("Day", value=when.get("on", ""), key=f"{prefix}_{fact}_on",
                            placeholder="YYYY-MM-DD")
    at = cols[2].text_input("Time", value=when.get("at", ""), key=f"{prefix}_{fact}_at",
                            placeholder="HH:MM")
    words = cols[3].text_input("The report's words", value=when.get("words", ""),
                               key=f"{prefix}_{fact}_words")
    with st.expander(f"{DATE_LABELS[fact]}: reasoning and quote"):
        reasoning = st.text_input("Reasoning (how the day was worked out)",
                                  value=when.get("reasoning", ""),
                                  key=f"{prefix}_{fact}_reasoning")
        quote = st.selectbox("Quote", [KEEP_QUOTE, *quotes], key=f"{prefix}_{fact}_quote")
    edited = {"certainty": certainty, "on": on.strip() or None, "at": at.strip() or None,
              "precision": when.get("precision", 1) if on.strip() else None,
              "words": words.strip() or None, "reasoning": reasoning.strip() or None,
              "evidence": when.get("evidence") if quote == KEEP_QUOTE
              else [{"report": report, "quote": quote}],
              "earliest": when.get("earliest"), "latest": when.get("latest")}
    if certainty == "unknown":
        edited["on"] = edited["at"] = edited["precision"] = None
    return {k: v for k, v in edited.items() if v not in (None, "", [])}


def _zone_form(raw: dict, lockdown: dict, prefix: str) -> str:
    places = {p["id"]: p for p in raw["places"]}
    current = lockdown.get("zone", "")
    query = st.text_input("Find a place (any spelling: Huch'ang, 혜산, Sinuiju)",
                          key=f"{prefix}_zone_query")
    options = {current: f"{places.get(current, {}).get('name', current)} ({current})"}
    entries = {}
    if query.strip():
        try:
            matches = _gazetteer().lookup(query)
        except LockdownMapError as exc:
            st.caption(md(str(exc)))
            matches = []
        for match in matches[:8]:
            entry = match.entry
            entries[entry.id] = entry
            options.setdefault(entry.id, f"{entry.name} ({entry.kind}, {entry.id})")
    zone = st.selectbox("Zone", list(options), format_func=options.get, key=f"{prefix}_zone")
    if zone not in places and zone in entries:
        raw["places"] += place_records(entries[zone], _gazetteer(), set(places))
    return zone


def _lockdown_form(raw: dict, index: int, report: str, quotes: list[str]) -> dict | None:
    lockdown = raw["lockdowns"][index]
    prefix = f"{FORM}{index}"
    with st.container(border=True, key=f"add_lockdown_{index}"):
        head, remove = st.columns([5, 1])
        head.markdown(f"**Lockdown {index + 1}** · `{md(lockdown.get('id', ''))}`")
        if remove.checkbox("Remove", key=f"{prefix}_remove"):
            return None
        edited = copy.deepcopy(lockdown)
        edited["zone"] = _zone_form(raw, lockdown, prefix)
        for fact in DISPUTABLE_DATES:
            edited[fact] = _date_form(lockdown, prefix, fact, report, quotes)
        codes = [m["code"] for m in lockdown.get("measures", [])]
        chosen = st.multiselect("Measures", list(MEASURE_TYPES), default=codes,
                                key=f"{prefix}_measures")
        first_quote = (lockdown.get("evidence") or [{"report": report, "quote": quotes[0]}])[0]
        edited["measures"] = ([m for m in lockdown.get("measures", []) if m["code"] in chosen]
                              + [{"code": c, "evidence": [first_quote]} for c in chosen
                                 if c not in codes])
        edited["changes"] = _follow_dates(_change_form(edited, prefix, report), lockdown,
                                          edited)
    return edited


def _follow_dates(changes: list[dict], drafted: dict, edited: dict) -> list[dict]:
    """A change drafted with the lockdown's own date (imposed on the start, lifted on the
    actual end) keeps that date when the analyst edits it, so the two never disagree."""
    result = []
    for change in changes:
        change = dict(change)
        kind = change.get("kind")
        if kind in ("imposed", "lifted"):
            fact = "effective" if kind == "imposed" else "actual_end"
            if change.get("when") == drafted.get(fact):
                change["when"] = edited[fact]
        elif kind == "extended" and change.get("announced_end") == drafted.get("announced_end"):
            change["announced_end"] = edited["announced_end"]
        result.append(change)
    return result


def _change_form(lockdown: dict, prefix: str, report: str) -> list[dict]:
    changes = copy.deepcopy(lockdown.get("changes", []))
    kinds = ["(none)", *(k.value for k in StatusChangeKind)]
    current = changes[0]["kind"] if changes else "(none)"
    kind = st.selectbox("Change this report tells", kinds, index=kinds.index(current),
                        key=f"{prefix}_change")
    if kind == current:
        return changes
    if kind == "(none)":
        return changes[1:]
    source = {"lifted": "actual_end", "extended": "announced_end"}.get(kind, "effective")
    change = {"kind": kind, "report": report,
              "when": lockdown.get(source) or {"certainty": "unknown"}}
    if kind == "extended":
        change["announced_end"] = lockdown.get("announced_end")
    return [change, *changes[1:]]


def _add_lockdown() -> None:
    draft = st.session_state.get(DRAFT)
    if not draft:
        return
    raw, quote = draft["raw"], st.session_state.get("add_new_quote")
    report = raw["reports"][0]
    zone = next((p["id"] for p in raw["places"] if p.get("country") == "KP"),
                raw["places"][0]["id"] if raw["places"] else "kp")
    evidence = [{"report": report["id"], "quote": quote}]
    day = report.get("published", {}).get("on")
    effective = {"certainty": "unknown", "reasoning": "the report does not give the day"}
    if day:
        effective["latest"] = day
    raw["lockdowns"].append({
        "id": f"added-{len(raw['lockdowns']) + 1}", "zone": zone, "scope": "as the report says",
        "ordered": {"certainty": "unknown"}, "effective": effective,
        "announced_end": {"certainty": "unknown"}, "actual_end": {"certainty": "unknown"},
        "measures": [], "evidence": evidence})


def _form(draft: dict) -> dict:
    """The draft as edited in the form (a new record set; the read draft is kept)."""
    raw = copy.deepcopy(draft["raw"])
    report = raw["reports"][0]["id"]
    quotes = _sentences(draft["text"])
    st.markdown("**The draft** — edit anything; every change is checked below.")
    lockdowns = [_lockdown_form(raw, i, report, quotes) for i in range(len(raw["lockdowns"]))]
    raw["lockdowns"] = [lk for lk in lockdowns if lk is not None]
    if quotes:
        cols = st.columns([5, 1], vertical_alignment="bottom")
        cols[0].selectbox("Quote for a new lockdown", quotes, key="add_new_quote")
        cols[1].button("Add a lockdown", key="add_lockdown", on_click=_add_lockdown)
    return raw


def _save_target(loaded: Loaded) -> Path | None:
    path = Path(loaded.source)
    # An upload is known by its bare name; a path stays the target even once deleted,
    # so that the store can say so instead of the view silently refusing.
    if not (path.is_absolute() or path.is_file()) or path.resolve() == SEED_DATASET.resolve():
        return None
    return path


def _save(loaded: Loaded, target: Path, merged) -> None:
    from geo.store import YamlFileStore

    try:
        YamlFileStore(target).save(merged, "sha256:" + loaded.key)
    except StaleDatasetError as exc:
        st.session_state["add_error"] = str(exc)
        st.session_state["add_stale"] = True
        return
    except LockdownMapError as exc:
        st.session_state["add_error"] = str(exc)
        return
    saved = st.session_state.pop(DRAFT)
    _forget_form()
    st.session_state.pop("add_stale", None)
    st.session_state.pop("add_error", None)
    state.try_load(str(target), state.load_path, target)
    st.session_state["add_saved"] = (f"Saved {target}: "
                                     f"{saved['raw']['reports'][0]['id']} and its facts are in.")


def _reload(target: Path) -> None:
    st.session_state.pop("add_error", None)
    st.session_state.pop("add_stale", None)
    state.try_load(str(target), state.load_path, target)


def _problems(error: DatasetError) -> None:
    with st.container(key="add_problems"):
        st.error(f"The draft has {len(error.problems)} problem"
                 f"{'s' if len(error.problems) != 1 else ''}; fix them to save:",
                 icon=":material/error:")
        st.markdown("\n".join(f"1. **{md(p.record)}**"
                              + (f", field `{md(p.field)}`" if p.field else "")
                              + f": {md(p.message)}. *Fix:* {md(p.fix)}" for p in error.problems))


def _preview(loaded: Loaded, edited: dict) -> Any:
    """Validate the edited draft and merge it; the merged dataset, or None with the reasons."""
    from geo.merge import merge_draft

    try:
        draft = validate(copy.deepcopy(edited), "the draft")
    except DatasetError as exc:
        _problems(exc)
        return None
    try:
        result = merge_draft(loaded.dataset, draft)
    except DatasetError as exc:
        _problems(exc)
        return None
    except LockdownMapError as exc:
        st.error(md(str(exc)), icon=":material/block:")
        return None
    st.markdown(f"**What saving changes** in {md(loaded.source)}:")
    with st.container(key="add_preview"):
        st.markdown("\n".join(f"- {md(change)}" for change in result.changes))
        day = draft.reports[0].published.on or draft.reports[0].published.latest
        if day is not None:
            touched = {c.target for c in result.changes}
            rows = [{"zone": s.zone_name, "status": s.status.value,
                     "from": s.start.date().isoformat() if s.start else "start not reported",
                     "announced end": s.announced_end, "downgraded": s.downgraded}
                    for s in states_on(result.dataset, day) if s.lockdown in touched]
            if rows:
                st.caption(f"The zones it touches, as of the report's day {day}:")
                st.dataframe(rows, hide_index=True)
            if st.toggle("Show the merged dataset on the map on this day", key="add_map"):
                components.html(state.preview_map_html(result.dataset, day), height=460)
    return result.dataset


def show(loaded: Loaded) -> None:
    """Draw the Add view against the dataset on screen."""
    if "add_saved" in st.session_state:
        st.success(md(st.session_state.pop("add_saved")), icon=":material/check:")
    target = _save_target(loaded)
    _input()
    if "add_error" in st.session_state:
        st.error(md(st.session_state["add_error"]), icon=":material/error:")
        if st.session_state.get("add_stale") and target is not None:
            st.button("Reload the dataset from disk (your draft is kept)", key="add_reload",
                      on_click=_reload, args=(target,))
    draft = st.session_state.get(DRAFT)
    if not draft:
        return
    st.divider()
    _highlights(draft)
    st.divider()
    edited = _form(draft)
    st.divider()
    merged = _preview(loaded, edited)
    try:
        body = dumps_dataset(validate(copy.deepcopy(edited), "the draft"))
    except DatasetError:
        body = yaml.safe_dump(edited, allow_unicode=True, sort_keys=False)
    cols = st.columns(2)
    cols[1].download_button("Download the draft (YAML)", body, file_name="draft.yaml",
                            mime="application/x-yaml", key="add_download")
    if target is None:
        cols[0].button("Save", key="add_save", disabled=True)
        st.info("This dataset cannot be saved here (the bundled seed data, or an upload). "
                "Create your own with `lockdown-map init DATASET.yaml` and load it by path.")
        return
    cols[0].button("Save", key="add_save", type="primary", disabled=merged is None,
                   on_click=_save, args=(loaded, target, merged))
