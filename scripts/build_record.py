"""Rebuild ``seeds/record.yaml``, the public record, from the founding dataset and the corpus.

It starts from ``seeds/lockdowns.yaml`` (the founding report, English and Korean,
checked by hand against its whole text) and runs ``lockdown-map add`` for every
report of ``/work/shared/corpus/reports.json`` in publication order: the same
command, with the same arguments, that ``tests/test_pipeline_corpus.py`` runs.

The committed record is this script's output *plus the hand fixes* listed in its
description: rerunning the script gives the pipeline's own output, to compare with
(``git diff``) before the fixes are carried over again.

    .venv/bin/python scripts/build_record.py [--corpus PATH] [--out seeds/record.yaml]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from geo.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/reports.json")


def publication_order(reports: list[dict]) -> list[dict]:
    """By publication day (the start of the possible range when the day is unknown)."""
    return sorted(reports, key=lambda r: (r["published"] or r["published_range"][0], r["id"]))


def add_arguments(report: dict, text: Path, into: Path) -> list[str]:
    """``lockdown-map add`` for one corpus report whose text is in ``text``."""
    language = "ko" if "-ko-" in report["id"] else "en"
    return ["add", str(text), "--into", str(into), "--outlet", report["outlet"],
            "--url", report["url"], "--title", report.get("title") or report["id"],
            "--language", language,
            "--published", report["published"] or report["published_range"][0]]


def build(corpus: Path, start: Path, out: Path) -> None:
    reports = publication_order(json.loads(corpus.read_text(encoding="utf-8")))
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        into = Path(folder) / "record.yaml"
        shutil.copyfile(start, into)
        for report in reports:
            text = Path(folder) / f"{report['id']}.txt"
            text.write_text(report["text"], encoding="utf-8")
            result = runner.invoke(cli, add_arguments(report, text, into))
            if result.exit_code != 0:
                sys.exit(f"{report['id']}: {result.output}")
            print(f"{report['id']}: {result.output.splitlines()[-1]}")
        shutil.copyfile(into, out)
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--start", type=Path, default=ROOT / "seeds" / "lockdowns.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "seeds" / "record.yaml")
    args = parser.parse_args()
    build(args.corpus, args.start, args.out)


if __name__ == "__main__":
    main()
