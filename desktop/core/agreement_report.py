"""The agreement of two annotators as a document (for JSON) and as a text table.

:func:`document` gathers what :mod:`desktop.core.agreement` measures over a
set of articles, overall and per label, and per article when asked;
:func:`text` lays the same document out as tables, so both formats always
say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from desktop.core.agreement import Agreement, SpanCounts, pool

RULES = ("Tokens: runs of word characters, or any other non-space character alone, each "
         "with the marks and joiners that belong to it, cut at every span boundary of both "
         "annotators. kappa: Cohen's kappa over the tokens' labels (outside a span is a "
         "category; per label: the label against anything else; null when undefined: no "
         "tokens, or both gave every token one same category). Spans: precision, recall and "
         "F1 of the second annotator against the first, exact (same start, end and label) "
         "and relaxed (overlapping, same label); over several articles the tokens are pooled "
         "and span counts summed (micro-average).")
"""What the figures mean, in the JSON document."""


class ArticleAgreement(NamedTuple):
    """One article's agreement, with what names it."""

    article_id: int
    title: str
    agreement: Agreement


def document(reference: str, compared: str, articles: Sequence[ArticleAgreement],
             per_article: bool = False) -> dict[str, Any]:
    """The figures of ``compared`` against ``reference`` over ``articles``, as plain data."""
    total = pool(article.agreement for article in articles)
    result: dict[str, Any] = {
        "reference": reference, "compared": compared,
        "articles": [article.article_id for article in articles],
        **_figures(total), "rules": RULES}
    if per_article:
        result["per_article"] = [
            {"article_id": article.article_id, "title": article.title,
             **_figures(article.agreement)}
            for article in articles]
    return result


def _figures(agreement: Agreement) -> dict[str, Any]:
    return {"overall": _row(agreement, None),
            "labels": {label: _row(agreement, label) for label in agreement.labels()}}


def _row(agreement: Agreement, label: str | None) -> dict[str, Any]:
    kappa = agreement.kappa(label)
    return {"tokens": kappa.tokens, "kappa": kappa.value, "observed": kappa.observed,
            "expected": kappa.expected, "exact": _spans(agreement.spans(label)),
            "relaxed": _spans(agreement.spans(label, relaxed=True))}


def _spans(counts: SpanCounts) -> dict[str, Any]:
    return {"reference": counts.reference, "compared": counts.candidate,
            "found": counts.found, "correct": counts.correct,
            "precision": counts.precision, "recall": counts.recall, "f1": counts.f1}


_COLUMNS = ("kappa", "p_o", "P", "R", "F1", "P~", "R~", "F1~", "A", "B")
_LEGEND = ("kappa: Cohen's kappa on tokens; p_o: the share of tokens labelled alike.",
           "P, R, F1: exact spans; P~, R~, F1~: overlapping spans of the same label; A, B: "
           "spans of each; -: undefined.")


def text(report: dict[str, Any]) -> str:
    """The document of :func:`document` as a heading and a table (and one per article)."""
    reference, compared = report["reference"], report["compared"]
    count = len(report["articles"])
    lines = [f"{compared!r} against {reference!r} (the reference), "
             f"{count} article{'' if count == 1 else 's'}, "
             f"{report['overall']['tokens']} tokens", ""]
    lines += _table(report)
    for article in report.get("per_article", []):
        lines += ["", f"Article {article['article_id']}: {article['title']} "
                      f"({article['overall']['tokens']} tokens)", ""]
        lines += _table(article)
    lines += ["", *_LEGEND]
    return "\n".join(lines) + "\n"


def _table(figures: dict[str, Any]) -> list[str]:
    rows = [("all", figures["overall"]), *figures["labels"].items()]
    width = max(len("label"), *(len(name) for name, _ in rows))
    lines = [f"{'label':<{width}}" + "".join(f"{column:>7}" for column in _COLUMNS)]
    for name, row in rows:
        exact, relaxed = row["exact"], row["relaxed"]
        cells = [row["kappa"], row["observed"], exact["precision"], exact["recall"],
                 exact["f1"], relaxed["precision"], relaxed["recall"], relaxed["f1"]]
        lines.append(f"{name:<{width}}" + "".join(f"{_number(cell):>7}" for cell in cells)
                     + f"{exact['reference']:>7}{exact['compared']:>7}")
    return lines


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
