"""What the assistant reads out of a message besides its intent, on held-out examples per
language: the reason the rent is late (`bot.domain.reason_words`), the amount or months asked
for in a plan (`bot.domain.plan_wish`), and the language of a first message
(`bot.domain.language_id`). None of these examples is used to build them.

Runs in the application environment (`make nlu-eval` runs it after the intent evaluation);
writes bench/extraction_report.md and .json.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.plan_wish import plan_wish  # noqa: E402
from bot.i18n.languages import LANGUAGES  # noqa: E402
from bot.infra.language_examples import bundled_identifier  # noqa: E402
from bot.infra.reason_phrases import load_reason_phrases  # noqa: E402

HELD_OUT = ROOT / "tests" / "nlu"


def labelled(kind: str, language: str) -> list[tuple[str, str]]:
    """(expected, message) from `tests/nlu/<kind>/<language>.tsv`; `#` lines are comments."""
    path = HELD_OUT / kind / f"{language}.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, _, text = line.partition("\t")
            rows.append((expected.strip(), text.strip()))
    return rows


def lines(kind: str, language: str) -> list[str]:
    path = HELD_OUT / kind / f"{language}.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def scored(rows: list[tuple[str, str]], read: Callable[[str], str]) -> dict:
    wrong = [f"{text} (expected {expected}, read {got})" for expected, text in rows
             if (got := read(text)) != expected]
    return {"n": len(rows), "accuracy": round(1 - len(wrong) / len(rows), 3), "wrong": wrong[:8]}


def wish_label(text: str) -> str:
    wish = plan_wish(text)
    if wish is None:
        return "none"
    return f"months={wish.months}" if wish.months else f"kronor={wish.monthly_kronor}"


def language_scores(language: str, identify: Callable[[str], str | None]) -> dict:
    """On off-topic and worried-tenancy messages (never in the training data the identifier is
    built from): identified correctly, unsure (the picker is shown), identified wrongly."""
    messages = lines("off_topic", language) + lines("tenancy_not_crisis", language)
    found = [identify(text) for text in messages]
    return {
        "n": len(messages),
        "correct": round(sum(f == language for f in found) / len(found), 3),
        "unsure": round(sum(f is None for f in found) / len(found), 3),
        "wrong": round(sum(f not in (None, language) for f in found) / len(found), 4),
    }


def main() -> int:
    phrases, identifier = load_reason_phrases(), bundled_identifier()
    report = {
        language: {
            "reason": scored(labelled("reasons", language),
                             lambda text: (r.value if (r := phrases.reason_in(text)) else "none")),
            "amount": scored(labelled("amounts", language), wish_label),
            "language": language_scores(language, identifier.identify),
        }
        for language in LANGUAGES
    }
    out = ROOT / "bench" / "extraction_report"
    out.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    out.with_suffix(".md").write_text(render(report), encoding="utf-8")
    print(render(report))
    return 0


def render(report: dict) -> str:
    rows = [
        "# Reason, amount and language: held-out accuracy",
        "",
        "Held-out examples in `tests/nlu/reasons/`, `tests/nlu/amounts/` (reason or amount expected, or "
        "none) and, for the language of a first message, the off-topic and tenancy messages in "
        "`tests/nlu/`. Produced by `make nlu-eval`.",
        "",
        "| language | reason | amount or months | language identified | unsure (picker) | wrong language |",
        "|---|---|---|---|---|---|",
    ]
    for language, m in report.items():
        rows.append(
            f"| {language} | {m['reason']['accuracy']:.3f} ({m['reason']['n']}) | "
            f"{m['amount']['accuracy']:.3f} ({m['amount']['n']}) | {m['language']['correct']:.3f} | "
            f"{m['language']['unsure']:.3f} | {m['language']['wrong']:.2%} |"
        )
    rows += ["", "## Misread (a few per language)", ""]
    for language, m in report.items():
        rows += [f"- {language}, {kind}: {text}" for kind in ("reason", "amount") for text in m[kind]["wrong"]]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.exit(main())
