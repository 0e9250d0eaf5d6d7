"""Talk to the Rasa server over its REST channel."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import httpx

logger = logging.getLogger(__name__)


class RasaUnavailable(Exception):
    """Rasa did not answer (down, starting, overloaded, or answered with an error)."""


class RasaClient:
    def __init__(self, base_url: str, timeout_seconds: float = 20.0, token: str = "") -> None:
        self._base_url = base_url.rstrip("/")
        self._token = token
        self._http = httpx.AsyncClient(timeout=timeout_seconds)

    async def send(
        self, sender_id: str, text: str, metadata: Mapping[str, Any]
    ) -> list[dict[str, Any]]:
        """Send one tenant message; return the messages Rasa answers with."""
        url = f"{self._base_url}/webhooks/rest/webhook"
        body = {"sender": sender_id, "message": text, "metadata": dict(metadata)}
        try:
            response = await self._http.post(url, json=body)
            response.raise_for_status()
            messages = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(f"{type(error).__name__}: {error}") from error
        if not isinstance(messages, list):
            raise RasaUnavailable(f"unexpected answer from Rasa: {messages!r:.200}")
        return messages

    async def intent_of(self, text: str) -> str | None:
        """What the NLU makes of a text, without it entering any conversation."""
        try:
            response = await self._http.post(
                f"{self._base_url}/model/parse", params={"token": self._token}, json={"text": text}
            )
            response.raise_for_status()
            parsed = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(f"{type(error).__name__}: {error}") from error
        intent = parsed.get("intent") if isinstance(parsed, dict) else None
        return intent.get("name") if isinstance(intent, dict) else None

    async def last_user_messages(self, sender_id: str, count: int = 5) -> list[str]:
        """The last things the tenant wrote, from Rasa's tracker store (never a reason text,
        which the bot keeps away from Rasa)."""
        try:
            response = await self._http.get(
                f"{self._base_url}/conversations/{sender_id}/tracker", params={"token": self._token}
            )
            response.raise_for_status()
            events = response.json().get("events") or []
        except (httpx.HTTPError, ValueError, AttributeError) as error:
            raise RasaUnavailable(f"{type(error).__name__}: {error}") from error
        texts = [e.get("text") for e in events if isinstance(e, dict) and e.get("event") == "user"]
        return [t for t in texts if isinstance(t, str) and t and not t.startswith("/")][-count:]

    async def is_ready(self) -> bool:
        try:
            response = await self._http.get(f"{self._base_url}/")
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    async def aclose(self) -> None:
        await self._http.aclose()
