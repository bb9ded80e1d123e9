"""Every user-facing string of the app, in Bahasa Indonesia (default) and English, and the current language."""

from __future__ import annotations

import contextvars

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

# The language of the script run in progress. Streamlit runs each session's script in its own thread, so a
# context variable keeps concurrent analysts from switching each other's language.
_current = contextvars.ContextVar("jaring_language", default=DEFAULT_LANGUAGE)

CATALOG: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ shell
    "app.name": {"id": "Jaring", "en": "Jaring"},
    "nav.briefing": {"id": "Ringkasan", "en": "Briefing"},
    "nav.networks": {"id": "Jaringan", "en": "Networks"},
    "nav.regions": {"id": "Wilayah", "en": "Regions"},
    "nav.data": {"id": "Data", "en": "Data"},
    "language.label": {"id": "Bahasa", "en": "Language"},
    "language.id": {"id": "Bahasa Indonesia", "en": "Bahasa Indonesia"},
    "language.en": {"id": "English", "en": "English"},
    "banner.demo": {"id": "Data demo sintetis — bukan data nyata. Semua akun, nomor dan kasus di sini dikarang.",
                    "en": "Synthetic demo data — not real data. Every account, number and case here is made up."},
    "banner.mixed": {"id": "Perhatian: basis data ini mencampur data demo sintetis dengan data nyata. "
                           "Angka di semua halaman menggabungkan keduanya.",
                     "en": "Warning: this database mixes synthetic demo data with real data. "
                           "Figures on every page combine both."},
    "error.unexpected": {"id": "Terjadi kesalahan tak terduga; halaman ini tidak dapat ditampilkan. "
                               "Sampaikan kode referensi {ref} kepada admin (detailnya ada di log server).",
                         "en": "An unexpected error occurred; this page cannot be shown. "
                               "Give the administrator reference {ref} (details are in the server log)."},
    "start.building_demo": {"id": "Menyiapkan basis data demo sintetis (hanya sekali)… {message}",
                            "en": "Preparing the synthetic demo database (only once)… {message}"},
    "start.demo_failed": {"id": "Basis data demo tidak dapat dibuat (kode referensi {ref}).",
                          "en": "The demo database could not be built (reference {ref})."},
    "placeholder.not_built": {"id": "Halaman ini belum dibangun. Isinya menyusul pada tahap berikutnya; "
                                    "sementara itu, lihat halaman Data.",
                              "en": "This page is not built yet. Its content comes in a later step; "
                                    "meanwhile, see the Data page."},
    # ------------------------------------------------------------ sidebar filters
    "filters.header": {"id": "Filter", "en": "Filters"},
    "filters.start_month": {"id": "Dari bulan", "en": "From month"},
    "filters.end_month": {"id": "Sampai bulan", "en": "To month"},
    "filters.platforms": {"id": "Platform", "en": "Platforms"},
    "filters.provinces": {"id": "Provinsi", "en": "Provinces"},
    "filters.countries": {"id": "Negara tujuan", "en": "Destination countries"},
    "filters.all": {"id": "Semua", "en": "All"},
    "filters.reset": {"id": "Atur ulang filter", "en": "Reset filters"},
    "filters.swapped": {"id": "Bulan awal setelah bulan akhir; keduanya ditukar.",
                        "en": "The start month was after the end month; they were swapped."},
    "filters.help": {"id": "Filter berlaku di semua halaman dan tersimpan di alamat (URL), "
                           "sehingga tautan yang dibagikan membuka tampilan yang sama.",
                     "en": "Filters apply to every page and are kept in the address (URL), "
                           "so a shared link opens the same view."},
    "platform.website": {"id": "Situs web", "en": "Website"},
    "platform.other": {"id": "Lainnya", "en": "Other"},
    # ------------------------------------------------------------ placeholder pages
    "briefing.title": {"id": "Ringkasan situasi", "en": "Situation briefing"},
    "networks.title": {"id": "Jaringan perekrut", "en": "Recruiter networks"},
    "regions.title": {"id": "Wilayah sasaran dan asal", "en": "Targeted and origin regions"},
    # ------------------------------------------------------------ regions page (jaring.regions, pages/regions.py)
    "regions.intro": {"id": "Di mana perekrut menyasar dan dari mana korban berasal. Deteksi dihitung di wilayah "
                            "sasarannya (kolom wilayah, nama wilayah dalam teks iklan, atau koordinat); kasus di "
                            "wilayah asal korban.",
                      "en": "Where recruiters target and where victims come from. Detections count in their target "
                            "region (the region column, region names in the ad text, or coordinates); cases in the "
                            "victim's origin region."},
    "regions.signal": {"id": "Sinyal", "en": "Signal"},
    "regions.signal_detections": {"id": "Deteksi", "en": "Detections"},
    "regions.signal_cases": {"id": "Kasus", "en": "Cases"},
    "regions.signal_victims": {"id": "Korban", "en": "Victims"},
    "regions.signal_both": {"id": "Deteksi + kasus", "en": "Detections + cases"},
    "regions.signal_help": {"id": "Deteksi menunjukkan ke mana iklan perekrut diarahkan; kasus dan korban "
                                  "menunjukkan dari mana korban yang melapor berasal. Keduanya menjawab pertanyaan "
                                  "yang berbeda.",
                            "en": "Detections show where recruiters aim their ads; cases and victims show where the "
                                  "victims who reported come from. They answer different questions."},
    "regions.period": {"id": "Periode peta", "en": "Map period"},
    "regions.period_caption": {"id": "Periode: {start} – {end}; dibandingkan dengan {prev_start} – {prev_end}.",
                               "en": "Period: {start} – {end}; compared with {prev_start} – {prev_end}."},
    "regions.bubbles": {"id": "Tampilkan kabupaten/kota", "en": "Show regencies/cities"},
    "regions.unplaced": {"id": "{detections} dari {total} deteksi tanpa wilayah ({with_text} dengan teks wilayah "
                               "yang tidak dikenali); {cases} dari {total_cases} kasus tanpa wilayah asal "
                               "({victims} korban). Baris ini tidak tampil di peta.",
                         "en": "{detections} of {total} detections without a region ({with_text} with an "
                               "unrecognised region text); {cases} of {total_cases} cases without an origin region "
                               "({victims} victims). These rows are not on the map."},
    "regions.cases_platform_note": {"id": "Filter platform hanya berlaku untuk deteksi; kasus tidak memiliki "
                                          "platform akun.",
                                    "en": "The platform filter applies to detections only; cases have no account "
                                          "platform."},
    "regions.index_missing": {"id": "Indeks wilayah deteksi belum dibuat untuk basis data ini.",
                              "en": "The detection region index has not been built for this database."},
    "regions.index_stale": {"id": "Indeks wilayah deteksi belum mencakup impor terakhir (pembaruan otomatis "
                                  "gagal). Angka deteksi di halaman ini mungkin kurang.",
                            "en": "The detection region index does not cover the latest import (the automatic "
                                  "update failed). Detection counts on this page may be short."},
    "regions.index_rebuild": {"id": "Bangun ulang indeks wilayah", "en": "Rebuild the region index"},
    "regions.index_failed": {"id": "Indeks wilayah tidak dapat dibangun; lihat log server.",
                             "en": "The region index could not be built; see the server log."},
    "regions.export_png": {"id": "Unduh PNG", "en": "Download PNG"},
    "regions.export_svg": {"id": "Unduh SVG", "en": "Download SVG"},
    "regions.map_new": {"id": "baru", "en": "new"},
    "regions.map_now": {"id": "Periode ini", "en": "This period"},
    "regions.map_before": {"id": "Periode sebelumnya", "en": "Previous period"},
    "regions.map_change": {"id": "Perubahan", "en": "Change"},
    "regions.map_provinces": {"id": "Provinsi", "en": "Provinces"},
    "regions.map_regencies": {"id": "Kabupaten/kota", "en": "Regencies/cities"},
    "regions.map_quiet_regencies": {"id": "Kabupaten/kota tanpa aktivitas (0)", "en": "Regencies/cities with none (0)"},
    "regions.map_flagged": {"id": "Baru aktif (ditandai)", "en": "Newly active (flagged)"},
    "regions.new_header": {"id": "Wilayah yang baru aktif", "en": "Newly active regions"},
    "regions.new_caption": {"id": "Jendela {window_start} – {window_end} dibandingkan dengan dasar {baseline_start} "
                                  "– {baseline_end}.",
                            "en": "Window {window_start} – {window_end} against the baseline {baseline_start} – "
                                  "{baseline_end}."},
    "regions.new_settings": {"id": "Ambang batas", "en": "Thresholds"},
    "regions.new_window": {"id": "Jendela (bulan terakhir)", "en": "Window (latest months)"},
    "regions.new_baseline": {"id": "Dasar pembanding (bulan sebelumnya)", "en": "Baseline (months before)"},
    "regions.new_min_count": {"id": "Jumlah minimum dalam jendela", "en": "Minimum count in the window"},
    "regions.new_alpha": {"id": "Tingkat signifikansi (p)", "en": "Significance level (p)"},
    "regions.new_min_ratio": {"id": "Rasio minimum terhadap yang diharapkan", "en": "Minimum ratio to expected"},
    "regions.new_method": {"id": "**Baru**: tidak ada aktivitas dalam periode dasar dan minimal {min_count} dalam "
                                 "jendela. **Melonjak**: minimal {min_count} dalam jendela, minimal {min_ratio}× "
                                 "jumlah yang diharapkan dari laju periode dasar, dan uji Poisson satu sisi "
                                 "P(X ≥ jumlah | laju dasar) ≤ {alpha}. Satu kejadian di wilayah yang sepi tidak "
                                 "memicu tanda.",
                           "en": "**New**: no activity in the baseline and at least {min_count} in the window. "
                                 "**Surging**: at least {min_count} in the window, at least {min_ratio}× the count "
                                 "the baseline rate predicts, and a one-sided Poisson test P(X ≥ count | baseline "
                                 "rate) ≤ {alpha}. A single event in a quiet region raises no flag."},
    "regions.new_none": {"id": "Tidak ada wilayah yang baru aktif dengan ambang batas ini.",
                         "en": "No newly active regions at these thresholds."},
    "regions.reason_new": {"id": "Baru: {now} dalam {window} bulan terakhir, nol dalam {baseline} bulan sebelumnya",
                           "en": "New: {now} in the last {window} months, none in the {baseline} months before"},
    "regions.reason_surging": {"id": "Melonjak: {now} vs {expected} yang diharapkan (×{ratio}); Poisson "
                                     "P(X ≥ {now}) = {p} ≤ {alpha}",
                               "en": "Surging: {now} vs {expected} expected (×{ratio}); Poisson "
                                     "P(X ≥ {now}) = {p} ≤ {alpha}"},
    "regions.flag_new": {"id": "baru", "en": "new"},
    "regions.flag_surging": {"id": "melonjak", "en": "surging"},
    "regions.networks_not_available": {"id": "belum tersedia (jaringan belum dibangun)",
                                       "en": "not available yet (networks not built)"},
    "regions.routes_header": {"id": "Rute: wilayah asal → negara tujuan", "en": "Routes: origin region → destination"},
    "regions.routes_level": {"id": "Tingkat asal", "en": "Origin level"},
    "regions.routes_level_province": {"id": "Provinsi", "en": "Province"},
    "regions.routes_level_regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "regions.routes_destinations": {"id": "Negara tujuan", "en": "Destination countries"},
    "regions.routes_none": {"id": "Tidak ada rute dengan negara tujuan dalam periode ini.",
                            "en": "No routes with a destination country in this period."},
    "regions.drill_header": {"id": "Rincian wilayah", "en": "Region drill-down"},
    "regions.drill_region": {"id": "Wilayah", "en": "Region"},
    "regions.drill_distance": {"id": "Tetangga dalam radius (km)", "en": "Neighbours within (km)"},
    "regions.drill_trend": {"id": "Tren bulanan", "en": "Monthly trend"},
    "regions.drill_case_types": {"id": "Jenis kasus", "en": "Case types"},
    "regions.drill_destinations": {"id": "Negara tujuan", "en": "Destinations"},
    "regions.drill_accounts": {"id": "Akun yang menyasar wilayah ini", "en": "Accounts targeting this region"},
    "regions.drill_networks": {"id": "Jaringan yang menyasar wilayah ini", "en": "Networks targeting this region"},
    "regions.drill_neighbours": {"id": "Kabupaten/kota tetangga", "en": "Neighbouring regencies/cities"},
    "regions.geo_header": {"id": "Pengaturan: geokode daring teks wilayah yang tidak dikenali",
                           "en": "Settings: online geocoding of unrecognised region texts"},
    "regions.geo_explain": {"id": "Mati secara bawaan. Jika dinyalakan, teks wilayah yang tidak dikenali dikirim ke "
                                  "layanan Nominatim (OpenStreetMap) melalui internet, 1 permintaan per detik. Hasil "
                                  "disimpan dan baru dihitung setelah Anda menerimanya.",
                            "en": "Off by default. When switched on, unrecognised region texts are sent to the "
                                  "Nominatim (OpenStreetMap) service over the internet, 1 request per second. Results "
                                  "are stored and count only after you accept them."},
    "regions.geo_enable": {"id": "Izinkan geokode daring", "en": "Allow online geocoding"},
    "regions.geo_user_agent": {"id": "User agent (identitas aplikasi untuk Nominatim)",
                               "en": "User agent (identifies the app to Nominatim)"},
    "regions.geo_domain": {"id": "Server Nominatim", "en": "Nominatim server"},
    "regions.geo_candidates": {"id": "Teks belum digeokode: {count}", "en": "Texts not geocoded yet: {count}"},
    "regions.geo_run": {"id": "Geokode {count} teks berikutnya", "en": "Geocode the next {count} texts"},
    "regions.geo_progress": {"id": "Geokode… {message}", "en": "Geocoding… {message}"},
    "regions.geo_done": {"id": "{found} ditemukan, {missing} tidak ditemukan, {failed} gagal (coba lagi nanti).",
                         "en": "{found} found, {missing} not found, {failed} failed (try again later)."},
    "regions.geo_pending": {"id": "Hasil menunggu persetujuan", "en": "Results awaiting acceptance"},
    "regions.geo_accept": {"id": "Terima yang dipilih", "en": "Accept selected"},
    "regions.geo_accepted": {"id": "{count} hasil diterima dan dihitung.",
                             "en": "{count} results accepted and counted."},
    "regions.geo_none": {"id": "Tidak ada hasil yang menunggu.", "en": "No results waiting."},
    "regions.col.code": {"id": "Kode", "en": "Code"},
    "regions.col.region": {"id": "Wilayah", "en": "Region"},
    "regions.col.level": {"id": "Tingkat", "en": "Level"},
    "regions.col.province": {"id": "Provinsi", "en": "Province"},
    "regions.col.now": {"id": "Periode ini", "en": "This period"},
    "regions.col.before": {"id": "Periode sebelumnya", "en": "Previous period"},
    "regions.col.change": {"id": "Perubahan", "en": "Change"},
    "regions.col.window": {"id": "Dalam jendela", "en": "In window"},
    "regions.col.baseline": {"id": "Dalam periode dasar", "en": "In baseline"},
    "regions.col.expected": {"id": "Diharapkan", "en": "Expected"},
    "regions.col.first_seen": {"id": "Pertama terlihat", "en": "First seen"},
    "regions.col.flag": {"id": "Tanda", "en": "Flag"},
    "regions.col.reason": {"id": "Alasan ditandai", "en": "Why flagged"},
    "regions.col.networks": {"id": "Jaringan", "en": "Networks"},
    "regions.col.top_accounts": {"id": "Akun teratas", "en": "Top accounts"},
    "regions.col.origin": {"id": "Asal", "en": "Origin"},
    "regions.col.destination": {"id": "Negara tujuan", "en": "Destination"},
    "regions.col.new_route": {"id": "Rute baru", "en": "New route"},
    "regions.col.detections": {"id": "Deteksi", "en": "Detections"},
    "regions.col.cases": {"id": "Kasus", "en": "Cases"},
    "regions.col.victims": {"id": "Korban", "en": "Victims"},
    "regions.col.case_type": {"id": "Jenis kasus", "en": "Case type"},
    "regions.col.platform": {"id": "Platform", "en": "Platform"},
    "regions.col.handle": {"id": "Akun", "en": "Account"},
    "regions.col.display_name": {"id": "Nama tampilan", "en": "Display name"},
    "regions.col.status": {"id": "Status", "en": "Status"},
    "regions.col.last_detected": {"id": "Deteksi terakhir", "en": "Last detected"},
    "regions.col.network": {"id": "Jaringan", "en": "Network"},
    "regions.col.network_accounts": {"id": "Akun dalam jaringan", "en": "Accounts in network"},
    "regions.col.accounts_here": {"id": "Akun menyasar wilayah ini", "en": "Accounts targeting here"},
    "regions.col.distance_km": {"id": "Jarak (km)", "en": "Distance (km)"},
    "regions.col.query": {"id": "Teks wilayah", "en": "Region text"},
    "regions.col.rows": {"id": "Baris", "en": "Rows"},
    "regions.col.found_name": {"id": "Ditemukan sebagai", "en": "Found as"},
    "regions.col.accept": {"id": "Terima", "en": "Accept"},
    "regions.col.fetched_at": {"id": "Diambil", "en": "Fetched"},
    "regions.unknown": {"id": "(tidak diketahui)", "en": "(unknown)"},
    # ------------------------------------------------------------ data page
    "data.title": {"id": "Data dan impor", "en": "Data and imports"},
    "data.intro": {"id": "Unggah ekspor deteksi atau kasus. Setiap berkas diimpor dalam transaksinya sendiri: "
                         "berkas yang gagal tidak mengubah basis data, dan berkas yang sama tidak diimpor dua kali.",
                   "en": "Upload detection or case exports. Each file is imported in its own transaction: "
                         "a failed file leaves the database unchanged, and the same file is never imported twice."},
    "data.in_filters": {"id": "Dalam filter saat ini (periode, platform, provinsi, negara tujuan)",
                        "en": "Within the current filters (period, platform, province, destination country)"},
    "metric.detections": {"id": "Deteksi", "en": "Detections"},
    "metric.accounts": {"id": "Akun", "en": "Accounts"},
    "metric.cases": {"id": "Kasus", "en": "Cases"},
    "metric.victims": {"id": "Korban", "en": "Victims"},
    "data.database_path": {"id": "Berkas basis data", "en": "Database file"},
    "data.counts": {"id": "Isi basis data", "en": "Database contents"},
    "data.upload_header": {"id": "Unggah ekspor", "en": "Upload exports"},
    "data.upload_label": {"id": "Berkas ekspor (CSV, TSV, XLSX, JSON, JSONL, Parquet)",
                          "en": "Export files (CSV, TSV, XLSX, JSON, JSONL, Parquet)"},
    "data.upload_limit": {"id": "Ukuran maksimum per berkas: {mb} MB.", "en": "Maximum size per file: {mb} MB."},
    "data.import_button": {"id": "Impor berkas", "en": "Import files"},
    "data.importing": {"id": "Mengimpor {name}…", "en": "Importing {name}…"},
    "data.import_done": {"id": "Impor selesai: {loaded} dimuat, {skipped} dilewati, {failed} gagal.",
                         "en": "Import finished: {loaded} loaded, {skipped} skipped, {failed} failed."},
    "data.file_failed": {"id": "{name} gagal diimpor; basis data tidak diubah untuk berkas ini. Alasan: {message}",
                         "en": "{name} could not be imported; the database was not changed for it. "
                               "Reason: {message}"},
    "data.writer_busy": {"id": "Impor lain sedang berjalan. Coba lagi setelah selesai.",
                         "en": "Another import is running. Try again when it has finished."},
    "data.demo_header": {"id": "Data demo", "en": "Demo data"},
    "data.demo_explain": {"id": "Basis data ini belum berisi data demo sintetis. Muat data demo untuk mencoba "
                                "dasbor; halaman akan menandai bahwa datanya bukan data nyata.",
                          "en": "This database holds no synthetic demo data. Load it to try the dashboard; "
                                "pages will show that the data is not real."},
    "data.demo_button": {"id": "Muat data demo", "en": "Load demo data"},
    "data.demo_loading": {"id": "Memuat data demo… {message}", "en": "Loading demo data… {message}"},
    "data.history_header": {"id": "Riwayat impor", "en": "Import history"},
    "data.empty": {"id": "Belum ada data.", "en": "Nothing yet."},
    "data.rejects_header": {"id": "Baris yang ditolak", "en": "Rejected rows"},
    "data.rejects_import": {"id": "Impor", "en": "Import"},
    "data.rejects_reason": {"id": "Alasan mengandung", "en": "Reason contains"},
    "data.rejects_truncated": {"id": "Menampilkan {shown} dari {total} baris.",
                               "en": "Showing {shown} of {total} rows."},
    "data.download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "data.unresolved_header": {"id": "Teks wilayah yang tidak dikenali", "en": "Unrecognised region texts"},
    "data.unresolved_explain": {"id": "Baris-baris ini tidak muncul di peta karena wilayahnya tidak dikenali.",
                                "en": "These rows are missing from the map because their region was not recognised."},
    "data.identifiers_header": {"id": "Pengenal yang tidak terbaca", "en": "Unreadable identifiers"},
    "data.identifiers_explain": {"id": "Isi kolom nomor HP, rekening atau dompet digital yang tidak dapat dinormalkan.",
                                 "en": "Phone, bank account or e-wallet cells that could not be normalised."},
    "data.schema_header": {"id": "Struktur basis data", "en": "Database schema"},
    "data.aliases_header": {"id": "Nama kolom yang dikenali Jaring", "en": "Column names Jaring understands"},
    "data.aliases_explain": {"id": "Huruf besar/kecil, spasi dan tanda baca diabaikan saat mencocokkan judul kolom.",
                             "en": "Case, spaces and punctuation are ignored when matching column headers."},
    "data.all_imports": {"id": "Semua impor", "en": "All imports"},
    "data.import_option": {"id": "#{import_id} {file_name}", "en": "#{import_id} {file_name}"},
    # ------------------------------------------------------------ values
    "status.loaded": {"id": "dimuat", "en": "loaded"},
    "status.skipped": {"id": "dilewati", "en": "skipped"},
    "status.failed": {"id": "gagal", "en": "failed"},
    "kind.detections": {"id": "deteksi", "en": "detections"},
    "kind.cases": {"id": "kasus", "en": "cases"},
    "kind.phone": {"id": "nomor HP", "en": "phone"},
    "kind.bank_account": {"id": "rekening bank", "en": "bank account"},
    "kind.ewallet": {"id": "dompet digital", "en": "e-wallet"},
    "kind.email": {"id": "surel", "en": "email"},
    "kind.url": {"id": "tautan", "en": "link"},
    "kind.handle": {"id": "akun", "en": "account"},
    "field.target_region": {"id": "wilayah sasaran (deteksi)", "en": "targeted region (detections)"},
    "field.origin": {"id": "daerah asal (kasus)", "en": "origin (cases)"},
    "source.real": {"id": "nyata", "en": "real"},
    "source.demo": {"id": "demo", "en": "demo"},
    # ------------------------------------------------------------ column labels (see column_labels)
    "col.file_name": {"id": "Berkas", "en": "File"},
    "col.status": {"id": "Status", "en": "Status"},
    "col.kind": {"id": "Jenis", "en": "Kind"},
    "col.source": {"id": "Sumber", "en": "Source"},
    "col.import_id": {"id": "Impor", "en": "Import"},
    "col.rows_read": {"id": "Baris dibaca", "en": "Rows read"},
    "col.rows_loaded": {"id": "Dimuat", "en": "Loaded"},
    "col.rows_rejected": {"id": "Ditolak", "en": "Rejected"},
    "col.new_accounts": {"id": "Akun baru", "en": "New accounts"},
    "col.new_detections": {"id": "Deteksi baru", "en": "New detections"},
    "col.new_cases": {"id": "Kasus baru", "en": "New cases"},
    "col.status_changes": {"id": "Perubahan status", "en": "Status changes"},
    "col.invalid_identifiers": {"id": "Pengenal tak terbaca", "en": "Unreadable identifiers"},
    "col.unresolved_regions": {"id": "Wilayah tak dikenali", "en": "Unresolved regions"},
    "col.message": {"id": "Pesan", "en": "Message"},
    "col.started_at": {"id": "Mulai", "en": "Started"},
    "col.finished_at": {"id": "Selesai", "en": "Finished"},
    "col.sha256": {"id": "SHA-256", "en": "SHA-256"},
    "col.row_number": {"id": "Baris ke", "en": "Row"},
    "col.reason": {"id": "Alasan", "en": "Reason"},
    "col.raw": {"id": "Isi baris", "en": "Row content"},
    "col.raw_text": {"id": "Teks asli", "en": "Original text"},
    "col.field": {"id": "Kolom", "en": "Column"},
    "col.rows": {"id": "Baris", "en": "Rows"},
    "col.imports": {"id": "Jumlah impor", "en": "Imports"},
    "col.last_import_id": {"id": "Impor terakhir", "en": "Latest import"},
    "col.table_name": {"id": "Tabel", "en": "Table"},
    "col.row_count": {"id": "Jumlah baris", "en": "Rows"},
    "col.column_name": {"id": "Kolom", "en": "Column"},
    "col.data_type": {"id": "Tipe", "en": "Type"},
    "col.canonical_field": {"id": "Kolom Jaring", "en": "Jaring field"},
    "col.required": {"id": "Wajib", "en": "Required"},
    "col.aliases": {"id": "Judul kolom yang dikenali", "en": "Recognised headers"},
}


def set_language(language: str | None) -> str:
    """Make `language` current for this script run; unknown values fall back to Bahasa Indonesia."""
    chosen = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _current.set(chosen)
    return chosen


def current_language() -> str:
    """The language of the script run in progress ("id" or "en")."""
    return _current.get()


def t(key: str, language: str | None = None, **fmt) -> str:
    """The text for `key` in the current (or given) language, with `{placeholders}` filled from `fmt`.

    Raises:
        KeyError: the key is not in the catalog (a programming error; the catalog test guards it).
    """
    text = CATALOG[key][language or current_language()]
    return text.format(**fmt) if fmt else text


def has_key(key: str) -> bool:
    """Whether the catalog holds `key`."""
    return key in CATALOG


def column_labels(columns, language: str | None = None) -> dict[str, str]:
    """Display labels for DataFrame columns that have a `col.<name>` catalog entry (others stay as they are)."""
    return {name: t(f"col.{name}", language) for name in columns if f"col.{name}" in CATALOG}


def value_label(prefix: str, value, language: str | None = None) -> str:
    """Translate a stored code such as a status or kind (`status.loaded`); unknown codes are shown as stored."""
    key = f"{prefix}.{value}"
    return t(key, language) if key in CATALOG else ("" if value is None else str(value))
