"""read: files, folders, gzip, .jsonl, WARC; bytes decoded robustly; HTML told by content."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest

from newsgraph.errors import BadInput
from newsgraph.extract import is_html
from newsgraph.read import InputError, RawInput, decode, iter_inputs

HTML = (b"<!DOCTYPE html><html><head><title>Talks resume</title></head><body><article>"
        b"<p>Negotiators met again on Monday in Geneva to discuss the ceasefire terms.</p>"
        b"</article></body></html>")


def _items(*paths: Path | str) -> list[RawInput | InputError]:
    return list(iter_inputs([str(p) for p in paths]))


def test_text_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nBody text.", encoding="utf-8")
    (item,) = _items(f)
    assert isinstance(item, RawInput)
    assert item.source == str(f) and item.data == b"Headline\n\nBody text."


def test_html_gz_is_decompressed(tmp_path: Path) -> None:
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(HTML))
    (item,) = _items(f)
    assert isinstance(item, RawInput) and item.data == HTML


def test_broken_gzip_is_an_error_naming_the_file(tmp_path: Path) -> None:
    f = tmp_path / "page.html.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00broken")
    (item,) = _items(f)
    assert isinstance(item, InputError) and item.source == str(f) and "gzip" in item.reason


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    items = _items(tmp_path)
    assert [Path(i.source).name for i in items] == ["1.txt", "2.txt"]


def test_empty_folder_and_missing_path_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing = tmp_path / "nope.txt"
    items = _items(tmp_path / "empty", missing)
    assert [type(i) for i in items] == [InputError, InputError]
    assert items[1].source == str(missing) and "no such file" in items[1].reason


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "T", "text": "Body.", "date": "2024-05-01T10:00:00",
                    "url": "https://example.org/a"}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"title": "no body"}),
        "",
        json.dumps({"html": HTML.decode()}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = _items(f)
    assert len(items) == 5
    first = items[0]
    assert isinstance(first, RawInput)
    assert (first.id, first.title, first.published, first.url) == \
        ("a1", "T", "2024-05-01", "https://example.org/a")
    assert [i.source for i in items[1:4]] == [f"{f}:2", f"{f}:3", f"{f}:4"]
    assert all(isinstance(i, InputError) for i in items[1:4])
    assert "not a JSON object" in items[1].reason  # type: ignore[union-attr]
    assert "no 'text' or 'html'" in items[3].reason  # type: ignore[union-attr]
    assert isinstance(items[4], RawInput) and items[4].hint == "html"


def test_warc_html_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "crawl.warc.gz"
    with open(f, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, ctype, body in [("https://example.org/story", "text/html; charset=utf-8", HTML),
                                 ("https://example.org/logo.png", "image/png", b"\x89PNG..."),
                                 ("https://example.org/other", "text/html", b"<html>x</html>")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                http_headers=headers))
        w.write_record(w.create_warc_record("https://example.org/story", "request",
                                            payload=io.BytesIO(b"GET /story HTTP/1.1\r\n\r\n")))
    items = _items(f)
    assert [i.url for i in items if isinstance(i, RawInput)] == \
        ["https://example.org/story", "https://example.org/other"]
    first = items[0]
    assert isinstance(first, RawInput) and first.data == HTML and first.hint == "html"
    assert first.source.startswith(str(f) + "#")


def test_not_a_warc_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "junk.warc"
    f.write_bytes(b"this is not a warc file\n" * 10)
    items = _items(f)
    assert items and all(isinstance(i, InputError) for i in items)
    assert items[0].source == str(f)


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize("data, expected", [
    (codecs.BOM_UTF8 + "déjà vu".encode(), "déjà vu"),
    (codecs.BOM_UTF16_LE + "déjà vu".encode("utf-16-le"), "déjà vu"),
    ("naïve café".encode(), "naïve café"),
    # declared charset wins over guessing
    ('<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251"),
     '<meta charset="windows-1251"><p>Привет</p>'),
    # undeclared legacy text, mostly ASCII: windows-1252
    ("The café on the Champs-Élysées opened again this week.".encode("cp1252"),
     "The café on the Champs-Élysées opened again this week."),
])
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data) == expected


_DE = "<meta charset=\"{}\"><p>Ein Gesetz für Bürger, größer als geplant.</p>"
_ES = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={}\">"
       "<p>La sanción más dura.</p>")


@pytest.mark.parametrize("data, expected", [
    # UTF-8 bytes under a Latin-1 / windows-1252 declaration: the bytes win
    (_DE.format("iso-8859-1").encode(), _DE.format("iso-8859-1")),
    (_ES.format("windows-1252").encode(), _ES.format("windows-1252")),
    (_ES.format("iso-8859-15").encode(), _ES.format("iso-8859-15")),
    # a real Latin-1 page is not valid UTF-8 and keeps its declaration
    (_DE.format("iso-8859-1").encode("latin-1"), _DE.format("iso-8859-1")),
    (_ES.format("windows-1252").encode("cp1252"), _ES.format("windows-1252")),
    # pure ASCII: nothing to choose between
    (b'<meta charset="iso-8859-1"><p>Plain.</p>', '<meta charset="iso-8859-1"><p>Plain.</p>'),
])
def test_decode_valid_utf8_over_declaration(data: bytes, expected: str) -> None:
    assert decode(data) == expected
    assert "Ã" not in decode(data)


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("naïve — “quoted”".encode() + b"\xff text", "invalid UTF-8"),
    (b'<meta charset="utf-8"><p>caf\xe9</p>', "invalid UTF-8"),
])
def test_decode_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        decode(data)


@pytest.mark.parametrize("text, html", [
    ("<!doctype html><html><body><p>x</p></body></html>", True),
    ("<div><p>One</p><p>Two</p><a href='x'>three</a></div>", True),
    ("An article that mentions the <p> tag once, in passing.", False),
    ("Headline\n\nFirst paragraph. Second sentence.", False),
])
def test_html_is_told_by_content(text: str, html: bool) -> None:
    assert is_html(text) is html
