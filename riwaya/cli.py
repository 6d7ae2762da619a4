"""The riwaya command line: verbs that read like sentences.

    riwaya build corpus/ --db sqlite:///news.db
    riwaya export --db sqlite:///news.db --format json --out news.json
    riwaya report --db sqlite:///news.db --out report.html
    riwaya demo
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

DEFAULT_DB = "sqlite:///riwaya.db"
EXPORT_FORMATS = ["json", "ftm", "csv", "graphml", "timelinejs", "geojson"]


def _db_option(f):
    return click.option("--db", default=DEFAULT_DB, show_default=True, envvar="RIWAYA_DB",
                        help="Store URL: sqlite:///path.db or postgresql://user@host/db.")(f)


def _fail(msg: str, code: int = 1):
    from .textutil import printable
    click.echo(f"riwaya: {printable(msg)}", err=True)
    sys.exit(code)


def _kb_option(f):
    return click.option("--kb", "kb_extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
                        help="Extra knowledge-base YAML file (repeatable).")(f)


def _budget_options(f):
    f = click.option("--max-doc-chars", type=int, default=None,
                     help="Refuse documents longer than this many characters "
                          "[default: 2,000,000; env RIWAYA_MAX_DOC_CHARS; 0: no cap].")(f)
    f = click.option("--doc-memory", type=int, default=None,
                     help="Memory in MB one document's analysis may use "
                          "[default: 2048; env RIWAYA_DOC_MEMORY_MB; 0: no limit].")(f)
    return click.option("--doc-timeout", type=float, default=None,
                        help="Seconds of analysis per document; past it the document fails and the build "
                             "goes on [default: 30; env RIWAYA_DOC_TIMEOUT; 0: no limit].")(f)


def _budget(doc_timeout, doc_memory, max_doc_chars):
    from .budget import Budget
    try:
        return Budget.from_env(timeout=doc_timeout, memory_mb=doc_memory, max_chars=max_doc_chars)
    except ValueError as e:
        _fail(str(e))


def _use_kb(kb_extra) -> None:
    if kb_extra:
        os.environ["RIWAYA_KB_EXTRA"] = os.pathsep.join(os.path.abspath(p) for p in kb_extra)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="riwaya")
def main():
    """riwaya: rebuild what happened from many news reports, with evidence for every fact."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--workers", "-w", default=1, show_default=True, help="Processes for the per-document stage.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", default=None, help="Ray cluster address (default: a local Ray instance).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--full", is_flag=True,
              help="Recompute the corpus-wide statistics (the words' document frequencies that stories are found "
                   "by) and run the corpus stage even with nothing new. Without it, a build that adds documents "
                   "keeps the statistics frozen at the last full run and compares the new documents with those "
                   "they share keys with; a full run happens by itself once the documents added or removed since "
                   "pass 10% of those counted.")
@click.option("--outlet", default=None, help="Who published the given files (over their sidecars).")
@click.option("--published", default=None, help="Publication date or date-time, ISO 8601 (2024-12-08).")
@click.option("--retrieved", default=None,
              help="When the files were fetched (a crawl date), ISO 8601: anchors 'today' when no publication date is known.")
@click.option("--url", default=None, help="The article's URL.")
@click.option("--language", default=None, help="Main language code (ar, en, ...).")
@_kb_option
@_budget_options
def build(paths, db, workers, engine, ray_address, quiet, full, outlet, published, retrieved, url, language, kb_extra,
          doc_timeout, doc_memory, max_doc_chars):
    """Build (or update) the knowledge store from files, folders or globs.

    Outlet and publication date missing from the options and sidecars are read from the text
    (datelines like "دمشق - (رويترز)", bylines, "المصدر: ..." lines) and marked as inferred."""
    from .ingest.metadata import MetadataError
    from .pipeline import build as run_build
    _use_kb(kb_extra)
    given = {"outlet": outlet, "published": published, "retrieved": retrieved, "url": url, "language": language}
    try:
        rep = run_build(list(paths), db, workers=workers, engine=engine, ray_address=ray_address,
                        progress=not quiet, on_error=lambda e: click.echo(f"error: {e}", err=True), metadata=given,
                        budget=_budget(doc_timeout, doc_memory, max_doc_chars), full=full)
    except MetadataError as e:
        _fail(f"--{e.field}: {e.reason}", 2)
    click.echo(f"added {rep.added} document(s), {rep.skipped} already stored, {len(rep.errors)} error(s); "
               f"{rep.documents} in {db}")
    _say_orphaned(rep.orphaned)
    if rep.errors:
        sys.exit(2)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: one line per document; text: readable (entities, times, events with their arguments and sources).")
@click.option("--workers", "-w", default=1, show_default=True)
@_kb_option
@_budget_options
def analyze(files, fmt, workers, kb_extra, doc_timeout, doc_memory, max_doc_chars):
    """Print what the per-document stage finds: one JSON line per document, or readable text."""
    from .ingest.readers import IngestError, read_paths
    from .pipeline import AnalysisFailed, analyze_many
    _use_kb(kb_extra)
    budget = _budget(doc_timeout, doc_memory, max_doc_chars)
    docs, failed = [], False
    for item in read_paths(list(files)):
        if isinstance(item, IngestError):
            click.echo(f"error: {item}", err=True)
            failed = True
        else:
            docs.append(item)
    from .ingest.metadata import with_metadata
    docs = [with_metadata(d) for d in docs]
    for doc, a in analyze_many(docs, workers=workers, keep_going=True, budget=budget):
        if isinstance(a, AnalysisFailed):
            click.echo(f"error: {IngestError(doc.path or doc.id, a.reason)}", err=True)
            failed = True
            continue
        if fmt == "text":
            click.echo("\n".join(analysis_text(doc, a)) + "\n")
            continue
        line = {"path": doc.path, "id": doc.id, "outlet": doc.outlet, "title": doc.title,
                "published": doc.published, "text": doc.text,
                "paragraphs": a["paragraphs"], "repairs": a["repairs"], "mentions": a["mentions"],
                "time_zone": a.get("zone"),
                "times": [{"start": t["start"], "end": t["end"], "text": t["text"], **t["value"]} for t in a["times"]],
                "attributions": a["attributions"], "events": a["events"]}
        click.echo(json.dumps(line, ensure_ascii=False))
    if failed:
        sys.exit(2)


def analysis_text(doc, a: dict) -> list[str]:
    """What one document says, for a reader: who and what it names, when, and each event with
    its arguments, time, polarity and source chain, quoting the sentence."""
    from collections import Counter
    t = doc.text
    meta = ", ".join(f"{k}: {v}" for k, v in (("outlet", doc.outlet), ("published", doc.published),
                                                          ("retrieved", doc.meta.get("retrieved")), ("url", doc.url)) if v)
    inferred = doc.meta.get("metadata_inferred")
    out = [f"== {doc.path or doc.id}" + (f"  ({meta})" if meta else "") + (f"  [read from the text: {', '.join(inferred)}]" if inferred else "")]
    if doc.title:
        out.append(f"   {doc.title}")
    by_type: dict[str, Counter] = {}
    shown: dict[str, str] = {}      # one spelling as written for each normalised name
    for m in a["mentions"]:
        key = m.get("name") or m["text"]
        by_type.setdefault(m["type"], Counter())[shown.setdefault(key, m["text"])] += 1
    out.append("entities:")
    for typ in sorted(by_type):
        out.append(f"  {typ}: " + ", ".join(f"{n}" + (f" ×{c}" if c > 1 else "") for n, c in by_type[typ].most_common()))
    z = a.get("zone")
    out.append("times:" + (f"  (clock times at {z['offset']}, by {z['rule']}: {z.get('why') or ''})" if z else ""))
    for tm in a["times"]:
        v = tm["value"]
        span = v.get("value") if v.get("kind") == "duration" else f"{v.get('earliest') or '…'} – {v.get('latest') or '…'}"
        out.append(f"  «{tm['text']}»  {span}  ({v.get('precision')})")
    out.append("events:")
    for ev in a["events"]:
        args = "; ".join(f"{x['role']}={x['text']}" for x in ev.get("arguments", []))
        tv = ev.get("time") or {}
        when = f"  [{tv.get('earliest') or '…'} – {tv.get('latest') or '…'}]" if tv else ""
        chain = " → ".join(lk.get("name") or "?" for lk in (ev.get("attribution") or {}).get("chain", []))
        pol = "" if ev.get("polarity", "asserted") == "asserted" else f" ({ev['polarity']})"
        out.append(f"  {ev['cls']}/{ev['type']}{pol}: «{ev['trigger']}» {args}{when}")
        out.append(f"      according to: {chain or doc.outlet or 'the document'}"
                   + (f"; hedge «{ev['attribution']['hedge']}»" if (ev.get("attribution") or {}).get("hedge") else ""))
        out.append(f"      «{' '.join(t[ev['start']:ev['end']].split())[:200]}»")
    return out


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True)
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=True), help="Output file (csv: a folder).")
def export(db, fmt, out):
    """Export the store: json (riwaya/1), ftm, csv, graphml, timelinejs or geojson (places and legs)."""
    exp = _load(db)
    if fmt == "json":
        from .exports.json_export import write
        files = write(exp, out)
    else:
        import importlib
        try:
            mod = importlib.import_module(f".exports.{fmt}", "riwaya")
        except ImportError as e:
            _fail(f"export format {fmt} is not available: {e}")
        files = mod.write(exp, out)
    click.echo("wrote " + ", ".join(files))


def _load(db: str) -> dict:
    from .store import Store
    _load_check(db)
    return Store(db).export()


@main.command()
@_db_option
@click.option("--out", "-o", default="riwaya-report.html", show_default=True, type=click.Path(dir_okay=False))
def report(db, out):
    """Write a self-contained HTML report (timeline, map, people, graph, conflicts, sources)."""
    exp = _load(db)
    try:
        from .report import render
    except ImportError as e:
        _fail(f"the report is not available: {e}")
    Path(out).write_text(render(exp), encoding="utf-8")
    click.echo(f"wrote {out}")


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it loopback unless you must).")
@click.option("--port", default=8000, show_default=True)
@click.option("--token-file", type=click.Path(dir_okay=False), default=None,
              help="Where the write token is kept (default: beside a SQLite store as DB.token, else in "
                   "~/.config/riwaya/tokens/). RIWAYA_TOKEN in the environment overrides it.")
@click.option("--no-auth", is_flag=True, help="Let anyone who can reach the server write, without a token. "
                                                "For a local demo only.")
@click.option("--allow-host", multiple=True, metavar="NAME",
              help="Another host name the server answers to (besides localhost and the --host address); repeatable.")
@click.option("--max-upload-mb", default=20, show_default=True, type=click.IntRange(1, 1024))
@click.option("--job-timeout", default=900, show_default=True, type=click.IntRange(10),
              help="Seconds one batch of uploads may take to build before it is stopped.")
def serve(db, host, port, token_file, no_auth, allow_host, max_upload_mb, job_timeout):
    """Serve the web app and JSON API over the store. Writes need a token, made at the
    first start and shown once; uploads are built in a background process."""
    import uvicorn
    from .store import Store
    from .web import create_app
    from .web.guard import WILDCARD_BINDS, allowed_hosts, load_or_create_token, token_path
    from .web.jobs import ProcessChecker, ProcessIngester
    store = Store(db)
    shown = "127.0.0.1" if host in WILDCARD_BINDS else f"[{host}]" if ":" in host else host
    local = f"http://{shown}:{port}/"
    token = None
    if no_auth:
        click.secho("!" * 78 + "\nWARNING: --no-auth: any program on this machine, and any web page that can reach\n"
                    f"{local} can add documents to {db}.\nUse it for a local demo only.\n" + "!" * 78,
                    fg="red", bold=True, err=True)
    elif os.environ.get("RIWAYA_TOKEN"):
        token = os.environ["RIWAYA_TOKEN"].strip()
        if len(token) < 16:
            _fail("RIWAYA_TOKEN is too short (at least 16 characters)")
        click.echo("writes need the token in RIWAYA_TOKEN", err=True)
    else:
        try:
            t = load_or_create_token(Path(token_file) if token_file else token_path(db))
        except (OSError, ValueError) as e:
            _fail(f"cannot read or make the write token: {e}")
        token = t.value
        if t.created:
            click.echo(f"write token (shown once; kept in {t.path}, readable by you only):\n  {t.value}\n"
                       f"open {local}#token={t.value} to upload from this browser, or send\n"
                       f"  Authorization: Bearer <token>  with every write", err=True)
        else:
            click.echo(f"writes need the token kept in {t.path}", err=True)
        if t.warning:
            click.secho(f"warning: {t.warning}", fg="yellow", err=True)
    hosts = allowed_hosts(host, allow_host)
    if host in WILDCARD_BINDS and not allow_host:
        click.echo("note: only requests naming localhost or 127.0.0.1 are answered; add --allow-host NAME "
                   "for the names others use to reach this machine", err=True)
    # uploads are read in one child process and built in another: this one only answers requests
    check, ingest = ProcessChecker(), ProcessIngester(db, timeout=job_timeout)
    app = create_app(db_url=db, export_loader=store.export, ingest_hook=ingest, token=token, auth=not no_auth,
                     hosts=hosts, max_upload=max_upload_mb * 1024 * 1024, check=check)
    check.start()
    click.echo(f"serving {db} on {local} (API docs at /docs)")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        check.close()
        ingest.close()


@main.command()
@click.argument("documents", nargs=-1, required=True)
@_db_option
def delete(documents, db):
    """Delete documents (by id, stored path or file name) and everything derived from them;
    the corpus-level results (entities, events, conflicts, itineraries) are rebuilt."""
    from .pipeline import refresh
    from .store import Store
    _load_check(db)
    store = Store(db)
    ids = []
    for key in documents:
        hits = store.find_documents(key)
        if not hits:
            _fail(f"no document '{key}' in {db} (give its id, as 'riwaya export' lists it, or its path)")
        if len(hits) > 1:
            _fail(f"'{key}' names {len(hits)} documents; give one id:\n" +
                  "\n".join(f"  {h['id']}  {h['path'] or ''}" for h in hits))
        ids.append(hits[0]["id"])
    n = store.delete(ids)
    orphaned = refresh(store)
    click.echo(f"deleted {n} document(s); {store.count()} left in {db}, corpus results rebuilt")
    _say_orphaned(orphaned)


def _load_check(db: str) -> None:
    if db.startswith("sqlite:///") and not Path(db[len("sqlite:///"):]).exists():
        _fail(f"no store at {db}: run 'riwaya build PATH --db {db}' first")


@main.command()
@_db_option
@click.option("--kind", "kind", type=click.Choice(["all", "contradiction", "refinement", "time"]), default="all",
              show_default=True, help="contradictions only, refinements (differences of precision) only, the time "
                                      "check's findings only, or all")
def conflicts(db, kind):
    """Print where independent accounts disagree, each side with its sources: contradictions
    first, then refinements (the same value at different precision) under their own heading, then
    the time check's findings (a person's legs that cannot all be true as the accounts time them)."""
    exp = _load(db)
    rejected = [c for c in exp["conflicts"] if (c.get("review") or {}).get("status") == "rejected"]
    exp["conflicts"] = [c for c in exp["conflicts"] if c not in rejected]
    from .reconcile.conflicts import format_conflicts, format_time_findings
    if kind != "time":
        click.echo("\n".join(format_conflicts(exp, kinds=None if kind == "all" else {kind})))
    findings = any(it.get("time_findings") for it in exp.get("itineraries") or [])
    if kind == "time" or (kind == "all" and findings):
        click.echo(("\n" if kind == "all" else "") + "\n".join(format_time_findings(exp)))
    if rejected:
        click.echo(f"({len(rejected)} conflict(s) rejected by a reviewer not shown: 'riwaya review list --kind conflict')")


@main.command()
@click.argument("person")
@_db_option
@click.option("--claims", is_flag=True, help="Who says what: each claim about them (event, slot, value), "
                                             "the independent accounts that tell it and their isnads.")
@click.option("--lang", type=click.Choice(["en", "ar"]), default="en", show_default=True,
              help="Language of names and labels with --claims.")
def show(person, db, claims, lang):
    """Show a person (or any entity, by name or id): names, roles, itinerary and fate, with
    evidence. A name that fits several entities lists them; nothing is guessed. An event id
    (as `riwaya export` lists it) shows who says what about that event."""
    from .lookup import containing, find_entities
    exp = _load(db)
    if any(isinstance(ev, dict) and ev.get("id") == person for ev in exp.get("events") or []):
        from .claims import format_claims, who_says
        click.echo("\n".join(format_claims(who_says(exp, event=person, lang=lang))))
        return
    how, hits = find_entities(exp["entities"], person)
    if not hits:
        near = containing(exp["entities"], person)
        hint = ("; names that contain it: " + ", ".join(_ent_line(e) for e in near)) if near else ""
        _fail(f"no entity is named '{person}'{hint}")
    if len(hits) > 1:
        click.echo(f"'{person}' fits {len(hits)} entities; show one by its id:")
        for e in hits:
            click.echo(f"  {e['id']}  {_ent_line(e)}")
        sys.exit(1)
    if claims:
        from .claims import format_claims, who_says
        click.echo("\n".join(format_claims(who_says(exp, entity=hits[0]["id"], lang=lang))))
        return
    click.echo("\n".join(entity_text(exp, hits[0])))


def _ent_line(e: dict) -> str:
    return (f"{e.get('name_ar') or ''} / {e.get('name_en') or ''} ({e.get('type')}, "
            f"{len(e.get('mentions') or [])} mentions)")


def entity_text(exp: dict, e: dict) -> list[str]:
    """A person as readable lines: names, roles, itinerary legs with evidence, fate."""
    names = {x["id"]: x.get("name_en") or x.get("name_ar") for x in exp["entities"]}
    docs = {d["id"]: d for d in exp["documents"]}
    out = [f"{e.get('name_en') or ''} / {e.get('name_ar') or ''}  ({e['type']}, {len(e.get('mentions') or [])} mentions)"]

    def place(v):
        v = names.get(v, v)
        return v[4:] if isinstance(v, str) and v.startswith("raw:") else v

    for r in e.get("roles", []):
        org = (names.get(r.get("org_entity")) or r.get("org_name_en") or r.get("org_name_ar")
               or names.get(r.get("org")) or names.get(f"e:{r.get('org')}") or r.get("org"))
        dates = " – ".join(x or "…" for x in (r.get("start"), r.get("end"))) if r.get("start") or r.get("end") else ""
        out.append(f"  role: {r.get('title') or r.get('role')}{', ' + org if org else ''}"
                   f"{' (' + dates + ')' if dates else ''}{'  [from the text]' if r.get('source') == 'text' else ''}")
    it = next((i for i in exp.get("itineraries", []) if i["person"] == e["id"]), None)
    if it:
        out.extend(itinerary_text(it, place, docs))
    return out


def _per(accounts: list[dict]) -> str:
    names = list(dict.fromkeys(a.get("name") or a.get("account") for a in accounts or []))
    return f"  — per {', '.join(names)}" if names else ""


def itinerary_text(it: dict, place, docs: dict) -> list[str]:
    """Shared legs, the alternative routes where accounts disagree (each with its sources), the fate
    with its sources, and the time check's findings."""
    out = []

    def leg_line(leg, indent="  leg: "):
        t = leg.get("time") or {}
        return (f"{indent}{place(leg.get('from')) or '?'} → {place(leg.get('to')) or '?'}"
                f"{' by ' + leg['means'] if leg.get('means') else ''}"
                f"  [{t.get('earliest') or '…'} – {t.get('latest') or '…'}]{_per(leg.get('accounts'))}")

    def quotes(spans, indent="       ", n=2):
        for ev in (spans or [])[:n]:
            d = docs.get(ev.get("doc"), {})
            out.append(f"{indent}«{d.get('text', '')[ev['start']:ev['end']][:140]}»")

    for leg in it.get("legs", []):
        if leg.get("disputed"):
            continue
        out.append(leg_line(leg))
        quotes(leg.get("evidence"))
    alts = it.get("alternatives") or []
    if alts:
        out.append(f"  the accounts disagree on the route ({len(alts)} versions):")
        for n, r in enumerate(alts, 1):
            out.append(f"   version {n}{_per(r.get('accounts'))}:")
            for leg in r.get("legs", []):
                if leg.get("disputed"):
                    out.append(leg_line(leg, "     "))
                    quotes(leg.get("evidence"), "         ", 1)
                else:
                    out.append(leg_line(leg, "     (shared) "))
    fate = it.get("fate")
    if fate:
        out.append(f"  fate: {fate.get('status')} {place(fate.get('place')) or ''}{_per(fate.get('accounts'))}")
        quotes(fate.get("evidence"), n=1)
    for f in it.get("time_findings") or []:
        out.append(f"  time check: {f['reason']['en']}")
        out.append(f"              {f['reason']['ar']}")
    return out


# ------------------------------------------------------------ review and correct
def _say_orphaned(orphaned: list[dict]) -> None:
    if orphaned:
        from .corrections import describe
        click.echo(f"{len(orphaned)} correction(s) orphaned: their target is gone from this build (kept; "
                   f"'riwaya review list --status orphaned'):", err=True)
        for c in orphaned[:20]:
            click.echo("  " + describe(c), err=True)


def _author(author: str | None) -> str | None:
    if author:
        return author
    import getpass
    try:
        return getpass.getuser()
    except Exception:   # no user name in this environment
        return None


def _parse_value(v: str | None):
    """A value as typed: JSON for a list or an object, else the text."""
    if v is None:
        return None
    if v.strip()[:1] in ("[", "{"):
        try:
            return json.loads(v)
        except json.JSONDecodeError as e:
            _fail(f"--value: not valid JSON ({e.msg} at character {e.pos})", 2)
    return v


@main.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("kind", type=click.Choice(["entity", "event", "mention", "conflict", "leg", "document"]))
@click.argument("args", nargs=-1, required=True)
@click.option("--field", default=None, help="What to correct: type, polarity, time, origin, destination, place, means, "
                                            "via, role:ROLE (event); from, to, means, time (leg); source (mention); "
                                            "name_ar, name_en, type (entity).")
@click.option("--value", default=None, help="The right value: an entity id, a name, a type, an ISO time (A/B for an "
                                            "interval), 'A > B' for a source chain, or JSON.")
@click.option("--confirm", is_flag=True, help="riwaya got it right.")
@click.option("--reject", is_flag=True, help="riwaya got it wrong (not an entity, not an event, not a real disagreement).")
@click.option("--note", default=None, help="A note (alone: annotate; with a correction: why).")
@click.option("--mentions", multiple=True, metavar="DOC:START:END", help="split: the mentions to move (repeatable).")
@click.option("--name", default=None, help="split: the name of the entity split off.")
@click.option("--author", default=None, help="Who corrects (default: your user name).")
@_db_option
def correct(kind, args, field, value, confirm, reject, note, mentions, name, author, db):
    """Correct what riwaya got wrong; kept across rebuilds and re-analysis.

    \b
      riwaya correct event ev_33ca517e9a4d --field type --value arrival --note "landed, not left"
      riwaya correct conflict cf_811ad112cbd4 --reject --note "same place, two precisions"
      riwaya correct leg "e:person:x|ev_c5fc9c1a55db" --field to --value e:kb:hmeimim
      riwaya correct mention DOC:OFFSET --field source --value "Reuters > the ministry"
      riwaya correct entity merge e:p:708309b61d7a e:person:bashar-al-assad   (the second goes into the first)
      riwaya correct entity split e:person:x --mentions DOC:10:20 --name "another Ali"
      riwaya correct entity e:person:x --confirm

    TARGET is an id as the export and 'riwaya review keys KIND' list it, or a stable key."""
    from .corrections import CorrectionError, add, describe
    from .store import Store
    _load_check(db)
    action = args[0] if kind == "entity" and args[0] in ("merge", "split") else None
    targets = args[1:] if action else args
    want = {"merge": 2, "split": 1}.get(action, 1)
    if len(targets) != want:
        _fail(f"give {want} target(s)" + (" (correct entity merge KEEP OTHER)" if action == "merge" else ""), 2)
    if sum(bool(x) for x in (confirm, reject, field, action)) > 1:
        _fail("give one of --confirm, --reject, --field (or merge/split)", 2)
    if action == "merge":
        field, value = "merge", targets[1]
    elif action == "split":
        if not mentions:
            _fail("split: give the mentions to move with --mentions DOC:START:END", 2)
        field, value = "split", {"mentions": list(mentions), "name": name}
    elif confirm or reject:
        field, value = "status", "confirmed" if confirm else "rejected"
    elif field:
        if value is None:
            _fail(f"--field {field}: give the right value with --value", 2)
        value = _parse_value(value)
    elif note:
        field, value = "note", note
    else:
        _fail("say what to correct: --confirm, --reject, --field F --value V, or --note", 2)
    try:
        c = add(Store(db), kind, targets[0], field, value, note=note if field != "note" else None, author=_author(author))
    except CorrectionError as e:
        _fail(str(e), 2)
    click.echo("added " + describe(c))
    if c["status"] == "orphaned":
        sys.exit(1)


@main.group()
def review():
    """The reviewers' corrections: list them, read the log, undo one, find targets' keys."""


review.add_command(correct, name="add")     # riwaya review add ... is riwaya correct ...


@review.command(name="list")
@click.option("--status", type=click.Choice(["active", "undone", "orphaned"]), default=None)
@click.option("--kind", type=click.Choice(["entity", "event", "mention", "conflict", "leg", "document"]), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@_db_option
def review_list(status, kind, as_json, db):
    """The corrections (all, or by status or kind)."""
    from .corrections import describe
    from .store import Store
    _load_check(db)
    cs = [c for c in Store(db).corrections(status) if not kind or c["kind"] == kind]
    for c in cs:
        click.echo(json.dumps(c, ensure_ascii=False) if as_json else describe(c))
    if not cs and not as_json:
        click.echo("no corrections")


@review.command(name="log")
@_db_option
def review_log(db):
    """Who corrected what, when (undone and orphaned corrections included)."""
    from .corrections import describe
    from .store import Store
    _load_check(db)
    cs = Store(db).corrections()
    for c in cs:
        undone = f", undone {c['updated_at']}" if c["status"] == "undone" else ""
        click.echo(f"{c['at']}  {c.get('author') or '?'}{undone}: {describe(c)}")
    if not cs:
        click.echo("no corrections")


@review.command(name="undo")
@click.argument("correction", type=int)
@_db_option
def review_undo(correction, db):
    """Undo a correction (it stays in the log as undone)."""
    from .corrections import CorrectionError, describe, undo
    from .store import Store
    _load_check(db)
    try:
        c = undo(Store(db), correction)
    except CorrectionError as e:
        _fail(str(e), 2)
    click.echo("undone " + describe(c))


@review.command(name="keys")
@click.argument("kind", type=click.Choice(["entity", "event", "mention", "conflict", "leg"]))
@_db_option
def review_keys(kind, db):
    """Ids and stable keys of what can be corrected (a correction keeps the key)."""
    from .corrections import Keys
    from .store import Store
    _load_check(db)
    r = Store(db).corpus()
    k = Keys(r)
    if kind == "entity":
        rows = [(e["id"], k.entity_key(e["id"]), e.get("name_en") or e.get("name_ar") or "") for e in r["entities"]]
    elif kind == "event":
        rows = [(e["id"], k.event_key(e["id"]), e.get("type") or "") for e in r["events"]]
    elif kind == "mention":
        rows = [(sp.get("mention") or "", f"{sp['doc']}:{sp.get('trigger_start', sp.get('start'))}",
                 f"{e['id']} {sp.get('trigger') or ''}") for e in r["events"] for sp in e.get("evidence") or []]
    elif kind == "conflict":
        rows = [(c["id"], k.conflict_key(c), c.get("question") or "") for c in r["conflicts"]]
    else:
        rows = [(f"{it['person']}|{leg.get('event')}", k.leg_key(it["person"], leg.get("event")),
                 f"{leg.get('from')} -> {leg.get('to')}") for it in r["itineraries"] for leg in it.get("legs") or []]
    for row in rows:
        click.echo("\t".join(str(x) for x in row))


def eval_corrections(args: tuple[str, ...]) -> None:
    """``riwaya eval corrections [--db URL] [--json]``: riwaya's precision on what reviewers looked at."""
    db, as_json, rest = os.environ.get("RIWAYA_DB", DEFAULT_DB), False, list(args)
    while rest:
        a = rest.pop(0)
        if a == "--json":
            as_json = True
        elif a == "--db" and rest:
            db = rest.pop(0)
        elif a.startswith("--db="):
            db = a[5:]
        else:
            _fail(f"eval corrections: unknown argument '{a}' (use --db URL, --json)", 2)
    from .corrections import score
    from .store import Store
    _load_check(db)
    store = Store(db)
    s = score(store.corrections(), store.corpus())
    if as_json:
        click.echo(json.dumps(s, indent=1))
        return
    if not s:
        click.echo("no reviewed targets yet: confirm or correct some ('riwaya correct --help')")
        return
    click.echo(f"{'':12} {'reviewed':>8} {'right':>6} {'wrong':>6} {'precision':>9}")
    for kind, v in s.items():
        click.echo(f"{kind:12} {v['reviewed']:>8} {v['right']:>6} {v['wrong']:>6} {v['precision']:>9.3f}")


EVALS = {"ner": "ner/eval_ner.py", "timex": "timex/eval_timex.py", "events": "events/eval_events.py",
         "events-corpus": "events_corpus/eval_corpus.py", "agreement": "events_corpus/agreement.py",
         "clusters": "clusters/eval_clusters.py", "clusters-agreement": "clusters/agreement.py",
         "reconcile": "reconcile/eval_reconcile.py", "repair": "repair_survey.py", "speed": "throughput.py"}


@main.command(name="eval", context_settings={"ignore_unknown_options": True})
@click.argument("task", type=click.Choice(sorted([*EVALS, "corrections"])))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def evaluate(task, args):
    """Measure quality (precision, recall, F1) or speed: runs the script in benchmarks/.
    'corrections' scores riwaya against your reviewers' corrections (--db URL, --json)."""
    if task == "corrections":
        return eval_corrections(args)
    import subprocess
    script = Path(__file__).resolve().parent.parent / "benchmarks" / EVALS[task]
    if not script.exists():
        _fail(f"{script} not found: evaluations run from a source checkout")
    sys.exit(subprocess.call([sys.executable, str(script), *args]))


@main.command()
@click.option("--db", default="sqlite:///riwaya-demo.db", show_default=True)
@click.option("--out", default="riwaya-report.html", show_default=True)
@click.option("--workers", "-w", default=1, show_default=True)
def demo(db, out, workers):
    """Build the bundled corpus (fall of Assad, Dec 2024), export it and write the report."""
    from .pipeline import build as run_build
    corpus = _bundled_corpus()
    rep = run_build([str(corpus)], db, workers=workers, progress=True,
                    on_error=lambda e: click.echo(f"error: {e}", err=True))
    exp = _load(db)
    json_out = str(Path(out).with_suffix(".json"))
    from .exports.json_export import write
    write(exp, json_out)
    click.echo(f"corpus: {corpus} ({rep.documents} documents, {rep.added} newly analysed)")
    click.echo(f"store:  {db}")
    click.echo(f"json:   {json_out}  ({len(exp['entities'])} entities, {len(exp['events'])} events, "
               f"{len(exp['conflicts'])} conflicts)")
    try:
        from .report import render
        Path(out).write_text(render(exp), encoding="utf-8")
        click.echo(f"report: {out}")
    except ImportError:
        click.echo("report: not available in this build")


def _bundled_corpus() -> Path:
    here = Path(__file__).resolve().parent
    for p in (here / "data" / "corpus" / "fall-of-assad", here.parent / "corpus" / "fall-of-assad"):
        if p.is_dir():
            return p
    _fail("the bundled corpus is missing")


if __name__ == "__main__":
    main()
