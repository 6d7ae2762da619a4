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
EXPORT_FORMATS = ["json", "ftm", "csv", "graphml", "timelinejs"]


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
@_kb_option
@_budget_options
def build(paths, db, workers, engine, ray_address, quiet, kb_extra, doc_timeout, doc_memory, max_doc_chars):
    """Build (or update) the knowledge store from files, folders or globs."""
    from .pipeline import build as run_build
    _use_kb(kb_extra)
    rep = run_build(list(paths), db, workers=workers, engine=engine, ray_address=ray_address,
                    progress=not quiet, on_error=lambda e: click.echo(f"error: {e}", err=True),
                    budget=_budget(doc_timeout, doc_memory, max_doc_chars))
    click.echo(f"added {rep.added} document(s), {rep.skipped} already stored, {len(rep.errors)} error(s); "
               f"{rep.documents} in {db}")
    if rep.errors:
        sys.exit(2)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--workers", "-w", default=1, show_default=True)
@_kb_option
@_budget_options
def analyze(files, fmt, workers, kb_extra, doc_timeout, doc_memory, max_doc_chars):
    """Print what the per-document stage finds: one JSON line per document."""
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
    for doc, a in analyze_many(docs, workers=workers, keep_going=True, budget=budget):
        if isinstance(a, AnalysisFailed):
            click.echo(f"error: {IngestError(doc.path or doc.id, a.reason)}", err=True)
            failed = True
            continue
        line = {"path": doc.path, "id": doc.id, "outlet": doc.outlet, "title": doc.title,
                "published": doc.published, "text": doc.text,
                "paragraphs": a["paragraphs"], "repairs": a["repairs"], "mentions": a["mentions"],
                "times": [{"start": t["start"], "end": t["end"], "text": t["text"], **t["value"]} for t in a["times"]],
                "attributions": a["attributions"], "events": a["events"]}
        click.echo(json.dumps(line, ensure_ascii=False))
    if failed:
        sys.exit(2)


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True)
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=True), help="Output file (csv: a folder).")
def export(db, fmt, out):
    """Export the store: json (riwaya/1), ftm, csv, graphml or timelinejs."""
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
    if db.startswith("sqlite:///") and not Path(db[len("sqlite:///"):]).exists():
        _fail(f"no store at {db}: run 'riwaya build PATH --db {db}' first")
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
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
def serve(db, host, port):
    """Serve the web app and JSON API over the store."""
    import uvicorn
    from .store import Store
    from .web import create_app
    store = Store(db)

    def ingest_hook(filename: str, data: bytes) -> None:
        import tempfile
        from .pipeline import build as run_build
        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / Path(filename).name
            p.write_bytes(data)
            run_build([str(p)], db, progress=False)

    app = create_app(db_url=db, export_loader=store.export, ingest_hook=ingest_hook)
    click.echo(f"serving {db} on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@_db_option
def conflicts(db):
    """Print where the accounts disagree, each side with its sources."""
    exp = _load(db)
    if not exp["conflicts"]:
        click.echo("no conflicts found")
        return
    from .reconcile.conflicts import format_conflicts
    click.echo("\n".join(format_conflicts(exp)))


@main.command()
@click.argument("person")
@_db_option
def show(person, db):
    """Show a person: names, roles, itinerary and fate, with evidence."""
    from .textutil import normalize_ar
    exp = _load(db)
    key = normalize_ar(person)
    hits = [e for e in exp["entities"] if any(key in normalize_ar(n or "") for n in
                                              [e.get("name_ar"), e.get("name_en"), *e.get("aliases", [])])]
    if not hits:
        _fail(f"no entity matches '{person}'")
    hits.sort(key=lambda e: -len(e.get("mentions", [])))
    e = hits[0]
    names = {x["id"]: x.get("name_en") or x.get("name_ar") for x in exp["entities"]}
    docs = {d["id"]: d for d in exp["documents"]}
    click.echo(f"{e.get('name_en') or ''} / {e.get('name_ar') or ''}  ({e['type']}, {len(e['mentions'])} mentions)")
    def place(v):
        v = names.get(v, v)
        return v[4:] if isinstance(v, str) and v.startswith("raw:") else v

    for r in e.get("roles", []):
        org = names.get(r.get("org")) or names.get(f"e:{r.get('org')}") or r.get("org")
        dates = " – ".join(x or "…" for x in (r.get("start"), r.get("end"))) if r.get("start") or r.get("end") else ""
        click.echo(f"  role: {r.get('title') or r.get('role')}{', ' + org if org else ''}"
                   f"{' (' + dates + ')' if dates else ''}{'  [from the text]' if r.get('source') == 'text' else ''}")
    it = next((i for i in exp.get("itineraries", []) if i["person"] == e["id"]), None)
    if it:
        for leg in it.get("legs", []):
            t = (leg.get("time") or {})
            click.echo(f"  leg: {place(leg.get('from')) or '?'} → {place(leg.get('to')) or '?'}"
                       f"{' by ' + leg['means'] if leg.get('means') else ''}"
                       f"  [{t.get('earliest') or '…'} – {t.get('latest') or '…'}]")
            for ev in leg.get("evidence", [])[:2]:
                d = docs.get(ev["doc"], {})
                click.echo(f"       «{d.get('text', '')[ev['start']:ev['end']][:140]}»")
        fate = it.get("fate")
        if fate:
            click.echo(f"  fate: {fate.get('status')} {place(fate.get('place')) or ''}")


EVALS = {"ner": "ner/eval_ner.py", "timex": "timex/eval_timex.py", "events": "events/eval_events.py",
         "reconcile": "reconcile/eval_reconcile.py", "repair": "repair_survey.py", "speed": "throughput.py"}


@main.command(name="eval", context_settings={"ignore_unknown_options": True})
@click.argument("task", type=click.Choice(sorted(EVALS)))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def evaluate(task, args):
    """Measure quality (precision, recall, F1) or speed: runs the script in benchmarks/."""
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
