"""Large synthetic detection exports and databases for the benchmarks (obviously fake identifiers)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from jaring import db

PLATFORMS = np.array(["Facebook", "Instagram", "TikTok", "X", "Telegram", "WhatsApp", "YouTube", "Website"])
STATUSES = np.array(["terdeteksi", "dilaporkan", "diblokir", "ditolak"])
REGIONS = np.array(["Kab. Indramayu", "Cianjur", "Lombok Timur", "Kab. Ponorogo", "Jatim", "Kota Bandung",
                    "Cilacap", "Kupang", "Lampung Timur", "Deli Serdang", "Blitar", "Sukabumi"])
COUNTRIES = np.array(["Malaysia", "Arab Saudi", "Taiwan", "Hong Kong", "Kamboja", "Myanmar", "Singapura"])
BANKS = np.array(["BRI", "BCA", "BNI", "Mandiri", "BSI"])
HEADERS = ["No Deteksi", "Tgl Deteksi", "Platform", "Akun", "Isi Iklan", "No HP/WA", "No Rek", "Wilayah Sasaran",
           "Negara Tujuan", "Status", "Tgl Lapor", "Tgl Blokir"]


def _dates(days: np.ndarray, minutes: np.ndarray) -> pd.Series:
    stamps = pd.Timestamp("2024-11-01") + pd.to_timedelta(days, unit="D") + pd.to_timedelta(minutes, unit="m")
    return pd.Series(stamps).dt.strftime("%d/%m/%Y %H:%M")


def synthetic_detections(rows: int, accounts: int | None = None, seed: int = 1) -> pd.DataFrame:
    """A messy detection export: `accounts` accounts (default rows/5) sharing ~accounts/2 phones and banks,
    identifiers both in their columns and in the ad text."""
    rng = np.random.default_rng(seed)
    n_accounts = accounts or max(rows // 5, 1)
    accounts = rng.integers(0, n_accounts, rows)
    phone_of_account = rng.integers(0, max(n_accounts // 2, 1), n_accounts)
    phones = phone_of_account[accounts]
    phone_text = pd.Series(phones).map(lambda n: f"0812-0000-{n % 10000:04d}" if n < 10000 else
                                       f"+62 813 0000 {n % 10000:04d}" if n < 20000 else f"0857{n:08d}")
    bank = pd.Series(BANKS[phones % len(BANKS)]) + " 0000-" + pd.Series(phones % 100000).map("{:05d}".format)
    days = rng.integers(0, 730, rows)
    status = STATUSES[rng.choice(len(STATUSES), rows, p=[0.5, 0.25, 0.2, 0.05])]
    reported = np.where(status != "terdeteksi", days + rng.integers(0, 10, rows), -1)
    blocked = np.where(status == "diblokir", reported + rng.integers(1, 60, rows), -1)
    zero = np.zeros(rows, dtype=int)
    ad = ("LOKER " + pd.Series(COUNTRIES[days % len(COUNTRIES)]).str.upper() + "! gaji besar tanpa biaya, hub WA "
          + phone_text + " transfer DP ke " + bank)
    frame = pd.DataFrame({
        "No Deteksi": pd.Series(np.arange(rows)).map("B{:08d}".format),
        "Tgl Deteksi": _dates(days, rng.integers(0, 1440, rows)),
        "Platform": PLATFORMS[accounts % len(PLATFORMS)],
        "Akun": pd.Series(accounts).map("akun_{:07d}".format),
        "Isi Iklan": ad,
        "No HP/WA": phone_text,
        "No Rek": bank,
        "Wilayah Sasaran": REGIONS[rng.integers(0, len(REGIONS), rows)],
        "Negara Tujuan": COUNTRIES[rng.integers(0, len(COUNTRIES), rows)],
        "Status": status,
        "Tgl Lapor": _dates(np.maximum(reported, 0), zero).where(reported >= 0, ""),
        "Tgl Blokir": _dates(np.maximum(blocked, 0), zero).where(blocked >= 0, ""),
    })
    return frame[HEADERS]


def write_detection_export(path: Path, rows: int, accounts: int | None = None) -> Path:
    """Write the synthetic export as a semicolon CSV (through DuckDB: pandas' writer is slow at 1 M rows)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = db.memory_connection()
    db.register_frame(con, "export", synthetic_detections(rows, accounts))
    con.execute("copy export to $path (header, delimiter ';')", {"path": str(path)})
    return path




def build_bench_database(path: Path, rows: int, accounts: int | None = None) -> Path:
    """A database filled through the normal import path from a synthetic export (reused when present)."""
    from jaring.ingest import import_files

    if path.exists():
        return path
    export = write_detection_export(path.with_suffix(".csv"), rows, accounts)
    (result,) = import_files(path, [export])
    if result.status != "loaded":
        raise RuntimeError(result.message)
    return path
