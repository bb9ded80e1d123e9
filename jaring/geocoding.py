"""Optional online geocoding of unresolved region texts (geopy Nominatim): off by default, cached, accepted by hand.

Nothing here runs unless the analyst switches it on in the Regions page settings. Requests go one per second
(geopy's RateLimiter, as Nominatim's usage policy asks) with a custom user agent; every answer is stored in
the `geocode_cache` table and counts on the maps only after the analyst accepted it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from jaring import db
from jaring.gazetteer import Gazetteer, default_gazetteer
from jaring.region_index import reindex_region_texts

DEFAULT_USER_AGENT = "jaring-dashboard/0.1 (Indonesian migrant worker protection analysts)"
DEFAULT_DOMAIN = "nominatim.openstreetmap.org"
BATCH_SIZE = 20  # texts per click: 20 s at 1 request/s keeps the page responsive
RESULT_COLUMNS = ["query", "found", "lat", "lon", "display_name", "region_code", "distance_km", "fetched_at"]


@dataclass(frozen=True)
class GeocoderSettings:
    """Where and how to ask. Tests point `domain` at a local server with scheme "http"."""

    user_agent: str = DEFAULT_USER_AGENT
    domain: str = DEFAULT_DOMAIN
    scheme: str = "https"
    timeout_s: float = 10.0
    min_delay_s: float = 1.0


@dataclass
class GeocodeOutcome:
    """Answers of one batch: `results` rows for geocode_cache; `failed` texts got no answer (not stored)."""

    results: pd.DataFrame
    failed: list[str]

    @property
    def found(self) -> int:
        """Texts the geocoder placed."""
        return int(self.results["found"].sum()) if len(self.results) else 0

    @property
    def missing(self) -> int:
        """Texts the geocoder answered "nothing found" for."""
        return len(self.results) - self.found


def make_geocoder(settings: GeocoderSettings) -> Nominatim:
    """A Nominatim client with the analyst's user agent (the public service rejects the default one)."""
    return Nominatim(user_agent=settings.user_agent, domain=settings.domain, scheme=settings.scheme,
                     timeout=settings.timeout_s)


def geocode_texts(texts: Iterable[str], settings: GeocoderSettings, gazetteer: Gazetteer | None = None,
                  progress: Callable[[float, str], None] | None = None) -> GeocodeOutcome:
    """Ask the geocoder for each text (restricted to Indonesia), one request per `min_delay_s` seconds.

    Args:
        texts: unresolved region texts.
        settings: geocoder settings.
        gazetteer: to map an answer to its nearest regency (default: the bundled reference).
        progress: optional callback(fraction, text).

    Returns:
        The answers (each with the nearest regency and the distance to its reference point) and the texts
        that failed (network error, refusal), which are not cached so they can be asked again.
    """
    gazetteer = gazetteer or default_gazetteer()
    ask = RateLimiter(make_geocoder(settings).geocode, min_delay_seconds=settings.min_delay_s, max_retries=0,
                      swallow_exceptions=False)
    texts = list(dict.fromkeys(texts))
    rows, failed = [], []
    for index, text in enumerate(texts):
        if progress:
            progress(index / max(len(texts), 1), text)
        try:
            location = ask(text, exactly_one=True, country_codes="id", language="id")
        except GeopyError:
            failed.append(text)
            continue
        rows.append(_result_row(text, location, gazetteer))
    return GeocodeOutcome(pd.DataFrame(rows, columns=RESULT_COLUMNS), failed)


def _result_row(text: str, location, gazetteer: Gazetteer) -> dict:
    now = datetime.now(ZoneInfo("Asia/Jakarta")).replace(tzinfo=None)
    if location is None:
        return {"query": text, "found": False, "lat": None, "lon": None, "display_name": None,
                "region_code": None, "distance_km": None, "fetched_at": now}
    nearest = gazetteer.nearest_regency(location.latitude, location.longitude)
    return {"query": text, "found": True, "lat": location.latitude, "lon": location.longitude,
            "display_name": location.address, "region_code": nearest.code, "distance_km": nearest.score,
            "fetched_at": now}


def store_results(db_path, results: pd.DataFrame) -> None:
    """Write answers into geocode_cache through the writer (replacing earlier answers for the same texts)."""
    if results.empty:
        return
    frame = results[RESULT_COLUMNS].astype({"query": object, "display_name": object, "region_code": object})
    with db.writer(db_path) as con:
        with db.registered(con, geocode_batch=frame):
            db.run_script(con, "regions/geocode_store")


def accept_results(db_path, queries: list[str]) -> int:
    """Accept answers: they count from now on. Re-indexes the detections carrying those texts.

    Returns:
        How many answers were newly accepted.
    """
    if not queries:
        return 0
    now = datetime.now(ZoneInfo("Asia/Jakarta")).replace(tzinfo=None)
    with db.writer(db_path) as con:
        con.execute("begin transaction")
        before = con.execute("select count(*) from geocode_cache where accepted_at is not null").fetchone()[0]
        db.run_script(con, "regions/geocode_accept", queries=list(queries), now=now)
        after = con.execute("select count(*) from geocode_cache where accepted_at is not null").fetchone()[0]
        reindex_region_texts(con, list(queries))
        con.execute("commit")
    return int(after - before)


def candidates(query: Callable[..., pd.DataFrame], limit: int = BATCH_SIZE) -> pd.DataFrame:
    """Unresolved region texts not asked yet, most rows first (`total` holds how many there are in all)."""
    return query("geocode_candidates", limit=limit)


def results(query: Callable[..., pd.DataFrame], accepted: bool = False) -> pd.DataFrame:
    """Cached answers waiting for acceptance (or the accepted ones)."""
    return query("geocode_results", accepted=accepted)
