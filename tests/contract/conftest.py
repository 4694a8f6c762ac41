"""The vendored official document, with a loopback server entry, and an openapi-core adapter."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from packstation.sandbox.server import Exchange

SPEC_PATH = Path(__file__).parent / "spec" / "redo-openapi-2.2.693.yaml"


@cache
def spec_dict() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text("utf-8"))  # type: ignore[no-any-return]


@cache
def openapi() -> OpenAPI:
    spec = copy.deepcopy(spec_dict())
    spec["servers"].append({"url": "http://127.0.0.1/v2.2"})
    return OpenAPI.from_dict(spec)


def schema(name: str) -> dict[str, Any]:
    return spec_dict()["components"]["schemas"][name]  # type: ignore[no-any-return]


def _request(exchange: Exchange) -> MockRequest:
    target = urlsplit(exchange.target)
    return MockRequest(
        host_url="http://127.0.0.1",
        method=exchange.method,
        path=target.path,
        args={k: v[0] for k, v in parse_qs(target.query).items()},
        headers=exchange.request_headers,
        data=exchange.request_body or None,
        content_type=exchange.request_headers.get("Content-Type", "application/json"),
    )


def validate_exchange(exchange: Exchange) -> None:
    """Both halves of one exchange against the official document; raises on a mismatch."""
    request = _request(exchange)
    openapi().validate_request(request)
    response = MockResponse(
        data=exchange.response_body,
        status_code=exchange.status,
        content_type=exchange.content_type,
    )
    openapi().validate_response(request, response)
