"""Property tests (hypothesis) of ingest: decoding and span validation.

- Any text (emoji, control characters, CR/LF mixes) written in a Unicode encoding
  decodes to the same normalized text; Russian prose does in cp1251 and koi8-r too.
- ``document_from_json`` never accepts a span that lies outside the text or whose
  stated text differs from the text at its offsets.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from benchmarks.generate import sample_text
from models.io.decoding import decode, looks_binary, normalize_newlines
from models.io.jsonshape import RecordError, document_from_json

BLANK = " \t\n\r\f\v\ufeff"
# Any character but NUL (which marks a binary file) and lone surrogates (not encodable).
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "\n\r", "\r\r\n"])
EMOJI = st.sampled_from(["😀", "👍🏽", "🇷🇺", "👨‍👩‍👧", "𝔘"])


def any_text(max_pieces: int = 30, min_pieces: int = 0) -> st.SearchStrategy[str]:
    """Arbitrary characters, emoji (several code points each) and every kind of line
    ending, mixed."""
    piece = st.one_of(st.text(CHARS, min_size=1, max_size=8), EMOJI, ENDINGS)
    return st.lists(piece, min_size=min_pieces, max_size=max_pieces).map("".join)


def _encode(text: str, codec: str) -> bytes:
    boms = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
    return boms.get(codec, b"") + text.encode(codec)


@settings(max_examples=300)
@given(any_text(), st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
def test_any_text_in_a_unicode_encoding_with_bom_decodes_to_itself(text: str, codec: str) -> None:
    _check(text, _encode(text, codec))


@settings(max_examples=300)
@given(any_text())
def test_any_text_in_utf8_without_bom_decodes_to_itself(text: str) -> None:
    # A UTF-8 file made mostly of control characters is indistinguishable from Russian
    # UTF-16 without a BOM ("П" is 1F 04) and is read as that: not in this property.
    assume(not looks_binary(text))
    _check(text, text.encode("utf-8"))


def _check(text: str, data: bytes) -> None:
    expected = normalize_newlines(text)
    if not expected.strip(BLANK):
        try:
            decode(data)
        except ValueError as exc:
            assert str(exc) == "empty file"
        return
    assert decode(data) == expected


def test_nul_characters_mark_a_binary_file() -> None:
    for data in ("текст\x00текст".encode(), "текст\x00".encode("utf-16")):
        try:
            decode(data)
        except ValueError as exc:
            assert "binary" in str(exc)
        else:
            raise AssertionError("accepted NUL")


WORDS = sorted(set(re.findall(r"[А-Яа-яЁё]{2,}", sample_text())))


@st.composite
def russian_prose(draw: st.DrawFn, punct: list[str]) -> str:
    """Sentences of real Russian words (news-like case), punctuation, line endings and
    at most two control characters."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=4, max_size=60))
    out = []
    for i, word in enumerate(words):
        style = draw(st.sampled_from(["lower"] * 6 + ["title"] * 3 + ["upper"]))
        word = (
            word.lower()
            if style == "lower"
            else (word.capitalize() if style == "title" else word.upper())
        )
        out.append(word if i == 0 else draw(st.sampled_from(punct)) + word)
    text = "".join(out) + draw(st.sampled_from([".", "!", "?", "…" if "…" in punct else "."]))
    for ctrl in draw(st.lists(st.sampled_from("\x07\x1b\x0c\t"), max_size=2)):
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + ctrl + text[pos:]
    return text


KOI8_PUNCT = [" ", " ", " ", ", ", ". ", ": ", " - ", "\n", "\r\n", "\r", "\n\n", " (", ") "]
CP1251_PUNCT = [*KOI8_PUNCT, " — ", " «", "» ", "…"]


@settings(max_examples=300)
@given(russian_prose(CP1251_PUNCT))
def test_russian_prose_in_cp1251_decodes_to_itself(text: str) -> None:
    assert decode(text.encode("cp1251")) == normalize_newlines(text)


@settings(max_examples=300)
@given(russian_prose(KOI8_PUNCT))
def test_russian_prose_in_koi8_r_decodes_to_itself(text: str) -> None:
    assert decode(text.encode("koi8_r")) == normalize_newlines(text)


@st.composite
def record_with_span(draw: st.DrawFn) -> dict[str, Any]:
    """A record with one entity, one quote and its speaker at arbitrary offsets, each
    stating either the true text there, a changed text, or nothing."""
    text = draw(any_text(12, min_pieces=1))
    norm = normalize_newlines(text)
    n = len(norm)

    def span() -> dict[str, Any]:
        start = draw(st.integers(-3, n + 3))
        end = draw(st.integers(-3, n + 3))
        sliced = norm[max(start, 0) : max(end, 0)]
        said = draw(
            st.one_of(
                st.just(sliced),
                st.text(CHARS, max_size=5),
                st.none(),
                st.just(sliced + "x"),
                st.just(sliced.upper()),
            )
        )
        out: dict[str, Any] = {"start": start, "end": end}
        if said is not None:
            out["text"] = said
        return out

    return {
        "text": text,
        "entities": [{**span(), "label": "PER"}],
        "quotes": [{**span(), "speaker": draw(st.one_of(st.none(), st.builds(span)))}],
    }


@settings(max_examples=500)
@given(record_with_span())
def test_document_from_json_accepts_only_spans_that_match_the_text(rec: dict[str, Any]) -> None:
    assume(rec["text"].strip())
    try:
        doc = document_from_json(rec)
    except RecordError:
        return
    stated = [rec["entities"][0], rec["quotes"][0]]
    if rec["quotes"][0]["speaker"] is not None:
        stated.append(rec["quotes"][0]["speaker"])
    spans = [doc.entities[0], doc.quotes[0]]
    if doc.quotes[0].speaker is not None:
        spans.append(doc.quotes[0].speaker)
    assert len(spans) == len(stated)
    for span, given_span in zip(spans, stated):
        assert 0 <= span.start < span.end <= len(doc.text)
        assert span.text == doc.text[span.start : span.end]
        assert (span.start, span.end) == (given_span["start"], given_span["end"])
        if given_span.get("text") is not None:
            assert given_span["text"] == span.text
