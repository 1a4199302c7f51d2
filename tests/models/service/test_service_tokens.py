"""Token snapping and one-token edge moves (razdel), near and far in a big text."""

from __future__ import annotations

from models.nlp.tokens import snap, step_end, step_start

TEXT = "Президент РФ Владимир Путин, сказал: ООО «Ромашка» и Санкт-Петербург."


def cut(text: str, bounds: tuple[int, int] | None) -> str | None:
    return None if bounds is None else text[bounds[0] : bounds[1]]


def test_partial_word_snaps_to_whole_word() -> None:
    i = TEXT.index("ладим")
    assert cut(TEXT, snap(TEXT, i, i + 3)) == "Владимир"


def test_trailing_comma_and_space_are_dropped() -> None:
    i = TEXT.index("Путин")
    assert cut(TEXT, snap(TEXT, i, i + 7)) == "Путин"


def test_quotation_marks_stay_with_their_pair() -> None:
    i = TEXT.index("ОО «")
    assert cut(TEXT, snap(TEXT, i, TEXT.index("»") + 1)) == "ООО «Ромашка»"


def test_unpaired_opening_mark_is_dropped() -> None:
    i = TEXT.index("«")
    assert cut(TEXT, snap(TEXT, i, i + 4)) == "Ромашка"


def test_hyphenated_name_is_one_token() -> None:
    i = TEXT.index("Петербург")
    assert cut(TEXT, snap(TEXT, i, i + 2)) == "Санкт-Петербург"


def test_whitespace_only_selection_snaps_to_nothing() -> None:
    assert snap("a   b", 1, 3) is None


def test_end_grows_and_shrinks_by_one_token() -> None:
    s = TEXT.index("Владимир")
    e = s + len("Владимир")
    assert TEXT[s : step_end(TEXT, s, e, 1)] == "Владимир Путин"
    assert TEXT[s : step_end(TEXT, s, e, 2)] == "Владимир Путин,"
    assert step_end(TEXT, s, e, -1) == e  # never shrinks to nothing


def test_start_grows_left_and_shrinks_right() -> None:
    s, e = TEXT.index("Владимир"), TEXT.index(",")
    assert TEXT[step_start(TEXT, s, e, -1) : e] == "РФ Владимир Путин"
    assert TEXT[step_start(TEXT, s, e, 1) : e] == "Путин"
    assert step_start(TEXT, s + 9, e, 1) == s + 9  # the last token stays


def test_moves_stop_at_the_text_edges() -> None:
    assert step_start(TEXT, 0, 9, -1) == 0
    assert step_end(TEXT, 0, len(TEXT), 1) == len(TEXT)


def test_far_in_a_huge_text_gives_the_same_tokens() -> None:
    big = "слово " * 200_000 + TEXT
    off = big.index("Путин")
    assert cut(big, snap(big, off + 1, off + 2)) == "Путин"
    assert big[step_start(big, off, off + 5, -2) : off + 5] == "РФ Владимир Путин"


def test_long_run_without_spaces_still_steps() -> None:
    text = "x" * 500 + " " + "\n" * 300 + "Путин"
    s = text.index("Путин")
    assert step_start(text, s, s + 5, -1) == 0
