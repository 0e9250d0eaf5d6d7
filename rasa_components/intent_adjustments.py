"""Last step of the NLU pipeline: out-of-scope messages end in `nlu_fallback`, and a message
that might be a crisis is treated as one.

Missing a crisis is the worst error the assistant can make, so `crisis` wins whenever the
classifier ranks it first, and also when it only gives it at least `crisis_threshold` while
another intent scored higher, provided the narrow second look (`CrisisCheck`, its probability
in `crisis_check`) gives it at least `crisis_check_threshold`. Without that second look the
bias alone decided, and small talk the classifier had never seen raised the alarm. The
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


def is_crisis(ranking: List[Dict[Text, Any]], config: Dict[Text, Any], crisis_check: Optional[float]) -> bool:
    """Whether the classifier's ranking, seen again by the crisis check, signals a crisis."""
    crisis = next((r for r in ranking if r.get("name") == config["crisis_intent"]), None)
    if crisis is None or crisis["confidence"] < config["crisis_threshold"]:
        return False
    ranked_first = ranking[0].get("name") == config["crisis_intent"]
    return ranked_first or crisis_check is None or crisis_check >= config["crisis_check_threshold"]


def adjust(
    intent: Dict[Text, Any], ranking: List[Dict[Text, Any]], config: Dict[Text, Any],
    crisis_check: Optional[float] = None,
) -> Dict[Text, Any]:
    """The intent to report, given the classifier's (and FallbackClassifier's) verdict and the
    crisis check's probability (None when the pipeline has no crisis check)."""
    if is_crisis(ranking, config, crisis_check):
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
            if intent:
                adjusted = adjust(intent, message.get("intent_ranking") or [], self._config, message.get(CRISIS_CHECK))
                message.set("intent", adjusted, add_to_output=True)
        return messages
