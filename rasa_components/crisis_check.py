"""A second, narrow look at whether a message is a crisis.

The intent classifier spreads its probability over thirty intents. On a message unlike anything
it was trained on ("beautiful day, isn't it?", "i want a french restaurant") `crisis` can get a
share large enough for the crisis bias in `IntentAdjustments`, and a crisis path that fires on
small talk floods staff with priority cases and teaches everyone to ignore it. This component is
a binary classifier, crisis against everything else (the hard negatives in `out_of_scope` —
small talk, jokes, "this heat is killing me" — included), over the same kind of features. Its
probability is put on the message as `crisis_check`; `IntentAdjustments` raises the alarm only
when both agree, or when the intent classifier puts crisis first.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_components.ngrams import StoredPipelineComponent, ngram_pipeline

CRISIS_CHECK = "crisis_check"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CrisisCheck(StoredPipelineComponent):
    model_file = "crisis_check.joblib"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "crisis_intent": "crisis",
            "char_ngram_range": [2, 5],
            "word_ngram_range": [1, 2],
            "C": 10.0,
            "max_iter": 3000,
        }

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)]
        labels = [e.get(INTENT) == self._config["crisis_intent"] for e in examples]
        if all(labels) or not any(labels):
            raise ValueError("the crisis check needs crisis examples and examples of other intents")
        pipeline = ngram_pipeline(self._config)
        pipeline.fit([e.get(TEXT) for e in examples], labels)
        return self._keep(pipeline)

    def process(self, messages: List[Message]) -> List[Message]:
        if self._pipeline is None:
            return messages
        texts = [message.get(TEXT) or "" for message in messages]
        crisis_column = list(self._pipeline.classes_).index(True)
        for message, text, row in zip(messages, texts, self._pipeline.predict_proba(texts)):
            if text.strip():
                message.set(CRISIS_CHECK, float(row[crisis_column]), add_to_output=True)
        return messages
