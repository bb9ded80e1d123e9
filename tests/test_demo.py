"""Tests for the synthetic demo exports: shape, messiness, planted facts, safety and determinism."""

from __future__ import annotations

import csv
import re
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import phonenumbers
import pytest

from jaring import demo_data as D
from jaring.columns import CASES, DETECTIONS, guess_kind, map_headers
from jaring.demo import write_demo_exports
from jaring.demo_world import build_model

TODAY = date(2026, 11, 27)
REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
PLATFORM_HOSTS = {"www.facebook.com", "www.instagram.com", "www.tiktok.com", "x.com", "t.me", "whatsapp.com",
                  "www.youtube.com"}
LATE_NAMES = {"18.13": r"pesisir barat", "53.18": r"sumba barat daya|\bsbd\b", "61.11": r"kayong utara"}
LAST_TWO_MONTHS = date(2026, 10, 1)


# ---------------------------------------------------------------- fixtures and parsing helpers


def _read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.readline()
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=";" if sample.count(";") > sample.count(",") else ",")
        return list(reader.fieldnames), list(reader)


def _read_xlsx(path: Path) -> tuple[list[str], list[dict]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    headers = list(rows[0])
    padded = [row + (None,) * (len(headers) - len(row)) for row in rows[1:]]  # trailing blanks are trimmed
    return headers, [{h: "" if v is None else v for h, v in zip(headers, row, strict=True)} for row in padded]


def _canonical(rows: list[dict], headers: dict[str, str], source: str) -> list[dict]:
    return [{field: row[header] for field, header in headers.items()} | {"_file": source} for row in rows]


def _parse_day(value) -> date | None:
    """Read the day back from any format the generator writes; None for deliberately bad dates."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if m := re.fullmatch(r"(\d{2})[/-](\d{2})[/-](\d{4})(?: \d{2}:\d{2})?", text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", text):
            return date(int(m[3]), D.MONTHS_ID.index(m[2]) + 1, int(m[1]))
    except ValueError:
        return None
    return None


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[Path]:
    return write_demo_exports(tmp_path_factory.mktemp("demo"), seed=7, today=TODAY)


@pytest.fixture(scope="module")
def parsed(files) -> dict:
    csv_headers, csv_rows = _read_csv(files[0])
    xlsx_headers, xlsx_rows = _read_xlsx(files[1])
    case_headers, case_rows = _read_csv(files[2])
    detections = (_canonical(csv_rows, D.DETECTION_CSV_HEADERS, "csv")
                  + _canonical(xlsx_rows, D.DETECTION_XLSX_HEADERS, "xlsx"))
    return {"headers": {"csv": csv_headers, "xlsx": xlsx_headers, "cases": case_headers},
            "detections": detections, "cases": _canonical(case_rows, D.CASE_HEADERS, "cases")}


@pytest.fixture(scope="module")
def model():
    return build_model(seed=7, today=TODAY)


def _all_cells(parsed) -> list[str]:
    rows = parsed["detections"] + parsed["cases"]
    return [str(v) for row in rows for k, v in row.items() if k != "_file" and not isinstance(v, date)]


# ---------------------------------------------------------------- files, headers, determinism


def test_file_names_say_demo_and_detections_come_first(files):
    assert [p.name for p in files] == ["DEMO-SINTETIS_deteksi_2024-11_2026-10.csv",
                                       "DEMO-SINTETIS_deteksi_2026-11.xlsx",
                                       "DEMO-SINTETIS_pengaduan_kasus.csv"]
    assert all("DEMO" in p.name for p in files)


def test_main_csv_is_semicolon_utf8_with_bom(files):
    raw = files[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n", 1)[0].decode("utf-8-sig").startswith("No. Deteksi;Tgl Deteksi;")


@pytest.mark.parametrize(("key", "kind"), [("csv", DETECTIONS), ("xlsx", DETECTIONS), ("cases", CASES)])
def test_every_header_maps_to_its_field_and_kind(parsed, key, kind):
    headers = parsed["headers"][key]
    expected = {"csv": D.DETECTION_CSV_HEADERS, "xlsx": D.DETECTION_XLSX_HEADERS,
                "cases": D.CASE_HEADERS}[key]
    mapping = map_headers(headers, kind)
    assert guess_kind(headers) == kind
    assert mapping.unmapped == ()
    assert mapping.missing_required() == []
    assert mapping.fields == {field: header for field, header in expected.items()}


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path, files):
    again = write_demo_exports(tmp_path / "again", seed=7, today=TODAY)
    for first, second in zip(files, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
    other = write_demo_exports(tmp_path / "other", seed=8, today=TODAY)
    assert all(a.read_bytes() != b.read_bytes() for a, b in zip(files, other, strict=True))


def test_fast_and_today_moves_the_window(tmp_path):
    start = time.process_time()  # CPU time: wall time is meaningless when other test runs share the machine
    paths = write_demo_exports(tmp_path, seed=3, today=date(2027, 3, 15))
    assert time.process_time() - start < 3
    assert paths[0].name == "DEMO-SINTETIS_deteksi_2025-03_2027-02.csv"
    assert paths[1].name == "DEMO-SINTETIS_deteksi_2027-03.xlsx"


# ---------------------------------------------------------------- sizes and time range


def test_sizes(parsed, model):
    detection_ids = {r["detection_id"] for r in parsed["detections"]}
    assert 12_000 <= len(detection_ids) <= 20_000
    assert 4_000 <= len(model.accounts) <= 6_000
    assert 1_300 <= len(parsed["cases"]) <= 1_800
    platforms = Counter(a.platform for a in model.accounts)
    assert set(platforms) == set(D.PLATFORM_WEIGHTS)
    assert all(a.handle.endswith(".example") for a in model.accounts if a.platform == "website")


def test_dates_cover_25_months_ending_this_month(parsed):
    expected = {(2024 + (10 + i) // 12, (10 + i) % 12 + 1) for i in range(25)}
    for key, field in (("detections", "detected_at"), ("cases", "reported_at")):
        days = [d for r in parsed[key] if (d := _parse_day(r[field]))]
        assert {(d.year, d.month) for d in days} == expected, key
        assert max(days) <= TODAY


def test_dates_are_messy(parsed):
    texts = [str(r["detected_at"]) for r in parsed["detections"] if r["_file"] == "csv"]
    assert any(re.fullmatch(r"\d{2}/\d{2}/\d{4}", t) for t in texts)
    assert any(re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", t) for t in texts)
    assert any(re.fullmatch(r"\d{1,2} (Maret|Oktober|Januari) \d{4}", t) for t in texts)


def test_a_handful_of_deliberately_bad_rows(parsed):
    bad = [r for r in parsed["detections"] if not r["account_handle"] and not r["account_url"]]
    bad += [r for r in parsed["detections"] if not r["platform"]]
    bad += [r for r in parsed["detections"] + parsed["cases"]
            if _parse_day(r.get("detected_at") or r.get("reported_at") or "") is None]
    assert 5 <= len(bad) <= 10
    texts = {str(r.get("detected_at") or r.get("reported_at")) for r in bad}
    assert {"kemarin", "31/02/2026"} <= texts


# ---------------------------------------------------------------- nothing real


SEPARATORS = r" / |, |; "


def test_every_phone_has_a_0000_block_and_is_valid(parsed):
    entries = [e for r in parsed["detections"] for e in re.split(SEPARATORS, r["phones"]) if e]
    entries += [e for r in parsed["cases"] for e in re.split(SEPARATORS, r["recruiter_phones"]) if e]
    wallets = [r["ewallets"] for r in parsed["detections"]]
    wallets += [r["recruiter_ewallets"] for r in parsed["cases"]]
    entries += [e for w in wallets for e in re.split(SEPARATORS, w) if e]
    entries += [m for cell in _all_cells(parsed) for m in re.findall(r"wa\.me/\d+", cell)]
    assert len(entries) > 10_000
    for entry in entries:
        digits = re.sub(r"\D", "", entry)
        assert "0000" in digits, entry
        number = phonenumbers.parse("+" + digits if digits.startswith("62") else digits, "ID")
        assert phonenumbers.is_valid_number(number), entry


def test_every_long_number_outside_urls_has_a_0000_block(parsed):
    for cell in _all_cells(parsed):
        text = re.sub(r"https?://\S+|\b\d{2}-\d{2}-\d{4}\b", " ", cell)  # URLs and 04-11-2024 dates
        for run in re.findall(r"[\d(+][\d \-()]{6,}\d", text):
            digits = re.sub(r"\D", "", run)
            assert len(digits) < 8 or "0000" in digits, (run, cell)


def test_bank_accounts_are_from_the_fake_range(parsed):
    cells = [r["bank_accounts"] for r in parsed["detections"]]
    cells += [r["recruiter_bank_accounts"] for r in parsed["cases"]]
    numbers = [re.sub(r"\D", "", part) for c in cells for part in re.split(SEPARATORS, c) if part]
    assert numbers
    assert all(n.startswith("0000") and len(n) in (10, 13, 15) for n in numbers)
    assert any(re.search(r"rek \w+ \d+ a\.n\. ", c) for c in cells)


def test_all_domains_are_example_or_platform_hosts(parsed):
    for cell in _all_cells(parsed):
        for host in re.findall(r"https?://([^/\s\"'>]+)", cell):
            assert host in PLATFORM_HOSTS or host.endswith(".example"), (host, cell)
        for domain in re.findall(r"[\w.+-]+@([A-Za-z0-9.-]+\.[A-Za-z]+)", cell):
            assert domain == "mail.example", cell
    websites = [r["account_handle"] for r in parsed["detections"]
                if r["platform"] in D.PLATFORM_LABELS["website"] and r["account_handle"]]
    assert websites and all(h.endswith(".example") for h in websites)


def test_hostile_strings_are_present(parsed):
    cells = _all_cells(parsed)
    for needle in (*D.HOSTILE_DISPLAY_NAMES, D.HOSTILE_HANDLE, D.HOSTILE_TEXT):
        assert any(needle in c for c in cells), needle


# ---------------------------------------------------------------- planted structure


def _components(accounts, skip: set) -> list[list]:
    """Connected components of accounts linked by shared phone, bank account, e-wallet or the hub phone.

    `skip` holds identifiers, or (account key, identifier) pairs, to leave out.
    """
    parent = list(range(len(accounts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_holder: dict = {}
    for i, acc in enumerate(accounts):
        for ident in [*acc.phones, *acc.banks, *(w[1] for w in acc.wallets), *[D.HUB_PHONE] * acc.hub]:
            if ident in skip or (acc.key, ident) in skip:
                continue
            j = first_holder.setdefault(ident, i)
            parent[find(i)] = find(j)
    groups: dict[int, list] = {}
    for i, acc in enumerate(accounts):
        groups.setdefault(find(i), []).append(acc)
    return list(groups.values())


def test_networks_are_connected_heavy_tailed_and_bridged(model):
    nets = {n.nid: n for n in model.networks}
    own = {n.nid: {*n.phones, *n.banks, *(w[1] for w in n.wallets)} for n in nets.values()}
    # the one foreign identifier each bridging account carries
    bridges = {(acc.key, ident) for a, b, _kind in D.BRIDGES for acc in model.accounts if acc.network == b
               for ident in [*acc.phones, *acc.banks, *(w[1] for w in acc.wallets)] if ident in own[a]}
    assert len(bridges) == len(D.BRIDGES)
    groups = [g for g in _components(model.accounts, {D.HUB_PHONE} | bridges) if len(g) > 1]
    sizes = sorted((len(g) for g in groups), reverse=True)
    assert sizes == sorted(D.NETWORK_SIZES, reverse=True)
    assert min(sizes) == 2 and max(sizes) == 150 and len(sizes) >= 30
    assert all(len({a.network for a in g}) == 1 for g in groups)
    assert any(len({a.platform for a in g}) >= 4 for g in groups)  # cross-platform networks
    bridged = {len(g) for g in _components(model.accounts, {D.HUB_PHONE}) if len(g) > 1}
    for a, b, _kind in D.BRIDGES:
        assert D.NETWORK_SIZES[a - 1] + D.NETWORK_SIZES[b - 1] in bridged
    # some networks keep posting after part of them was blocked
    still = [n for n in model.networks if any(a.network == n.nid and a.state(TODAY)[0] != "diblokir"
                                              for a in model.accounts)]
    assert len(still) >= 10


def test_hub_phone_links_unrelated_accounts(model, parsed):
    hub = [a for a in model.accounts if a.hub]
    assert len(hub) == D.HUB_ACCOUNTS
    assert len({a.network for a in hub if a.network}) >= 10
    giant = max(_components(model.accounts, set()), key=len)  # what the hub guard must cut
    assert len(giant) > 300 and len({a.network for a in giant if a.network}) >= 10
    pattern = re.compile(r"(?:\+62 21|\(021\)|021)[ -]?0000[ -]?0000")
    quoting = {r["account_url"] or r["account_handle"] for r in parsed["detections"]
               if pattern.search(r["content_text"]) or pattern.search(r["phones"])}
    assert len(quoting) >= 60


def test_identifiers_appear_in_columns_and_in_ad_text(parsed):
    pattern = re.compile(r"0\d{3}-0000-\d{4}|wa\.me/62")
    in_text = sum(bool(pattern.search(r["content_text"])) for r in parsed["detections"])
    in_column = sum(bool(r["phones"]) for r in parsed["detections"])
    assert in_text > 3_000 and in_column > 5_000


def test_late_regencies_appear_only_in_the_last_two_months(parsed):
    for code, pattern in LATE_NAMES.items():
        rows = [r for r in parsed["detections"]
                if re.search(pattern, f"{r['target_region']} {r['content_text']}", re.IGNORECASE)]
        assert all(_parse_day(r["detected_at"]) >= LAST_TWO_MONTHS for r in rows), code
        assert 10 <= len({r["detection_id"] for r in rows}) <= 25, code
        cases = [r for r in parsed["cases"] if re.search(pattern, r["origin_regency"], re.IGNORECASE)]
        assert all(_parse_day(r["reported_at"]) >= LAST_TWO_MONTHS for r in cases), code
        assert 10 <= len(cases) <= 25, code


def test_surge_regency_rate_jumps_in_the_last_two_months(model):
    def monthly(days: list[date]) -> tuple[float, float]:
        before = [d for d in days if d < LAST_TWO_MONTHS]
        return len(before) / 23, (len(days) - len(before)) / 2

    posts = [p.at.date() for p in model.posts if p.account.region == D.SURGE_REGENCY]
    cases = [c.day for c in model.cases if c.origin == D.SURGE_REGENCY]
    for days in (posts, cases):
        baseline, recent = monthly(days)
        assert 0.5 <= baseline <= 3 and recent >= 4 * baseline


def test_takedown_backlog_and_trend(model):
    ages = Counter()
    for acc in model.accounts:
        status, reported, _blocked, _ = acc.state(TODAY)
        if status == "dilaporkan":
            age = (TODAY - reported).days
            ages["<7" if age < 7 else "7-30" if age < 30 else "30-90" if age < 90 else ">90"] += 1
    assert all(ages[b] >= 20 for b in ("<7", "7-30", "30-90", ">90")), ages
    blocks = Counter((d.year, d.month) for a in model.accounts for d, s in a.events if s == "diblokir")
    months = [(m.year, m.month) for m in model.months]
    assert sum(blocks[m] for m in months[13:24]) > 1.2 * sum(blocks[m] for m in months[1:12])

    def median_delay(platform: str) -> int:
        delays = sorted((b - r).days for a in model.accounts if a.platform == platform
                        for r, b in [(a.state(TODAY)[1], a.state(TODAY)[2])] if r and b)
        return delays[len(delays) // 2]

    assert median_delay("tiktok") < median_delay("facebook") < median_delay("telegram")
    assert median_delay("website") > 60
    assert Counter(a.state(TODAY)[0] for a in model.accounts)["ditolak"] > 100


def test_monthly_export_overlaps_and_updates_statuses(parsed):
    old = {r["detection_id"]: r for r in parsed["detections"] if r["_file"] == "csv"}
    new = [r for r in parsed["detections"] if r["_file"] == "xlsx" and r["detection_id"] in old]
    assert len(new) > 100
    changed = Counter((old[r["detection_id"]]["status"].lower(), str(r["status"]).lower()) for r in new)
    assert changed[("dilaporkan", "diblokir")] + changed[("dilaporkan", "di-takedown")] > 20
    restored = {r["account_url"] or r["account_handle"] for r in new if r["status"].lower() == "dipulihkan"}
    reblocked = {r["account_url"] or r["account_handle"] for r in parsed["detections"]
                 if r["_file"] == "xlsx" and r["status"].lower() == "diblokir"
                 and isinstance(r["blocked_at"], datetime) and r["blocked_at"].date() > date(2026, 11, 1)}
    assert restored and restored & reblocked


def test_cases_match_detected_identifiers_about_half_the_time(model):
    known = {i for a in model.accounts for i in [*a.phones, *a.banks, *a.wallets]}
    for case in model.cases:
        own = [*case.phones, *case.banks, *case.wallets]
        assert all(i in known for i in own) if case.account else not any(i in known for i in own)
    by_identifier = sum(bool(c.phones or c.banks or c.wallets) for c in model.cases if c.account)
    assert 0.4 <= by_identifier / len(model.cases) <= 0.6
    assert any(c.account and not (c.phones or c.banks or c.wallets) for c in model.cases)  # account only
    recent = Counter(c.dest for c in model.cases if c.day >= date(2026, 5, 1))
    early = Counter(c.dest for c in model.cases if c.day < date(2025, 6, 1))
    share = lambda counts: sum(counts[d] for d in ("KH", "MM", "LA")) / sum(counts.values())  # noqa: E731
    assert share(recent) > 2 * share(early)


# ---------------------------------------------------------------- regions and countries resolve


def _aliases(name: str, key: str) -> dict[str, set[str]]:
    with (REFERENCE / name).open(encoding="utf-8") as handle:
        table: dict[str, set[str]] = {}
        for row in csv.DictReader(handle):
            table.setdefault(row["alias"], set()).add(row[key])
        return table


def test_planted_regency_codes_are_official(model):
    with (REFERENCE / "regions.csv").open(encoding="utf-8") as handle:
        names = {row["code"]: row["name"] for row in csv.DictReader(handle)}
    for code, (short, is_kota, _w, _extra) in D.REGENCIES.items():
        assert names[code] == f"{'Kota' if is_kota else 'Kabupaten'} {short}", code
    assert names[D.SURGE_REGENCY] == "Kabupaten Sambas"
    assert [names[c] for c in D.LATE_REGENCIES] == ["Kabupaten Pesisir Barat", "Kabupaten Sumba Barat Daya",
                                                     "Kabupaten Kayong Utara"]


def test_region_and_country_texts_resolve(parsed):
    regions = _aliases("region_aliases.csv", "code")
    countries = _aliases("country_aliases.csv", "iso2")
    junk = {j.lower() for j in D.JUNK_REGIONS}
    texts = Counter(r["target_region"].lower() for r in parsed["detections"] if r["target_region"])
    texts.update(r["origin_regency"].lower() for r in parsed["cases"] if r["origin_regency"])
    texts.update(r["origin_province"].lower() for r in parsed["cases"] if r["origin_province"])
    unresolved = [t for t in texts if t not in regions and t.split(",")[0].strip() not in regions
                  and t.removeprefix("prov. ") not in regions]
    assert set(unresolved) <= junk | {"tidak diketahui"}
    assert len(set(unresolved) & junk) >= 3
    for row in parsed["detections"] + parsed["cases"]:
        if row["destination_country"]:
            assert row["destination_country"].lower() in countries, row["destination_country"]
