#!/usr/bin/env python3
"""The same figures as `examples/score_import.rs`, for trafilatura: the
extractor the issue's bar compares Factbench with, on the same corpus.

    python3 -m venv /tmp/traf && /tmp/traf/bin/pip install trafilatura lxml_html_clean
    /tmp/traf/bin/python scripts/score_trafilatura.py CORPUS_DIR [--details]

The corpus layout and the snippet rules are score_import's (see
docs/import.md): `with`/`without` snippets sought in the title and text,
whitespace runs as one space, curly quotes as straight ones, soft
hyphens as nothing; the date
compared as YYYY-MM-DD; authors compared without case or separators.
"""
import glob
import json
import os
import re
import sys

import trafilatura

STRAIGHT = str.maketrans({"\u00ad": "", "\u2018": "'", "\u2019": "'", "\u2032": "'",
                          "\u201c": '"', "\u201d": '"', "\u2033": '"'})


def squeeze(text):
    return " ".join(text.split()).translate(STRAIGHT)


def names(text):
    parts = re.split(r"[;,&]| and ", text)
    return sorted(squeeze(p).lower() for p in parts if squeeze(p))


def main():
    corpus = sys.argv[1]
    details = "--details" in sys.argv
    n = dict(pages=0, tp=0, fn=0, fp=0, none=0, dated=0, found=0, right=0, authored=0, author=0)
    pages = glob.glob(f"{corpus}/**/*.html", recursive=True) + glob.glob(f"{corpus}/**/*.htm", recursive=True)
    for page in sorted(pages):
        meta = os.path.splitext(page)[0] + ".json"
        expected = json.load(open(meta, encoding="utf-8")) if os.path.exists(meta) else {}
        n["pages"] += 1
        doc = trafilatura.bare_extraction(open(page, "rb").read(),
                                          url=expected.get("url") or None, with_metadata=True)
        text = squeeze(f"{doc.title or ''}\n{doc.text or ''}") if doc else ""
        wanted = expected.get("with", [])
        hits = sum(squeeze(s) in text for s in wanted)
        n["tp"] += hits
        n["fn"] += len(wanted) - hits
        if wanted and not hits:
            n["none"] += 1
            if details:
                print("none of the expected text:", page)
        n["fp"] += sum(squeeze(s) in text for s in expected.get("without", []))
        if expected.get("date"):
            n["dated"] += 1
            got = ((doc.date if doc else None) or "")[:10]
            n["found"] += bool(got)
            n["right"] += got == expected["date"]
            if details and got != expected["date"]:
                print(f"date {got or None}, not {expected['date']}:", page)
        if expected.get("author"):
            n["authored"] += 1
            n["author"] += names((doc.author if doc else None) or "") == names(expected["author"])
    p = n["tp"] / max(n["tp"] + n["fp"], 1)
    r = n["tp"] / max(n["tp"] + n["fn"], 1)
    pct = lambda a, b: f"{100 * a / b:.1f} %" if b else "–"
    print(f"corpus: {corpus}\npages: {n['pages']}\nnone of the expected text imported: {n['none']}")
    print(f"snippets: precision {p:.3f}, recall {r:.3f}, F1 {2 * p * r / max(p + r, 1e-9):.3f}")
    print(f"date: found {pct(n['found'], n['dated'])}, right {pct(n['right'], n['dated'])} (of {n['dated']} dated pages)")
    print(f"author: right {pct(n['author'], n['authored'])} (of {n['authored']})")


if __name__ == "__main__":
    main()
