"""NLU evaluation: hold out part of every language's examples, train on the rest, and report
per-language intent precision, recall and F1, crisis recall, and how many out-of-scope
messages end in `nlu_fallback`.

Runs in the Rasa environment (`make nlu-eval`); writes bench/nlu_report.md and .json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety.keywords import CrisisKeywords  # noqa: E402  (after the path is set)
from rasa_components.crisis_check import CRISIS_CHECK  # noqa: E402
from rasa_components.intent_adjustments import ALARM, IntentAdjustments, adjust, crisis_certainty  # noqa: E402

FALLBACK = "nlu_fallback"
LANGUAGES = ("sv", "en", "ar", "so", "fa", "ti", "uk", "fi")
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def load_examples() -> dict[str, dict[str, list[str]]]:
    """Every training example, by language and intent (out_of_scope included)."""
    data: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for language in LANGUAGES:
        for path in sorted((ROOT / "nlu" / language).glob("*.yml")):
            for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
                # An intent may have examples in several files of a language.
                data[language].setdefault(block["intent"], []).extend(
                    line[2:].strip() for line in block["examples"].splitlines() if line.startswith("- "))
    return data


def split(data: dict[str, dict[str, list[str]]], holdout: float, seed: int):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    train: dict[str, dict[str, list[str]]] = defaultdict(dict)
    test: list[tuple[str, str, str]] = []
    for language, intents in data.items():
        for intent, examples in intents.items():
            shuffled = examples[:]
            rng.shuffle(shuffled)
            cut = math.ceil(len(shuffled) * holdout)
            test += [(language, intent, text) for text in shuffled[:cut]]
            train[language][intent] = shuffled[cut:]
    return train, test


def held_out(kind: str) -> list[tuple[str, str]]:
    """Messages never trained on, by language: `out_of_scope`, `off_topic` (small talk, weather,
    jokes, harmless "this heat is killing me"), `tenancy_not_crisis` (worried but ordinary)."""
    messages = []
    for language in LANGUAGES:
        path = ROOT / "tests" / "nlu" / kind / f"{language}.txt"
        messages += [(language, line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return messages


def noisy() -> list[tuple[str, str, str]]:
    """Messages as tenants really type them (typos, no diacritics, Arabic, Persian and Ukrainian
    in Latin letters, Swedish housing words): (language, intent, text), never trained on."""
    messages = []
    for language in LANGUAGES:
        path = ROOT / "tests" / "nlu" / "noisy" / f"{language}.tsv"
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            if line.strip() and not line.startswith("#"):
                intent, _, text = line.partition("\t")
                messages.append((language, intent.strip(), text.strip()))
    return messages


def out_of_scope() -> list[tuple[str, str]]:
    return held_out("out_of_scope")


def write_training_data(train: dict[str, dict[str, list[str]]], directory: Path) -> None:
    for language, intents in train.items():
        blocks = [
            {"intent": intent, "examples": "".join(f"- {text}\n" for text in examples)}
            for intent, examples in intents.items()
        ]
        (directory / f"{language}.yml").write_text(
            yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )


def decide(parsed: dict, threshold: float, ambiguity: float, adjustments: dict) -> str:
    """What the pipeline would answer at this fallback threshold: Rasa's FallbackClassifier,
    then our intent adjustments."""
    ranked = [r for r in parsed["intent_ranking"] if r["name"] != FALLBACK]
    top = ranked[0]
    second = ranked[1]["confidence"] if len(ranked) > 1 else 0.0
    if top["confidence"] < threshold or top["confidence"] - second < ambiguity:
        intent = {"name": FALLBACK, "confidence": 1 - top["confidence"]}
    else:
        intent = top
    return adjust(intent, ranked, adjustments, parsed.get(CRISIS_CHECK))["name"]


def alarm(parsed: dict, adjustments: dict) -> bool:
    """Whether a message taken as a crisis raises the alarm (numbers, a priority case), rather
    than the gentle question with 112."""
    ranked = [r for r in parsed["intent_ranking"] if r["name"] != FALLBACK]
    return crisis_certainty(ranked, adjustments, parsed.get(CRISIS_CHECK)) == ALARM


def macro_scores(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Macro precision, recall and F1 over the contract's intents (nlu_fallback is not one)."""
    labels = sorted({truth for truth, _ in pairs} - {FALLBACK})
    precisions, recalls, f1s = [], [], []
    for label in labels:
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = sum(1 for t, p in pairs if t == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        precisions.append(precision)
        recalls.append(recall)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    n = len(labels)
    return sum(precisions) / n, sum(recalls) / n, sum(f1s) / n


async def parse_all(model: Path, texts: list[str]) -> list[list[dict]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    rankings = []
    for text in texts:
        result = await agent.parse_message(text)
        rankings.append({"intent_ranking": result["intent_ranking"], CRISIS_CHECK: result.get(CRISIS_CHECK)})
    return rankings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holdout", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--config", default=str(ROOT / "config.yml"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "nlu_report"))
    args = parser.parse_args()

    config = yaml.safe_load(Path(args.config).read_text(encoding="utf-8"))
    fallback = next(c for c in config["pipeline"] if c["name"] == "FallbackClassifier")
    configured = float(fallback.get("threshold", 0.3))
    ambiguity = float(fallback.get("ambiguity_threshold", 0.1))
    adjustments = {
        **IntentAdjustments.get_default_config(),
        **next((c for c in config["pipeline"] if c["name"].endswith("IntentAdjustments")), {}),
    }

    train, test = split(load_examples(), args.holdout, args.seed)
    oos, noisy_messages = out_of_scope(), noisy()
    extra = {kind: held_out(kind) for kind in ("off_topic", "tenancy_not_crisis")}
    workdir = Path(tempfile.mkdtemp(prefix="nlu-eval-"))
    try:
        (workdir / "nlu").mkdir()
        write_training_data(train, workdir / "nlu")
        from rasa.model_training import train_nlu

        started = time.monotonic()
        model = train_nlu(args.config, str(workdir / "nlu"), str(workdir), fixed_model_name="eval")
        training_seconds = time.monotonic() - started
        extra_texts = [t for kind in extra.values() for _, t in kind]
        rankings = asyncio.run(parse_all(
            Path(model), [t for _, _, t in test] + [t for _, t in oos] + extra_texts + [t for _, _, t in noisy_messages]))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    test_rankings, oos_rankings = rankings[: len(test)], rankings[len(test): len(test) + len(oos)]
    extra_rankings, start = {}, len(test) + len(oos)
    for kind, messages in extra.items():
        extra_rankings[kind], start = rankings[start: start + len(messages)], start + len(messages)
    noisy_rankings = rankings[start:]
    keywords = CrisisKeywords.bundled()
    report: dict = {
        "holdout": args.holdout, "seed": args.seed, "training_seconds": round(training_seconds, 1),
        "test_examples": len(test), "out_of_scope_messages": len(oos), "noisy_messages": len(noisy_messages),
        **{f"{kind}_messages": len(messages) for kind, messages in extra.items()},
        "configured_threshold": configured, "ambiguity_threshold": ambiguity,
        "crisis_threshold": adjustments["crisis_threshold"],
        "crisis_check_threshold": adjustments["crisis_check_threshold"],
        "alarm_check_threshold": adjustments["alarm_check_threshold"], "thresholds": {},
    }
    for threshold in sorted({*THRESHOLDS, configured}):
        per_language = {}
        for language in LANGUAGES:
            # The held-out out_of_scope examples count as the nlu_fallback they should become.
            pairs = [
                (FALLBACK if intent == "out_of_scope" else intent, decide(r, threshold, ambiguity, adjustments))
                for (lang, intent, _), r in zip(test, test_rankings) if lang == language
            ]
            crisis = [(text, decide(r, threshold, ambiguity, adjustments), alarm(r, adjustments))
                      for (lang, intent, text), r in zip(test, test_rankings) if lang == language and intent == "crisis"]
            rejected = [decide(r, threshold, ambiguity, adjustments) == FALLBACK for (lang, _), r in zip(oos, oos_rankings) if lang == language]
            precision, recall, f1 = macro_scores(pairs)
            confusions = Counter((t, p) for t, p in pairs if t != p).most_common(8)
            per_language[language] = {
                "confusions": [f"{t} -> {p} ({n})" for (t, p), n in confusions],
                "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                "crisis_recall": round(sum(p == "crisis" for _, p, _ in crisis) / len(crisis), 3),
                "crisis_recall_with_keywords": round(
                    sum(p == "crisis" or bool(keywords.match(t)) for t, p, _ in crisis) / len(crisis), 3),
                "crisis_alarm_recall": round(
                    sum((p == "crisis" and a) or bool(keywords.match(t)) for t, p, a in crisis) / len(crisis), 3),
                "crisis_missed": [t for t, p, _ in crisis if p != "crisis" and not keywords.match(t)],
                "out_of_scope_rejected": round(sum(rejected) / len(rejected), 3),
                "accuracy": round(sum(t == p for t, p in pairs) / len(pairs), 3),
                **noisy_scores(language, noisy_messages, noisy_rankings, (threshold, ambiguity, adjustments)),
                **held_out_scores(language, extra, extra_rankings, (threshold, ambiguity, adjustments), keywords),
            }
            report["thresholds"][str(threshold)] = per_language
    report["alarm_thresholds"] = alarm_sweep(
        test, test_rankings, extra, extra_rankings, (configured, ambiguity, adjustments), keywords)
    report["crisis_thresholds"] = crisis_sweep(test, test_rankings, oos, oos_rankings, configured, ambiguity, adjustments, keywords)

    out = Path(args.out)
    out.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    out.with_suffix(".md").write_text(render_markdown(report), encoding="utf-8")
    print(render_markdown(report))
    return 0


# What an off-topic message may become: rejected, or answered as what the assistant can do or as
# small talk; anything else is a tenancy answer it did not ask for.
HARMLESS = {FALLBACK, "ask_capabilities", "bot_challenge", "greet", "goodbye", "thank"}


def held_out_scores(language, extra, extra_rankings, decision, keywords):  # type: ignore[no-untyped-def]
    """Off-topic messages rejected, and false crisis alarms (the model or the keyword net) on
    off-topic and on worried-but-ordinary tenancy messages."""
    scores = {}
    for kind, messages in extra.items():
        decided = [(text, decide(r, *decision), alarm(r, decision[2]))
                   for (lang, text), r in zip(messages, extra_rankings[kind]) if lang == language]
        alarms = [text for text, intent, loud in decided if (intent == "crisis" and loud) or keywords.match(text)]
        gentle = [text for text, intent, loud in decided if intent == "crisis" and not loud and not keywords.match(text)]
        scores[f"{kind}_false_alarms"] = round(len(alarms) / len(decided), 4)
        scores[f"{kind}_gentle_checks"] = round(len(gentle) / len(decided), 4)
        scores[f"{kind}_gentle_examples"] = gentle[:5]
        scores[f"{kind}_alarm_examples"] = alarms[:5]
        if kind == "off_topic":
            scores["off_topic_rejected"] = round(sum(i in HARMLESS for _, i, _ in decided) / len(decided), 3)
    return scores


def noisy_scores(language, messages, rankings, decision):  # type: ignore[no-untyped-def]
    """The share of noisy messages given their intent, and a few that were not."""
    decided = [(intent, text, decide(r, *decision)) for (lang, intent, text), r in zip(messages, rankings)
               if lang == language]
    if not decided:
        return {"noisy_accuracy": None, "noisy_missed": []}
    return {
        "noisy_accuracy": round(sum(i == p for i, _, p in decided) / len(decided), 3),
        "noisy_missed": [f"{text} ({i} -> {p})" for i, text, p in decided if i != p][:8],
    }


def crisis_sweep(test, test_rankings, oos, oos_rankings, threshold, ambiguity, adjustments, keywords):  # type: ignore[no-untyped-def]
    """Crisis recall against false alarms for several crisis thresholds."""
    sweep = {}
    for crisis_threshold in (0.05, 0.1, 0.15, 0.2, 0.3):
        settings = {**adjustments, "crisis_threshold": crisis_threshold}
        said_crisis = [
            decide(r, threshold, ambiguity, settings) == "crisis" or bool(keywords.match(text))
            for (_, _, text), r in zip(test, test_rankings)
        ]
        truth = [intent == "crisis" for _, intent, _ in test]
        oos_alarms = [
            decide(r, threshold, ambiguity, settings) == "crisis" or bool(keywords.match(text))
            for (_, text), r in zip(oos, oos_rankings)
        ]
        per_language_recall = [
            sum(s for (lang, _, _), s, t in zip(test, said_crisis, truth) if lang == language and t)
            / sum(1 for (lang, _, _), t in zip(test, truth) if lang == language and t)
            for language in LANGUAGES
        ]
        false_alarms = sum(s for s, t in zip(said_crisis, truth) if not t) + sum(oos_alarms)
        sweep[str(crisis_threshold)] = {
            "min_recall": round(min(per_language_recall), 3),
            "mean_recall": round(sum(per_language_recall) / len(per_language_recall), 3),
            "false_alarm_rate": round(false_alarms / (truth.count(False) + len(oos_alarms)), 4),
        }
    return sweep


def alarm_sweep(test, test_rankings, extra, extra_rankings, decision, keywords):  # type: ignore[no-untyped-def]
    """For several alarm thresholds: crisis messages that raise the alarm (keywords included),
    and off-topic and tenancy messages that raise it or are asked the gentle question."""
    threshold, ambiguity, adjustments = decision
    sweep = {}
    for alarm_threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        settings = {**adjustments, "alarm_check_threshold": alarm_threshold}

        def loud(parsed: dict, text: str) -> bool:
            return (decide(parsed, threshold, ambiguity, settings) == "crisis" and alarm(parsed, settings)) \
                or bool(keywords.match(text))

        recalls = []
        for language in LANGUAGES:
            crisis = [loud(r, t) for (lang, i, t), r in zip(test, test_rankings) if lang == language and i == "crisis"]
            recalls.append(sum(crisis) / len(crisis))
        row = {"min_alarm_recall": round(min(recalls), 3), "mean_alarm_recall": round(sum(recalls) / len(recalls), 3)}
        for kind, messages in extra.items():
            row[f"{kind}_false_alarms"] = round(
                sum(loud(r, t) for (_, t), r in zip(messages, extra_rankings[kind])) / len(messages), 4)
        sweep[str(alarm_threshold)] = row
    return sweep


def render_markdown(report: dict) -> str:
    configured = str(report["configured_threshold"])
    lines = [
        "# NLU evaluation",
        "",
        f"Held out {report['holdout']:.0%} of every intent's examples per language (seed "
        f"{report['seed']}): {report['test_examples']} test examples, plus "
        f"{report['out_of_scope_messages']} out-of-scope, {report['off_topic_messages']} off-topic and "
        f"{report['tenancy_not_crisis_messages']} worried-but-ordinary tenancy and {report['noisy_messages']} "
        "noisy messages (typos, no diacritics, Arabic, Persian and Ukrainian in Latin letters) never trained on "
        f"(`tests/nlu/`). Pipeline: "
        f"`config.yml`; training took {report['training_seconds']} s. Produced by `make nlu-eval`.",
        "",
        f"## At the configured thresholds (fallback {configured}, ambiguity "
        f"{report['ambiguity_threshold']}, crisis {report['crisis_threshold']}, crisis check "
        f"{report['crisis_check_threshold']}, alarm {report['alarm_check_threshold']})",
        "",
        "| language | precision | recall | macro F1 | crisis recall (model) | crisis recall (model + keywords) "
        "| crisis alarm recall | out of scope rejected | off-topic rejected | false crisis alarms, off-topic "
        "| asked gently, off-topic | false crisis alarms, tenancy | asked gently, tenancy "
        "| accuracy, clean | accuracy, noisy |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for language, m in report["thresholds"][configured].items():
        lines.append(
            f"| {language} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
            f"{m['crisis_recall']:.3f} | {m['crisis_recall_with_keywords']:.3f} | {m['crisis_alarm_recall']:.3f} | "
            f"{m['out_of_scope_rejected']:.3f} | {m['off_topic_rejected']:.3f} | {m['off_topic_false_alarms']:.2%} | "
            f"{m['off_topic_gentle_checks']:.2%} | {m['tenancy_not_crisis_false_alarms']:.2%} | "
            f"{m['tenancy_not_crisis_gentle_checks']:.2%} | "
            f"{m['accuracy']:.3f} | {'-' if m['noisy_accuracy'] is None else format(m['noisy_accuracy'], '.3f')} |"
        )
    lines += ["", "## Other thresholds (macro F1 / out of scope rejected, averaged over languages)", "",
              "| threshold | mean macro F1 | min macro F1 | mean out-of-scope rejected | min crisis recall (model + keywords) |",
              "|---|---|---|---|---|"]
    for threshold, per_language in report["thresholds"].items():
        values = list(per_language.values())
        lines.append(
            f"| {threshold} | {sum(v['f1'] for v in values) / len(values):.3f} | {min(v['f1'] for v in values):.3f} | "
            f"{sum(v['out_of_scope_rejected'] for v in values) / len(values):.3f} | "
            f"{min(v['crisis_recall_with_keywords'] for v in values):.3f} |"
        )
    lines += ["", "## Crisis threshold (model + keywords): recall against false alarms", "",
              "| crisis threshold | min recall | mean recall | false alarms (share of non-crisis messages) |",
              "|---|---|---|---|"]
    for crisis_threshold, values in report["crisis_thresholds"].items():
        lines.append(f"| {crisis_threshold} | {values['min_recall']:.3f} | {values['mean_recall']:.3f} | {values['false_alarm_rate']:.2%} |")
    lines += ["", "## Alarm threshold: crisis messages that raise the alarm, against false alarms", "",
              "An alarm is the emergency numbers and a priority case for staff; below the alarm threshold a "
              "crisis is asked about gently, with 112 first (`crisis recall (model + keywords)` counts both).", "",
              "| alarm threshold | min alarm recall | mean alarm recall | false alarms, off-topic | false alarms, tenancy |",
              "|---|---|---|---|---|"]
    for alarm_threshold, v in report["alarm_thresholds"].items():
        lines.append(f"| {alarm_threshold} | {v['min_alarm_recall']:.3f} | {v['mean_alarm_recall']:.3f} | "
                     f"{v['off_topic_false_alarms']:.2%} | {v['tenancy_not_crisis_false_alarms']:.2%} |")
    lines += ["", "## Most frequent confusions (truth -> predicted)", ""]
    lines += [f"- {lang}: " + "; ".join(m["confusions"]) for lang, m in report["thresholds"][configured].items()]
    lines += ["", "## Noisy messages not understood (a few per language)", ""]
    lines += [f"- {lang}: " + "; ".join(m["noisy_missed"]) for lang, m in report["thresholds"][configured].items()]
    missed = {lang: m["crisis_missed"] for lang, m in report["thresholds"][configured].items() if m["crisis_missed"]}
    if missed:
        lines += ["", "## Crisis messages missed by both the model and the keywords", ""]
        lines += [f"- {lang}: {text}" for lang, texts in missed.items() for text in texts]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
