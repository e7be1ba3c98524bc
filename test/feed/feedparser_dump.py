"""Reads feed files the way a Python reader does and prints what it understood, as JSON.

Atom and RSS go through feedparser. The Debian feedparser (6.0.x) has no JSON Feed parser,
so .json files are read with the json module and checked against JSON Feed 1.1's required
members; the output shape is the same so the test compares all formats alike.
"""
import calendar
import json
import sys
from datetime import datetime

import feedparser


def epoch(parsed):
    return calendar.timegm(parsed) if parsed else None


def read_xml(path):
    d = feedparser.parse(path)
    entries = []
    for e in d.entries:
        content = e.get("content") or [{}]
        entries.append({
            "id": e.get("id"),
            "title": e.get("title"),
            "published": e.get("published"),
            "published_epoch": epoch(e.get("published_parsed")),
            "updated_epoch": epoch(e.get("updated_parsed")),
            # Atom: xml:lang on the entry reaches the content; RSS: dc:language.
            "language": content[0].get("language") or e.get("language"),
            "author": e.get("author"),
            "link": e.get("link"),
            "content": content[0].get("value", ""),
        })
    return {
        "bozo": int(bool(d.bozo)),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "version": d.version,
        "title": d.feed.get("title"),
        "language": d.feed.get("language"),
        "links": {l.get("rel"): l.get("href") for l in d.feed.get("links", [])},
        "entries": entries,
    }


def read_json(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version is not JSON Feed 1.1")
    if not isinstance(doc.get("title"), str):
        problems.append("title missing")
    entries = []
    for i, item in enumerate(doc.get("items", [])):
        if not isinstance(item.get("id"), str):
            problems.append(f"items[{i}].id missing")
        if "content_html" not in item and "content_text" not in item:
            problems.append(f"items[{i}] has no content")
        published = item.get("date_published")
        dt = datetime.fromisoformat(published.replace("Z", "+00:00")) if published else None
        if dt is not None and dt.tzinfo is None:
            problems.append(f"items[{i}].date_published has no offset")
        entries.append({
            "id": item.get("id"),
            "title": item.get("title"),
            "published": published,
            "published_epoch": int(dt.timestamp()) if dt else None,
            "updated_epoch": None,
            "language": item.get("language"),
            "author": (item.get("authors") or [{}])[0].get("name"),
            "link": item.get("url"),
            "content": item.get("content_html", ""),
        })
    return {
        "bozo": 1 if problems else 0,
        "bozo_exception": "; ".join(problems),
        "version": "json11",
        "title": doc.get("title"),
        "language": doc.get("language"),
        "links": {"self": doc.get("feed_url"), "next": doc.get("next_url")},
        "entries": entries,
    }


out = {}
for path in sys.argv[1:]:
    out[path] = read_json(path) if path.endswith(".json") else read_xml(path)
json.dump(out, sys.stdout, ensure_ascii=False)
