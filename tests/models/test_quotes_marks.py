"""Pairing quotation marks: nesting, straight quotes, paragraphs, author's insertions."""

from __future__ import annotations

from models.quotes.insertions import split_insertions
from models.quotes.marks import find_mark_spans


def _inner(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_mark_spans(text)]


def test_guillemets_and_nested_low_quotes() -> None:
    text = "Он сказал: «Дети кричали „Ура!“ и бежали». Потом «ушел»."
    assert _inner(text) == ["Дети кричали „Ура!“ и бежали", "ушел"]


def test_same_marks_nested_count_depth() -> None:
    text = "«Мы работаем с «Газпромом» давно», — сказал он."
    assert _inner(text) == ["Мы работаем с «Газпромом» давно"]


def test_straight_quotes_guess_direction() -> None:
    text = '"Сборная готова", - заявил тренер. "Единая Россия" выдвинула кандидата.'
    assert _inner(text) == ["Сборная готова", "Единая Россия"]


def test_english_quotes() -> None:
    assert _inner("“Мы готовы”, — сказал он.") == ["Мы готовы"]


def test_continuation_paragraph_without_mark() -> None:
    text = "«Первый абзац.\n\nВторой абзац», — сказал он."
    spans = find_mark_spans(text)
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert text[spans[0].start : spans[0].end] == "Первый абзац.\n\nВторой абзац"


def test_continuation_paragraph_reopening() -> None:
    text = "«Раз.\n\n«Два.\n\n«Три», — сказал он."
    spans = find_mark_spans(text)
    assert len(spans) == 1 and spans[0].paragraphs == 3


def test_continuation_over_clean_paragraphs() -> None:
    text = "«Раз.\n\nДва.\n\nТри», — сказал он."
    assert len(find_mark_spans(text)) == 1


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "Он сказал: «Без конца\n\nДругой абзац «с цитатой» тут."
    assert _inner(text) == ["Без конца", "с цитатой"]


def test_insertion_with_full_stop() -> None:
    text = "«Мы готовы, — сказал посол. — Но не сейчас»."
    span = find_mark_spans(text)[0]
    [(seg_end, a, b, nxt)] = split_insertions(text, span)
    assert text[span.start : seg_end] == "Мы готовы"
    assert text[a:b] == "сказал посол"
    assert text[nxt : span.end] == "Но не сейчас"


def test_insertion_with_comma_and_hyphen() -> None:
    text = '"Поезда пойдут чаще, - пообещал министр, - а цены не вырастут".'
    [(_, a, b, _)] = split_insertions(text, find_mark_spans(text)[0])
    assert text[a:b] == "пообещал министр"


def test_dash_inside_speech_is_not_an_insertion() -> None:
    text = "«Безопасность — наш приоритет, одна из задач — связь»."
    assert split_insertions(text, find_mark_spans(text)[0]) == []


def test_a_stray_straight_mark_after_a_split_gives_the_second_half() -> None:
    text = '"Раз", — сказал он. — Два "Три" четыре".'
    assert _inner(text) == ["Раз", ' Два "Три" четыре']


def test_a_stray_straight_mark_after_a_name_opening_the_line() -> None:
    text = 'Он ответил:\n"Зенит" сегодня сильнее, а "Урал" слабее", - сказал он.'
    assert _inner(text) == ['Зенит" сегодня сильнее, а "Урал" слабее']


def test_a_stray_straight_mark_after_a_name_followed_by_punctuation_is_left() -> None:
    text = '"Зенит", "Урал" и ЦСКА сыграют в кубке", - сказал он.'
    assert _inner(text) == ["Зенит", "Урал"]


def test_a_stray_straight_mark_on_another_line_than_the_name_is_left() -> None:
    text = '"Зенит" сыграет в кубке.\nВсе билеты проданы", - сказал он.'
    assert _inner(text) == ["Зенит"]


def test_a_straight_mark_glued_after_a_full_stop_opens() -> None:
    text = 'Так сообщил он."Мы готовы", - сказал он.'
    assert _inner(text) == ["Мы готовы"]


def test_a_stray_straight_mark_after_a_name_and_a_dash_opening_the_line() -> None:
    text = 'Он ответил.\n"Спартак" - это люди, а не стадион", - сказал он.'
    assert _inner(text) == ['Спартак" - это люди, а не стадион']
