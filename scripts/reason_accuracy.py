"""How often the reason phrases (`bot/domain/reason_words.py`) find the reason a held-out message
states (`tests/nlu/reasons/<lang>.tsv`, lines `code<TAB>message`, `none` for no reason).

Usage: python scripts/reason_accuracy.py [lang ...]   (all languages with a file by default)
Prints the accuracy per language and the messages it got wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.reason_words import ReasonPhrases  # noqa: E402


def read_cases(path: Path) -> list[tuple[str, str]]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, text = line.partition("\t")
            cases.append((code.strip(), text.strip()))
    return cases


def main(languages: list[str]) -> None:
    phrases = ReasonPhrases.bundled()
    folder = ROOT / "tests" / "nlu" / "reasons"
    for language in languages or sorted(p.stem for p in folder.glob("*.tsv")):
        cases = read_cases(folder / f"{language}.tsv")
        wrong = [(code, text, phrases.reason_in(text)) for code, text in cases]
        wrong = [(code, text, got) for code, text, got in wrong if (got.value if got else "none") != code]
        print(f"{language}: {1 - len(wrong) / max(len(cases), 1):.3f} of {len(cases)}")
        for code, text, got in wrong:
            print(f"  expected {code}, got {got.value if got else 'none'}: {text}")


if __name__ == "__main__":
    main(sys.argv[1:])
