"""What the two trainable components share: TF-IDF over character and word n-grams, and a
scikit-learn pipeline kept in the model's storage.

Character n-grams carry across scripts, spelling variants and missing diacritics without
language-specific tokenizers or downloaded embeddings.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any, ClassVar, Dict, Text

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_union


# Letters tenants type for one another: Arabic and Persian forms of yeh, kaf, alef, teh marbuta.
SAME_LETTER = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه",
    "\u0640": None, "\u200c": " ", "\u200d": None, "’": "'", "`": "'",
})


def normalise(text: str) -> str:
    """What the n-grams are taken from: case-folded, without diacritics (so "nar maste jag
    betala" reads like "när måste jag betala"), with the letter variants of Arabic script made one."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(SAME_LETTER)


def ngram_pipeline(config: Dict[Text, Any]) -> Pipeline:
    """Character and word n-grams of the normalised text, then a logistic regression with
    balanced classes."""
    features = make_union(
        TfidfVectorizer(
            analyzer="char_wb", ngram_range=tuple(config["char_ngram_range"]), sublinear_tf=True,
            preprocessor=normalise,
        ),
        TfidfVectorizer(
            analyzer="word", ngram_range=tuple(config["word_ngram_range"]), sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b", preprocessor=normalise,
        ),
    )
    classifier = LogisticRegression(
        C=config["C"], max_iter=config["max_iter"], class_weight="balanced", random_state=42
    )
    return Pipeline([("features", features), ("classifier", classifier)])


class StoredPipelineComponent(GraphComponent):
    """A component whose trained pipeline is saved with the model and loaded with it."""

    model_file: ClassVar[str]

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
        pipeline: Pipeline | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._pipeline = pipeline

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> StoredPipelineComponent:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext, **kwargs: Any,
    ) -> StoredPipelineComponent:
        with model_storage.read_from(resource) as directory:
            pipeline = joblib.load(Path(directory) / cls.model_file)
        return cls(config, model_storage, resource, pipeline)

    def _keep(self, pipeline: Pipeline) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(pipeline, Path(directory) / self.model_file)
        self._pipeline = pipeline
        return self._resource
