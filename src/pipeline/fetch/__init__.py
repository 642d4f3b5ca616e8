"""Fetch: download pages politely and decode them right."""

from pipeline.fetch.client import build_client
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.replay import ReplayTransport

__all__ = ["Fetcher", "ReplayTransport", "build_client"]
