"""Which API addresses are allowed, and how order references are put in a path."""

from __future__ import annotations

import pytest

from packstation.redo.urls import (
    BadReference,
    InsecureURLError,
    UrlProblem,
    UrlRefusal,
    check_base_url,
    is_loopback_host,
    segment,
)


@pytest.mark.parametrize(
    "url",
    [
        "https://api.getredo.com/v2.2",
        "https://api.getredo.com/v2.2/",
        "http://127.0.0.1:8787/v2.2",
        "http://127.9.9.9/v2.2",
        "http://localhost:1/v2.2",
        "http://[::1]:8080/v2.2",
    ],
)
def test_allowed(url: str) -> None:
    assert check_base_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://api.getredo.com/v2.2",
        "http://10.0.0.5/v2.2",
        "http://128.0.0.1/v2.2",
        "http://localhost.evil.com/v2.2",
        "http://anything.localhost/v2.2",
        "http://localhost./v2.2",
        "http://127.0.0.1.nip.io/v2.2",
        "ftp://api.getredo.com",
        "api.getredo.com/v2.2",
        "https://user:pw@api.getredo.com/v2.2",
        "https://api.getredo.com/v2.2?x=1",
    ],
)
def test_refused(url: str) -> None:
    with pytest.raises(InsecureURLError):
        check_base_url(url)


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        ("ftp://x", UrlRefusal(UrlProblem.NOT_AN_API_ADDRESS, url="ftp://x")),
        ("ftp://u:secret@x/a", UrlRefusal(UrlProblem.NOT_AN_API_ADDRESS, url="ftp://x/a")),
        ("https://u:secret@x.example", UrlRefusal(UrlProblem.HAS_CREDENTIALS)),
        ("http://example.com", UrlRefusal(UrlProblem.PLAIN_HTTP_ELSEWHERE, host="example.com")),
        ("https://x.example/?a", UrlRefusal(UrlProblem.QUERY_OR_FRAGMENT)),
    ],
)
def test_a_refusal_says_why_as_a_kind_and_never_keeps_a_password(
    url: str, refusal: UrlRefusal
) -> None:
    with pytest.raises(InsecureURLError) as refused:
        check_base_url(url)
    assert refused.value.refusal == refusal
    assert "secret" not in f"{refused.value}{refused.value!r}{refused.value.refusal}"


def test_loopback_hosts() -> None:
    assert is_loopback_host("127.0.0.1")
    assert is_loopback_host("::1")
    assert is_loopback_host("LocalHost")
    assert not is_loopback_host("0.0.0.0")
    assert not is_loopback_host("anything.localhost")


@pytest.mark.parametrize(
    ("ref", "encoded"),
    [
        ("#1001", "%231001"),
        ("a/b", "a%2Fb"),
        ("what?", "what%3F"),
        ("two words", "two%20words"),
        ("Ærø", "%C3%86r%C3%B8"),
        ("100%", "100%25"),
        (".", "%2E"),
        ("..", "%2E%2E"),
        ("...", "%2E%2E%2E"),
        ("1001.5", "1001.5"),
    ],
)
def test_every_segment_is_percent_encoded(ref: str, encoded: str) -> None:
    assert segment(ref) == encoded


def test_an_empty_segment_is_refused() -> None:
    with pytest.raises(BadReference) as refused:
        segment("")
    assert refused.value.empty
    with pytest.raises(BadReference) as refused:
        segment("\udc80")
    assert not refused.value.empty
