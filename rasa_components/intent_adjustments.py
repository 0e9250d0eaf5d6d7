"""Last step of the NLU pipeline: out-of-scope messages end in `nlu_fallback`, and a message
that might be a crisis is treated as one.

Missing a crisis is the worst error the assistant can make, so `crisis` wins whenever the
classifier ranks it first, and also when it only gives it at least `crisis_threshold` while
another intent scored higher, provided the narrow second look (`CrisisCheck`, its probability
in `crisis_check`) gives it at least `crisis_check_threshold`. Without that second look the
bias alone decided, and small talk the classifier had never seen raised the alarm. Not every
such crisis is certain: the entity `crisis_certainty` says whether it is an alarm (emergency
numbers, a priority case for staff) or unsure (a gentle question with 112 first, and the alarm
if the tenant says they need help), so the uncertain ones do not flood staff with alarms. The
`out_of_scope` intent exists only to teach the classifier what is not ours: it is reported as
Rasa's `nlu_fallback`, as the intent contract requires.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from rasa_components.crisis_check import CRISIS_CHECK

FALLBACK = "nlu_fallback"
# Put on a crisis as the entity `crisis_certainty`, for the action to choose its answer.
CERTAINTY_ENTITY = "crisis_certainty"
ALARM, UNSURE = "alarm", "unsure"


def crisis_certainty(
    ranking: List[Dict[Text, Any]], config: Dict[Text, Any], crisis_check: Optional[float]
) -> Optional[Text]:
    """How sure the pipeline is that the message is a crisis: `ALARM`, `UNSURE` or None (not one).

    An alarm needs the classifier to rank crisis first and the crisis check to agree at
    `alarm_check_threshold`; a crisis ranked first without that agreement, or a share of at least
    `crisis_threshold` the check gives at least `crisis_check_threshold`, is unsure: the tenant is
    asked, gently and with 112, whether they need help now. Without a crisis check in the
    pipeline the share alone raises the alarm."""
    crisis = next((r for r in ranking if r.get("name") == config["crisis_intent"]), None)
    if crisis is None or crisis["confidence"] < config["crisis_threshold"]:
        return None
    if crisis_check is None:
        return ALARM
    ranked_first = ranking[0].get("name") == config["crisis_intent"]
    if ranked_first and crisis_check >= config["alarm_check_threshold"]:
        return ALARM
    if ranked_first or crisis_check >= config["crisis_check_threshold"]:
        return UNSURE
    return None


def adjust(
    intent: Dict[Text, Any], ranking: List[Dict[Text, Any]], config: Dict[Text, Any],
    crisis_check: Optional[float] = None,
) -> Dict[Text, Any]:
    """The intent to report, given the classifier's (and FallbackClassifier's) verdict and the
    crisis check's probability (None when the pipeline has no crisis check)."""
    if crisis_certainty(ranking, config, crisis_check) is not None:
        crisis = next(r for r in ranking if r.get("name") == config["crisis_intent"])
        return {"name": config["crisis_intent"], "confidence": crisis["confidence"]}
    if intent.get("name") == config["out_of_scope_intent"]:
        return {"name": FALLBACK, "confidence": intent.get("confidence", 1.0)}
    return intent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentAdjustments(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "crisis_intent": "crisis", "crisis_threshold": 0.2, "crisis_check_threshold": 0.5,
            "alarm_check_threshold": 0.5,
            "out_of_scope_intent": "out_of_scope",
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentAdjustments:
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent: Optional[Dict[Text, Any]] = message.get("intent")
            if not intent:
                continue
            ranking, check = message.get("intent_ranking") or [], message.get(CRISIS_CHECK)
            message.set("intent", adjust(intent, ranking, self._config, check), add_to_output=True)
            certainty = crisis_certainty(ranking, self._config, check)
            if certainty is not None:
                entities = [e for e in message.get("entities") or [] if e.get("entity") != CERTAINTY_ENTITY]
                entities.append({"entity": CERTAINTY_ENTITY, "value": certainty, "start": 0, "end": 0,
                                 "extractor": type(self).__name__})
                message.set("entities", entities, add_to_output=True)
        return messages
