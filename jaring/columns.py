"""Header aliases: the one table that maps export column names to Jaring's canonical fields."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from rapidfuzz import fuzz, process

DETECTIONS = "detections"
CASES = "cases"
KINDS = (DETECTIONS, CASES)

# Canonical field -> header spellings seen in real exports (Indonesian and English).
# Matching ignores case, spaces and punctuation, so "Tgl. Deteksi" and "tgl_deteksi" are one alias.
DETECTION_ALIASES: dict[str, tuple[str, ...]] = {
    "detection_id": ("detection_id", "id_deteksi", "no_deteksi", "nomor_deteksi", "id", "kode_deteksi",
                     "id_temuan", "no_temuan", "record_id", "item_id"),
    "detected_at": ("detected_at", "tanggal_deteksi", "tgl_deteksi", "tanggal_temuan", "tgl_temuan",
                    "detected_date", "date_detected", "detection_date", "tanggal", "tgl", "waktu_deteksi",
                    "first_detected"),
    "platform": ("platform", "media_sosial", "medsos", "sosmed", "jenis_platform", "platform_name",
                 "media", "kanal", "situs_platform", "source_platform"),
    "account_handle": ("account_handle", "akun", "nama_akun", "username", "handle", "akun_medsos",
                       "user_name", "id_akun", "account", "account_name", "akun_pelaku", "user_id"),
    "account_url": ("account_url", "url_akun", "link_akun", "tautan_akun", "profile_url", "url_profil",
                    "link_profil", "url_situs", "alamat_situs", "website", "situs"),
    "display_name": ("display_name", "nama_tampilan", "nama_profil", "profile_name", "nama", "name"),
    "content_url": ("content_url", "post_url", "url_postingan", "link_postingan", "url_konten",
                    "link_konten", "tautan_konten", "url", "link", "tautan", "url_iklan", "link_iklan"),
    "content_text": ("content_text", "ad_text", "teks_iklan", "isi_iklan", "konten", "isi_konten",
                     "isi_postingan", "caption", "text", "teks", "deskripsi", "isi", "keterangan_iklan"),
    "phones": ("phones", "phone", "no_hp", "nomor_hp", "no_telp", "nomor_telepon", "telepon", "no_wa",
               "nomor_wa", "whatsapp", "wa", "kontak", "nomor_kontak", "hp", "phone_number", "telp", "no_hp_wa",
               "nomor_hp_wa",
               "hp_wa", "no_wa_hp", "no_telp_wa", "telepon_wa", "phone_whatsapp", "nomor_telepon_wa"),
    "bank_accounts": ("bank_accounts", "bank_account", "no_rek", "no_rekening", "nomor_rekening",
                      "rekening", "rek", "nama_bank", "bank", "rekening_bank", "account_number"),
    "ewallets": ("ewallets", "ewallet", "e_wallet", "dompet_digital", "dompet_elektronik",
                 "nomor_ewallet", "dana_ovo_gopay", "wallet"),
    "emails": ("emails", "email", "e_mail", "surel", "alamat_email"),
    "links": ("links", "tautan_lain", "link_lain", "links_in_post", "tautan_dalam_iklan", "shortlink",
              "link_telegram", "telegram", "link_wa"),
    "target_region": ("target_region", "wilayah_sasaran", "daerah_sasaran", "wilayah_target",
                      "target_wilayah", "lokasi", "wilayah", "daerah", "region", "lokasi_sasaran",
                      "kabupaten_kota", "kab_kota", "provinsi"),
    "destination_country": ("destination_country", "negara_tujuan", "negara", "tujuan", "country",
                            "destination", "negara_penempatan"),
    "status": ("status", "status_akun", "status_penanganan", "status_takedown", "tindak_lanjut",
               "account_status"),
    "reported_at": ("reported_at", "tanggal_lapor", "tgl_lapor", "tanggal_pelaporan", "tgl_pelaporan",
                    "tanggal_dilaporkan", "tgl_dilaporkan", "reported_date", "date_reported",
                    "report_date"),
    "blocked_at": ("blocked_at", "tanggal_blokir", "tgl_blokir", "tanggal_pemblokiran", "tgl_pemblokiran",
                   "tanggal_takedown", "tgl_takedown", "blocked_date", "date_blocked", "takedown_date",
                   "tanggal_diblokir"),
    "status_changed_at": ("status_changed_at", "tanggal_status", "tgl_status", "updated_at",
                          "tanggal_update", "tgl_update", "tanggal_pembaruan", "last_updated",
                          "status_date"),
    "lat": ("lat", "latitude", "lintang"),
    "lon": ("lon", "lng", "long", "longitude", "bujur"),
}

CASE_ALIASES: dict[str, tuple[str, ...]] = {
    "case_id": ("case_id", "id_kasus", "no_kasus", "nomor_kasus", "no_pengaduan", "nomor_pengaduan",
                "id_pengaduan", "no_registrasi", "nomor_registrasi", "id", "kode_kasus", "case_number"),
    "reported_at": ("reported_at", "tanggal_pengaduan", "tgl_pengaduan", "tanggal_laporan", "tgl_laporan",
                    "tanggal_lapor", "tgl_lapor", "tanggal", "tgl", "report_date", "date_reported",
                    "tanggal_kasus", "tgl_aduan", "tanggal_aduan"),
    "origin_province": ("origin_province", "provinsi", "provinsi_asal", "prov", "prov_asal", "province",
                        "asal_provinsi"),
    "origin_regency": ("origin_regency", "kab_kota", "kabupaten_kota", "kabupaten", "kota", "kab",
                       "kab_kota_asal", "kabupaten_asal", "daerah_asal", "asal", "regency", "city",
                       "asal_daerah", "kota_kabupaten"),
    "destination_country": ("destination_country", "negara_tujuan", "negara_penempatan", "negara",
                            "tujuan", "country", "destination"),
    "case_type": ("case_type", "jenis_kasus", "jenis_pengaduan", "kategori", "kategori_kasus", "tipe_kasus",
                  "permasalahan", "masalah", "type"),
    "channel": ("channel", "saluran_rekrutmen", "media_rekrutmen", "modus", "cara_rekrutmen",
                "recruitment_channel", "sumber_informasi", "kanal"),
    "recruiter_phones": ("recruiter_phones", "recruiter_phone", "no_hp_perekrut", "nomor_perekrut",
                         "telepon_perekrut", "kontak_perekrut", "no_wa_perekrut", "hp_perekrut",
                         "no_hp", "nomor_hp", "no_wa", "telepon", "no_hp_wa_perekrut", "no_hp_wa"),
    "recruiter_bank_accounts": ("recruiter_bank_accounts", "recruiter_bank", "rekening_perekrut",
                                "no_rek_perekrut", "no_rekening_perekrut", "rekening", "no_rek",
                                "bank_perekrut"),
    "recruiter_ewallets": ("recruiter_ewallets", "recruiter_ewallet", "ewallet_perekrut",
                           "e_wallet_perekrut", "dompet_digital", "ewallet"),
    "recruiter_accounts": ("recruiter_accounts", "recruiter_account", "akun_perekrut", "medsos_perekrut",
                           "akun_media_sosial", "akun", "username_perekrut", "link_perekrut",
                           "recruiter_handle"),
    "description": ("description", "kronologi", "uraian", "keterangan", "deskripsi", "catatan", "notes",
                    "ringkasan"),
    "victims": ("victims", "jumlah_korban", "korban", "jml_korban", "number_of_victims", "victim_count"),
    "status": ("status", "status_kasus", "status_penanganan", "tindak_lanjut", "case_status"),
}

ALIASES = {DETECTIONS: DETECTION_ALIASES, CASES: CASE_ALIASES}

# A file of this kind cannot be imported without these fields. A tuple means "one of".
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    DETECTIONS: (("detected_at",), ("platform",), ("account_handle", "account_url")),
    CASES: (("reported_at",), ("origin_province", "origin_regency", "destination_country")),
}

# Headers that only one kind of export carries; used to tell a detection export from a case export.
_KIND_MARKERS = {
    DETECTIONS: {"platform", "account_handle", "account_url", "content_url", "content_text", "blocked_at",
                 "detected_at", "display_name"},
    CASES: {"case_id", "origin_province", "origin_regency", "case_type", "victims", "channel",
            "recruiter_phones", "recruiter_accounts", "recruiter_bank_accounts", "description"},
}


def header_key(header: str) -> str:
    """Reduce a header to lower-case letters and digits joined by single underscores."""
    text = unicodedata.normalize("NFKC", str(header)).strip().lower().lstrip("\ufeff")
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def _alias_index(kind: str) -> dict[str, str]:
    """Map every alias key of one kind to its canonical field."""
    index: dict[str, str] = {}
    for field, aliases in ALIASES[kind].items():
        for alias in aliases:
            index.setdefault(header_key(alias), field)
    return index


# Export columns that hold identifiers, and the kind each piece is first tried as (jaring.staging).
IDENTIFIER_FIELDS = {
    "phones": "phone",
    "bank_accounts": "bank_account",
    "ewallets": "ewallet",
    "emails": "email",
    "links": "link",
    "recruiter_phones": "phone",
    "recruiter_bank_accounts": "bank_account",
    "recruiter_ewallets": "ewallet",
    "recruiter_accounts": "account",
}
# An export may spread them over several columns ("No HP 1", "No HP 2", "WhatsApp"): every one is read.
_NUMBERED = re.compile(r"_?[0-9]{1,2}$")  # "no_hp_2", "hp2": a further column of the same field


@dataclass(frozen=True)
class ColumnMapping:
    """How one file's headers map to canonical fields."""

    kind: str
    fields: dict[str, str]  # canonical field -> original header (the first, for a field of several columns)
    unmapped: tuple[str, ...]
    more: dict[str, tuple[str, ...]] = dataclass_field(default_factory=dict)  # an identifier field's further headers

    def missing_required(self) -> list[tuple[str, ...]]:
        """Return the required field groups of which the file has none."""
        return [group for group in REQUIRED[self.kind] if not any(f in self.fields for f in group)]

    def headers_of(self, field: str) -> tuple[str, ...]:
        """Every header read for `field`, in file order (none when the file lacks it)."""
        first = self.fields.get(field)
        return (first, *self.more.get(field, ())) if first is not None else ()

    def as_json(self) -> dict[str, str | list[str]]:
        """Field -> header, or the list of headers of a field read from several columns (imports.column_mapping)."""
        return {field: list(self.headers_of(field)) if field in self.more else header
                for field, header in self.fields.items()}


def map_headers(headers: list[str], kind: str) -> ColumnMapping:
    """Map a file's headers to canonical fields of `kind`.

    The first header for a field wins; a further one is read too when the field is a list of identifiers (and
    may then carry a number: "No HP 2"), else it is left out.
    """
    index = _alias_index(kind)
    fields: dict[str, str] = {}
    more: dict[str, list[str]] = {}
    unmapped = []
    for header in headers:
        key = header_key(header)
        field = index.get(key)
        if field is None and (numbered := index.get(_NUMBERED.sub("", key))) in IDENTIFIER_FIELDS:
            field = numbered
        if field is not None and field not in fields:
            fields[field] = header
        elif field in IDENTIFIER_FIELDS:
            more.setdefault(field, []).append(header)
        else:
            unmapped.append(header)
    return ColumnMapping(kind=kind, fields=fields, unmapped=tuple(unmapped),
                         more={field: tuple(names) for field, names in more.items()})


def marker_headers(headers: list[str], kind: str) -> list[str]:
    """The headers that map to marker fields of `kind` (fields only its exports have: platform, case type...)."""
    return [header for field, header in map_headers(headers, kind).fields.items() if field in _KIND_MARKERS[kind]]


def guess_kind(headers: list[str]) -> str | None:
    """Tell a detection export from a case export by the marker fields its headers map to."""
    scores = {kind: len(marker_headers(headers, kind)) for kind in KINDS}
    best = max(scores, key=scores.get)
    other = min(scores, key=scores.get)
    if scores[best] == 0 or scores[best] == scores[other]:
        return None
    return best


def closest_alias(field: str, headers: list[str], kind: str) -> str | None:
    """The file header that looks most like an alias of `field`, to suggest a rename."""
    keys = {header_key(h): h for h in headers}
    aliases = [header_key(a) for a in ALIASES[kind][field]]
    best = None
    for alias in aliases:
        match = process.extractOne(alias, list(keys), score_cutoff=60)
        if match and (best is None or match[1] > best[1]):
            best = (keys[match[0]], match[1])
    return best[0] if best else None


def closest_field(header: str, kind: str, taken: set[str] = frozenset()) -> str | None:
    """The field not in `taken` whose alias `header` most looks like a misspelling of ("Tgl Blokr" -> blocked_at)."""
    index = {key: field for key, field in _alias_index(kind).items() if field not in taken}
    # Plain edit distance: a partial-match scorer would take "No" (a row number) for no_deteksi.
    match = process.extractOne(header_key(header), list(index), scorer=fuzz.ratio, score_cutoff=85)
    return index[match[0]] if match else None


def describe_unused(mapping: ColumnMapping) -> str:
    """The headers no field took, quoted, each with the field it looks like a misspelling of."""
    taken = set(mapping.fields)
    return ", ".join(f"{header!r} (like {field}?)" if (field := closest_field(header, mapping.kind, taken))
                     else repr(header) for header in mapping.unmapped)


def describe_missing(mapping: ColumnMapping, headers: list[str]) -> str:
    """Explain which required columns are missing, the columns found and the nearest candidates."""
    parts = []
    for group in mapping.missing_required():
        wanted = " or ".join(group)
        examples = ", ".join(ALIASES[mapping.kind][group[0]][:4])
        hint = next((h for f in group if (h := closest_alias(f, headers, mapping.kind))), None)
        near = f"; closest header in the file: '{hint}'" if hint else ""
        parts.append(f"{wanted} (e.g. {examples}){near}")
    found = ", ".join(repr(h) for h in headers) or "none"
    return f"missing required column(s): {'; '.join(parts)}. Columns found: {found}."
