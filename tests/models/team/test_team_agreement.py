"""Agreement figures checked against values worked out by hand, and against the
krippendorff package itself."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from itertools import permutations
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from models.nlp.tokens import tokens_between
from models.store.store import Store
from models.team import metrics
from models.team.agreement import AgreementReport
from models.team.metrics import Counts
from models.team.queries import TeamQueries

PER, LOC, OUT = "PER", "LOC", "O"


def reference_alpha(units: list[list[str]]) -> float:
    """Krippendorff's nominal alpha from its definition (coincidence matrix), exactly."""
    o: Counter[tuple[str, str]] = Counter()
    for unit in units:
        m = len(unit)
        for i, j in permutations(range(m), 2):
            o[unit[i], unit[j]] += Fraction(1, m - 1)  # type: ignore[assignment]
    n_c: Counter[str] = Counter()
    for (c, _), v in o.items():
        n_c[c] += v  # type: ignore[assignment]
    n = sum(n_c.values())
    observed = sum(v for (c, k), v in o.items() if c != k) / n
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n * (n - 1))
    return float(1 - observed / expected)


def test_the_first_document_has_nine_tokens(team_documents) -> None:
    d1 = team_documents[0].text
    assert [t.text for t in tokens_between(d1, 0, len(d1))] == [
        "Владимир", "Путин", "встретился", "с", "Садыром", "Жапаровым", "в", "Москве", ".",
    ]  # fmt: skip


ANNA = [PER, PER, OUT, OUT, PER, PER, OUT, LOC, OUT]  # Путин, Садыром Жапаровым, Москве
BORIS = [PER, PER, OUT, OUT, OUT, PER, OUT, OUT, OUT]  # Путин, Жапаровым


def test_token_labels_follow_the_spans(team_documents) -> None:
    d1 = team_documents[0].text
    tokens = tokens_between(d1, 0, len(d1))
    spans = [(0, 14, PER), (28, 45, PER), (48, 54, LOC)]
    assert metrics.token_labels(tokens, spans) == ANNA
    nested = [(0, 45, "ORG"), (0, 14, PER)]  # the longest span wins a token
    assert metrics.token_labels(tokens, nested)[:6] == ["ORG"] * 6


def test_kappa_by_hand() -> None:
    # observed 7/9; expected (4·3 + 4·6 + 1·0)/81 = 36/81; kappa = (63 − 36)/(81 − 36) = 0.6
    assert metrics.cohen_kappa(ANNA, BORIS) == pytest.approx(27 / 45)
    assert metrics.cohen_kappa(ANNA, ANNA) == 1.0
    assert metrics.cohen_kappa([OUT, OUT], [OUT, OUT]) == 1.0  # nothing to disagree on
    assert metrics.cohen_kappa([], []) is None


def test_alpha_by_hand_and_by_the_package() -> None:
    units = [[1, 1], [1, 2], [2, 2], [np.nan, 2]]
    # coincidences o11 = 2, o12 = o21 = 1, o22 = 2; n1 = n2 = 3; alpha = 1 − (2/6)/(18/30)
    assert metrics.krippendorff_alpha([("a", "a"), ("a", "b"), ("b", "b"), (None, "b")]) == (
        pytest.approx(4 / 9)
    )
    package = krippendorff.alpha(reliability_data=np.array(units).T, level_of_measurement="nominal")
    assert package == pytest.approx(4 / 9)


def test_alpha_of_three_coders_on_the_first_document() -> None:
    vera = ANNA
    units = [list(u) for u in zip(ANNA, BORIS, vera)]
    # o(PER,PER) = 10, o(O,O) = 12, o(LOC,LOC) = 1, four off-diagonal halves; n = 27,
    # n_PER = 11, n_O = 14, n_LOC = 2: alpha = 1 − (4/27) / (2·(154 + 22 + 28)/702)
    hand = 1 - (4 / 27) / (408 / 702)
    assert reference_alpha(units) == pytest.approx(hand)
    assert metrics.krippendorff_alpha(units) == pytest.approx(hand)


def test_alpha_degenerate_cases() -> None:
    assert (
        metrics.krippendorff_alpha([(OUT, OUT), (OUT, OUT)]) == 1.0
    )  # one value only: no disagreement
    assert metrics.krippendorff_alpha([(OUT, None)]) is None  # nothing pairable


def test_span_matching() -> None:
    anna = [(0, 14, PER), (28, 45, PER), (48, 54, LOC)]
    boris = [(0, 14, PER), (36, 45, PER)]
    assert metrics.exact_counts(anna, boris) == Counts(1, 2, 1)
    assert metrics.exact_counts(anna, boris).f1 == pytest.approx(2 / 5)
    assert metrics.iou((28, 45, PER), (36, 45, PER)) == pytest.approx(9 / 17)
    assert metrics.overlap_counts(anna, boris, 0.5) == Counts(2, 1, 0)
    assert metrics.overlap_counts(anna, boris, 0.6) == Counts(1, 2, 1)
    assert metrics.overlap_counts([(0, 5, PER)], [(0, 5, LOC)], 0.1) == Counts(0, 1, 1)
    assert Counts().f1 is None
    # one-to-one: two short spans inside one long one match it once
    assert metrics.overlap_counts([(0, 10, PER)], [(0, 6, PER), (6, 10, PER)], 0.3) == Counts(
        1, 0, 1
    )


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, build_team):
    return build_team(tmp_path_factory.mktemp("agree"))


@pytest.fixture(scope="module")
def report(team) -> AgreementReport:
    return TeamQueries(Store(team.team)).agreement(0.5)


def test_the_scripted_pair_on_the_first_document(report: AgreementReport, team_documents) -> None:
    d1 = next(d for d in report.documents if d.doc_id == team_documents[0].id)
    assert d1.annotators == ("anna", "boris", "vera")
    assert d1.entities.alpha == pytest.approx(1 - (4 / 27) / (408 / 702))
    # per pair: anna–boris F1 2/5 exact, 4/5 overlapping, kappa 0.6; anna–vera all 1;
    # boris–vera as anna–boris; the document's kappa is their mean
    assert d1.entities.exact == Counts(1, 2, 1) + Counts(3, 0, 0) + Counts(1, 1, 2)
    assert d1.entities.kappa == pytest.approx((0.6 + 1 + 0.6) / 3)


def test_pairs_and_labels_pool_every_document(report: AgreementReport) -> None:
    pairs = {(p.a, p.b): p for p in report.pairs}
    assert set(pairs) == {("anna", "boris"), ("anna", "vera"), ("boris", "vera")}
    anna_vera = pairs["anna", "vera"]
    assert anna_vera.entities.exact.f1 == anna_vera.entities.kappa == anna_vera.entities.alpha == 1
    # PER over the pairs: exact 10 both, 2 + 2 alone (F1 20/24); every one overlaps (F1 1)
    assert report.labels["PER"].exact == Counts(10, 2, 2)
    assert report.labels["PER"].overlap.f1 == 1.0
    # LOC: Москве is anna's and vera's, not boris's; Казани everyone's: F1 8/10
    assert report.labels["LOC"].exact.f1 == pytest.approx(0.8)
    assert report.labels["ORG"].exact.f1 == 1.0


def test_quotes_and_speakers(report: AgreementReport) -> None:
    pairs = {(p.a, p.b): p for p in report.pairs}
    anna_boris = pairs["anna", "boris"].quotes
    assert anna_boris.exact.f1 == 1.0  # both marked the quote …
    assert (anna_boris.speakers_compared, anna_boris.speaker_agreement) == (
        1,
        0.0,
    )  # … not its speaker
    anna_vera = pairs["anna", "vera"].quotes
    assert anna_vera.exact == Counts(0, 1, 0) and anna_vera.exact.f1 == 0.0
    assert anna_vera.speaker_agreement is None  # no quote both found


def test_worst_documents_first(report: AgreementReport, team_documents) -> None:
    assert report.documents[0].doc_id == team_documents[0].id
    d3 = report.documents[-1]
    assert (d3.entities.exact.f1, d3.entities.kappa, d3.entities.alpha) == (1.0, 1.0, 1.0)


def test_a_stricter_threshold(team) -> None:
    strict = TeamQueries(Store(team.team)).agreement(0.6)
    pairs = {(p.a, p.b): p for p in strict.pairs}
    assert (
        pairs["anna", "boris"].labels["PER"].overlap == pairs["anna", "boris"].labels["PER"].exact
    )


def test_identical_work_agrees_one(
    tmp_path: Path, make_team_corpus, assign_all, scripted_work, merge_into
) -> None:
    files = assign_all(make_team_corpus(tmp_path / "corpus.db"), tmp_path / "out", ("anna", "vera"))
    for path in files.values():
        scripted_work(path, "anna")  # the same edits in both files
    merge_into(tmp_path / "team.db", *files.values())
    result = TeamQueries(Store(tmp_path / "team.db")).agreement()
    for scope in (result.entities, result.quotes, *result.labels.values()):
        assert (scope.exact.f1, scope.overlap.f1, scope.kappa, scope.alpha) == (1.0, 1.0, 1.0, 1.0)
    assert result.quotes.speaker_agreement == 1.0
    assert len(result.documents) == 3


def test_no_finished_overlap_means_nothing_to_compare(
    tmp_path: Path, make_team_corpus, assign_all, merge_into
) -> None:
    files = assign_all(make_team_corpus(tmp_path / "corpus.db"), tmp_path / "out", ("anna", "vera"))
    merge_into(tmp_path / "team.db", *files.values())  # nobody has finished anything
    result = TeamQueries(Store(tmp_path / "team.db")).agreement()
    assert result.documents == () and result.pairs == () and result.entities.alpha is None
