"""Encodings and line endings: every supported encoding gives the same normalized text."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.io.decoding import decode
from models.io.ingest import load_file
from models.spans import Document

NEWS = (
    "Губернатор Свердловской области Денис Паслер провел совещание с главами муниципалитетов. "
    "По его словам, ремонт дорог в Екатеринбурге завершат до конца сентября.\n\n"
    "«Мы держим ситуацию на контроле», — сказал он журналистам. В мэрии уточнили, "
    "что подрядчики уже получили аванс. Жители жалуются на пробки и шум по ночам."
)
# KOI8-R has no « » —: the same news in plain ASCII punctuation.
NEWS_KOI8 = NEWS.replace("«", '"').replace("»", '"').replace("—", "-")

# Short texts that charset-normalizer read as the wrong Cyrillic code page.
SHORT = [
    "Мир",
    "СССР",
    "Они пришли домой.",
    "Эх, ухнем!",
    "Это цитата.",
    "МОСКВА, 26 ноября.",
    "ПУТИН ЗАЯВИЛ О ВАЖНОСТИ ДИАЛОГА",
    "Щи да каша - пища наша.",
]


@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "cp1251"]
)
def test_news_decodes_in_every_supported_encoding(codec: str) -> None:
    assert decode(_encode(NEWS, codec)) == NEWS


@pytest.mark.parametrize("codec", ["koi8_r", "cp1251", "utf-8"])
def test_koi8_news_decodes(codec: str) -> None:
    assert decode(NEWS_KOI8.encode(codec)) == NEWS_KOI8


@pytest.mark.parametrize("text", SHORT)
@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_short_russian_texts_pick_the_right_code_page(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognized(codec: str) -> None:
    assert decode(NEWS.encode(codec)) == NEWS
    assert decode("Москва".encode(codec)) == "Москва"  # no ASCII, so no NUL bytes


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
@pytest.mark.parametrize("codec", ["utf-8", "cp1251", "utf-16"])
def test_line_endings_become_lf(ending: str, codec: str) -> None:
    raw = NEWS.replace("\n", ending)
    assert decode(raw.encode(codec)) == NEWS


def test_mixed_line_endings_and_a_bom() -> None:
    raw = "\ufeffПервая строка.\r\nВторая.\rТретья.\n\r\nЧетвёртая."
    assert decode(raw.encode("utf-8")) == "Первая строка.\nВторая.\nТретья.\n\nЧетвёртая."


def test_western_text_is_not_read_as_cyrillic() -> None:
    text = decode("Größe und Übermaß, ein schöner Tag in München.".encode("latin-1"))
    assert text.startswith("Gr") and " und " in text
    assert not any("\u0400" <= ch <= "\u04ff" for ch in text)  # no "GrцЯe"


def test_load_file_offsets_refer_to_the_normalized_text(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes(NEWS.replace("\n", "\r\n").encode("cp1251"))
    (doc,) = load_file(path)
    assert isinstance(doc, Document)
    assert doc.text == NEWS
    assert doc.meta["file"] == str(path)


def _encode(text: str, codec: str) -> bytes:
    if codec == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if codec == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(codec)
