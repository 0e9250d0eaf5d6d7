"""Train the Rasa model when its training data changed; otherwise reuse the cached one.

The model's file name is a fingerprint of everything that shapes it, so a repeated run with
the same data finds the model already there and trains nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import subprocess
from pathlib import Path

from bot.config.settings import Settings

logger = logging.getLogger(__name__)

TRAINING_DATA_DIRS = ("nlu", "stories")
TRAINING_FILES = ("config.yml", "domain.yml", "requirements/rasa.lock")
# Custom pipeline components shape the model as much as the data does.
COMPONENT_DIR = "rasa_components"


def training_inputs(root: Path) -> list[Path]:
    files = [root / name for name in TRAINING_FILES]
    for directory in TRAINING_DATA_DIRS:
        files += sorted(p for p in (root / directory).rglob("*") if p.suffix in (".yml", ".yaml"))
    files += sorted((root / COMPONENT_DIR).rglob("*.py"))
    return files


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in training_inputs(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def model_path(settings: Settings) -> Path:
    return settings.models_dir / f"tenant-assistant-{fingerprint(settings.project_root)}.tar.gz"


def ensure_model(settings: Settings) -> Path:
    """Return the model for the current data, training it first if there is none."""
    target = model_path(settings)
    settings.models_dir.mkdir(parents=True, exist_ok=True)
    # One trainer at a time: a second caller waits, then finds the model made.
    with open(settings.models_dir / ".train.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            return target
        logger.info("training the Rasa model (data changed): %s", target.name)
        root = settings.project_root
        command = [
            str(settings.rasa_python), "-m", "rasa", "train",
            "--config", str(root / "config.yml"),
            "--domain", str(root / "domain.yml"),
            "--data", *(str(root / d) for d in TRAINING_DATA_DIRS),
            "--out", str(settings.models_dir),
            "--fixed-model-name", target.name.removesuffix(".tar.gz"),
        ]
        completed = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if completed.returncode != 0 or not target.exists():
            raise RuntimeError(
                f"rasa train failed (exit {completed.returncode}):\n{completed.stdout[-3000:]}\n"
                f"{completed.stderr[-3000:]}"
            )
    return target
