"""Bad input never stops a batch: one line on stderr naming the input and the reason, the
other inputs processed, exit code 1; one document has a time limit; only BadInput escapes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.cli import main
from newsgraph.errors import BadInput
from newsgraph.extract.timeout import time_limit

ARTICLE = ("Ministers Agree to Expand Naval Drills\n\n"
           "The defence ministers of both countries met in the capital on Monday and agreed to "
           "expand joint naval exercises in the coming year, officials said.\n\n"
           "The agreement also covers the exchange of liaison officers and a hotline between the "
           "two navies, according to a statement released after the meeting.")


@pytest.fixture()
def batch(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "binary": tmp_path / "image.png",
        "utf8": tmp_path / "broken.txt",
        "empty": tmp_path / "empty.txt",
        "huge": tmp_path / "huge.html",
        "noarticle": tmp_path / "nav.html",
        "feed": tmp_path / "feed.jsonl",
        "missing": tmp_path / "missing.txt",
    }
    files["good"].write_text(ARTICLE, encoding="utf-8")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    files["utf8"].write_bytes("naïve — “quoted” text".encode() + b"\xff\xfe and more")
    files["empty"].write_bytes(b"")
    with open(files["huge"], "wb") as fh:
        fh.write(b"<!DOCTYPE html><html><body>")
        chunk = b"<p>" + b"word " * 200 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
        fh.write(b"</body></html>")
    files["noarticle"].write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/a'>About</a><a href='/c'>Contact</a></nav></body></html>")
    files["feed"].write_text("\n".join([
        json.dumps({"id": "ok", "title": "Feed item", "text": ARTICLE.split("\n\n", 1)[1]}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "nobody"}),
    ]), encoding="utf-8")
    return files


def test_batch_reports_each_bad_input_and_processes_the_rest(batch: dict[str, Path]) -> None:
    r = CliRunner().invoke(main, ["extract", *map(str, batch.values()), "--format", "jsonl"])
    assert r.exit_code == 1
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [a["source"] for a in out] == [str(batch["good"]), f"{batch['feed']}:1"]
    errors = [x for x in r.stderr.splitlines() if x.startswith("error: ")]
    expected = {
        str(batch["binary"]): "binary",
        str(batch["utf8"]): "invalid UTF-8",
        str(batch["empty"]): "empty",
        str(batch["huge"]): "too large",
        str(batch["noarticle"]): "no article",
        f"{batch['feed']}:2": "not a JSON object",
        f"{batch['feed']}:3": "no 'text' or 'html'",
        str(batch["missing"]): "no such file",
    }
    assert len(errors) == len(expected)
    for source, reason in expected.items():
        (line,) = [x for x in errors if x.startswith(f"error: {source}: ")]
        assert reason in line
    assert "2 article(s) done, 8 input(s) skipped" in r.stderr


def test_all_good_inputs_exit_zero(batch: dict[str, Path]) -> None:
    r = CliRunner().invoke(main, ["extract", str(batch["good"]), "--format", "text"])
    assert r.exit_code == 0
    assert r.stdout.startswith("Ministers Agree to Expand Naval Drills\n\nThe defence")


def test_time_limit_cannot_be_swallowed() -> None:
    def library_that_catches_everything() -> str:
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001 - what some libraries do around their own work
            return "carried on"

    start = time.monotonic()
    with pytest.raises(BadInput, match="longer than 0.2 s"), time_limit(0.2):
        library_that_catches_everything()
    assert time.monotonic() - start < 5


def test_a_hanging_extraction_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    ex = importlib.import_module("newsgraph.extract")  # the package, not the function

    def hang(html: str, url: str | None = None) -> None:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(ex, "extract_html", hang)
    with pytest.raises(BadInput, match="longer than"):
        ex.extract("<!DOCTYPE html><html><body><p>x</p></body></html>", time_limit_s=0.3)


@pytest.mark.parametrize("source, reason", [
    (b"", "empty"),
    ("   \n\n ", "empty"),
    (b"\x00\x01\x02\x03" * 100, "binary"),
    ("naïve café — “quoted”".encode() + b"\xff tail", "invalid UTF-8"),
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
    ("Advertisement\n\nRead more: Something else entirely", "no article text left"),
])
def test_api_raises_bad_input_with_a_reason(source: str | bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        newsgraph.extract(source)


HTMLISH = st.lists(st.sampled_from([
    "<html>", "</html>", "<!DOCTYPE html>", "<body>", "<p>", "</p>", "<div>", "</div>",
    "<article>", "<h1>", "</h1>", "<script>", "</script>", "<meta charset='utf-8'>", "&amp;",
    "Advertisement", "Read also| x", "\n\n", "\n", "The minister said on Tuesday. ",
    "“quoted”", "©", "\x00", "\ud800", "…", " | ", "By Jane Doe",
]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=3000), HTMLISH,
                 HTMLISH.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_extract_raises_only_bad_input(source: str | bytes) -> None:
    try:
        art = newsgraph.extract(source)
    except BadInput as e:
        assert str(e) and "\n" not in str(e)
        return
    assert art.text.strip()
    art.to_json().encode("utf-8")  # always serialisable as valid UTF-8


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=1500), st.text(max_size=1500), HTMLISH))
def test_analyze_raises_only_bad_input(source: str | bytes) -> None:
    try:
        art = newsgraph.analyze(source, published="2025-07-02")
    except BadInput:
        return
    art.to_json().encode("utf-8")
