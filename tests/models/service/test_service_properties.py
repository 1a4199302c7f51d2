"""Property tests: any sequence of edits, undos and redos keeps every span valid, and
every undo restores exactly the state before its edit.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.service.annotation import AnnotationService
from models.store.store import Store

# An emoji (outside the BMP) before the names: offsets are code points, not UTF-16.
EMOJI_TEXT = "🇷🇺 Путин сказал: «Путина не ждите». 😀 Владимир Путин и ООО «Ромашка» в Бишкеке."

steps = st.lists(
    st.tuples(
        st.one_of(st.integers(0, 13), st.just(100), st.just(200)),
        st.integers(0, 5000),
        st.integers(0, 5000),
        st.integers(0, 7),
    ),
    max_size=30,
)


def _valid(store: Store) -> None:
    for doc_id in store.document_ids():
        doc = store.document(doc_id)
        ids = {e.id: e for e in doc.entities}
        extents = [(e.start, e.end, e.label) for e in doc.entities]
        assert len(set(extents)) == len(extents), "the same span twice"
        for s in (*doc.entities, *doc.quotes):
            assert 0 <= s.start < s.end <= len(doc.text)
            assert doc.text[s.start : s.end] == s.text
        for q in doc.quotes:
            if q.speaker is not None:
                sp = q.speaker
                assert doc.text[sp.start : sp.end] == sp.text
                if sp.entity is not None:
                    assert (ids[sp.entity].start, ids[sp.entity].end) == (sp.start, sp.end)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_spans_stay_valid_and_undo_is_exact(
    short_text,
    short_names,
    simple_forms,
    add_doc,
    quote_of,
    short_quote,
    snapshot,
    edit_session,
    script: list[tuple[int, int, int, int]],
) -> None:
    store = Store.in_memory()
    ids = [
        add_doc(
            store,
            EMOJI_TEXT,
            {"Путин": "PER", "Бишкеке": "LOC"},
            [quote_of(EMOJI_TEXT, "Путина не ждите", "Путин")],
        ).id,
        add_doc(store, short_text, short_names, [short_quote]).id,
    ]
    driver = edit_session(AnnotationService(store, "h", forms=simple_forms), ids)
    start = snapshot(store)
    for step in script:
        driver.exact_step(step)
        _valid(store)
    while driver.undo:
        driver.svc.revert(driver.undo.pop())
    assert snapshot(store) == start
