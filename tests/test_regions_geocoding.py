"""Optional geocoding against a local server on 127.0.0.1 that answers like Nominatim: no call leaves the machine."""

from __future__ import annotations

import json
import shutil
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from jaring import db, geocoding, regions
from jaring.filters import Filters
from jaring.ingest import import_files

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PERIOD = Filters(date(2025, 9, 1), date(2025, 10, 31))
# What the fake Nominatim knows: a village in Kab. Indramayu for the detection's unresolved text, a place in
# Kab. Cianjur for the cases' "Berantah, Antah"; the server fails on "RUSAK".
PLACES = {
    "Negeri Antah Berantah": {"lat": "-6.3833", "lon": "108.1500",
                              "display_name": "Losarang, Indramayu, Jawa Barat, Indonesia"},
    "Berantah, Antah": {"lat": "-7.1300", "lon": "107.1600",
                        "display_name": "<b>Cianjur</b>, Jawa Barat, Indonesia"},
}


class FakeNominatim(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 (the http.server API)
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        FakeNominatim.requests.append({"path": url.path, "params": params, "time": time.monotonic(),
                                       "agent": self.headers.get("User-Agent")})
        if params.get("q") == "RUSAK":
            self.send_response(500)
            self.end_headers()
            return
        place = PLACES.get(params.get("q"))
        body = json.dumps([{"place_id": 1, "importance": 0.5, **place}] if place else []).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def nominatim():
    FakeNominatim.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield geocoding.GeocoderSettings(user_agent="jaring-test/1.0", domain=f"127.0.0.1:{server.server_port}",
                                     scheme="http", timeout_s=5)
    server.shutdown()
    server.server_close()


@pytest.fixture
def database(tmp_path_factory, tmp_path) -> Path:
    template = tmp_path_factory.getbasetemp() / "geocoding_template.duckdb"
    if not template.exists():
        results = import_files(template, [FIXTURES / "regions_detections.csv", FIXTURES / "regions_cases.csv"])
        assert all(r.status == "loaded" for r in results)
    path = tmp_path / "geo.duckdb"
    shutil.copyfile(template, path)
    return path


def test_geocoding_is_rate_limited_identified_and_restricted_to_indonesia(nominatim):
    started = time.monotonic()
    outcome = geocoding.geocode_texts(["Negeri Antah Berantah", "Tidak Ada", "RUSAK"], nominatim)
    assert time.monotonic() - started >= 2.0  # three requests at one per second: two waits
    times = [r["time"] for r in FakeNominatim.requests]
    # The client waits a second between the starts of its requests; the server sees them arrive with the jitter
    # of a loaded machine (a gap of 0.98 s once failed the suite). Without the wait they come milliseconds apart.
    assert all(b - a >= 0.9 for a, b in zip(times, times[1:], strict=False))
    assert {r["agent"] for r in FakeNominatim.requests} == {"jaring-test/1.0"}
    assert {r["path"] for r in FakeNominatim.requests} == {"/search"}
    assert {r["params"]["countrycodes"] for r in FakeNominatim.requests} == {"id"}
    assert outcome.failed == ["RUSAK"]  # a server error is not cached, so it can be asked again
    assert (outcome.found, outcome.missing) == (1, 1)
    found = outcome.results.set_index("query").loc["Negeri Antah Berantah"]
    assert found["region_code"] == "32.12"  # Losarang lies in Kab. Indramayu
    assert found["display_name"] == "Losarang, Indramayu, Jawa Barat, Indonesia"


def test_results_count_only_after_the_analyst_accepts_them(nominatim, database):
    reader = db.Reader(database)
    candidates = geocoding.candidates(reader.query)
    assert candidates[["query", "rows", "total"]].values.tolist() == [
        ["Berantah, Antah", 1, 2], ["Negeri Antah Berantah", 1, 2]]  # C06's origin, R26's target region
    outcome = geocoding.geocode_texts(candidates["query"], nominatim)
    geocoding.store_results(database, outcome.results)
    assert geocoding.candidates(reader.query).empty
    pending = geocoding.results(reader.query)
    assert pending[["query", "region_code", "region_name"]].values.tolist() == [
        ["Berantah, Antah", "32.03", "Kabupaten Cianjur"], ["Negeri Antah Berantah", "32.12", "Kabupaten Indramayu"]]
    # Stored but not accepted: the maps do not count them yet.
    before = regions.region_activity(reader.query, PERIOD, "both", PERIOD.start, PERIOD.end).set_index("code")
    assert before.loc["32.12", "detections"] == 3 and before.loc["32.03", "cases"] == 2

    assert geocoding.accept_results(database, ["Negeri Antah Berantah", "Berantah, Antah"]) == 2
    after = regions.region_activity(reader.query, PERIOD, "both", PERIOD.start, PERIOD.end).set_index("code")
    assert after.loc["32.12", "detections"] == 3 + 1  # R26 now counts in Indramayu
    assert after.loc["32.03", ["cases", "victims"]].tolist() == [2 + 1, 3 + 2]  # C06 with 2 victims
    assert reader.sql("select source from detection_regions where detection_id = 'R26'")["source"].tolist() == [
        "geocoded"]
    assert regions.unplaced_counts(reader.query, PERIOD, PERIOD.start, PERIOD.end)["detections_unplaced"] == 1
    assert geocoding.results(reader.query).empty
    assert len(geocoding.results(reader.query, accepted=True)) == 2
