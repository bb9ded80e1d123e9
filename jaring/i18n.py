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
    # ------------------------------------------------------------ briefing page (jaring.briefing*, pages/briefing.py)
    "briefing.intro": {"id": "Angka bulanan untuk pimpinan: berapa akun perekrut diblokir, di platform mana, seberapa "
                             "cepat, apa yang masih menunggu, dan berapa pengaduan korban. Semua angka mengikuti "
                             "filter di samping.",
                       "en": "Monthly figures for the ministers: how many recruiter accounts were blocked, on which "
                             "platforms, how fast, what is still waiting, and how many victims complained. Every "
                             "figure follows the filters at the side."},
    "briefing.month_picker": {"id": "Bulan ringkasan", "en": "Briefing month"},
    "briefing.no_accounts": {"id": "Belum ada akun terdeteksi dalam filter ini.",
                             "en": "No detected accounts within these filters yet."},
    "briefing.all_platforms": {"id": "Semua platform", "en": "All platforms"},
    "briefing.no_filters": {"id": "Semua platform, provinsi dan negara tujuan",
                            "en": "All platforms, provinces and destinations"},
    "briefing.filter_platforms": {"id": "Platform: {names}", "en": "Platforms: {names}"},
    "briefing.filter_provinces": {"id": "Provinsi: {names}", "en": "Provinces: {names}"},
    "briefing.filter_countries": {"id": "Negara tujuan: {names}", "en": "Destinations: {names}"},
    "briefing.fig.blocked": {"id": "Akun diblokir per bulan, {when}", "en": "Accounts blocked per month, {when}"},
    "briefing.fig.funnel": {"id": "Terdeteksi → dilaporkan → diblokir per bulan, {when}",
                            "en": "Detected → reported → blocked per month, {when}"},
    "briefing.fig.speed_detection": {"id": "Hari dari deteksi pertama sampai blokir (median), {when}",
                                     "en": "Days from first detection to block (median), {when}"},
    "briefing.fig.speed_report": {"id": "Hari dari laporan sampai blokir (median), {when}",
                                  "en": "Days from report to block (median), {when}"},
    "briefing.fig.durations": {"id": "Sebaran hari sampai blokir, {when}", "en": "Days to block, distribution, {when}"},
    "briefing.fig.survival": {"id": "Akun dilaporkan yang masih aktif setelah 7/30/90 hari, laporan {when}",
                              "en": "Reported accounts still active after 7/30/90 days, reports of {when}"},
    "briefing.fig.backlog": {"id": "Laporan belum ditindak di akhir bulan, menurut lama menunggu, {when}",
                             "en": "Reports still open at month end, by time waiting, {when}"},
    "briefing.fig.cases": {"id": "Pengaduan per bulan menurut jenis kasus, {when}",
                           "en": "Complaint cases per month by case type, {when}"},
    "briefing.fig.destinations": {"id": "Pengaduan per bulan menurut negara tujuan, {when}",
                                  "en": "Complaint cases per month by destination country, {when}"},
    "briefing.days_value": {"id": "{days} hari", "en": "{days} days"},
    "briefing.change_vs": {"id": "{amount} dibanding {month}", "en": "{amount} vs {month}"},
    "briefing.subject.blocked": {"id": "Pemblokiran", "en": "Blocks"},
    "briefing.sentence.up": {"id": "{subject} naik {percent} dibanding {month} ({reference} → {value}).",
                             "en": "{subject} up {percent} on {month} ({reference} → {value})."},
    "briefing.sentence.down": {"id": "{subject} turun {percent} dibanding {month} ({reference} → {value}).",
                               "en": "{subject} down {percent} on {month} ({reference} → {value})."},
    "briefing.sentence.same": {"id": "{subject} sama dengan {month}.", "en": "{subject} unchanged from {month}."},
    "briefing.sentence.from_zero": {"id": "{subject}: {value}, sedangkan {month} nihil.",
                                    "en": "{subject}: {value}, none in {month}."},
    "briefing.sentence.none": {"id": "{subject}: nihil, seperti {month}.", "en": "{subject}: none, as in {month}."},
    "briefing.sentence.speed": {"id": "Median waktu sampai blokir pada {month}: {days} sejak deteksi pertama.",
                                "en": "Median time to block in {month}: {days} from first detection."},
    "briefing.sentence.no_blocks": {"id": "Tidak ada pemblokiran pada {month}.", "en": "No blocks in {month}."},
    "briefing.sentence.backlog": {"id": "Akhir {month}: {value} akun dilaporkan belum ditindak, {old} di antaranya "
                                        "sudah menunggu 90 hari atau lebih.",
                                  "en": "End of {month}: {value} reported accounts not yet acted on, {old} of them "
                                        "waiting 90 days or more."},
    "briefing.sentence.survival": {"id": "{share} akun yang dilaporkan masih aktif 30 hari setelah laporan "
                                         "(dari {eligible} laporan yang dapat diamati).",
                                   "en": "{share} of reported accounts were still active 30 days after the report "
                                         "(of {eligible} reports that can be followed that long)."},
    "briefing.sentence.survival_none": {"id": "Belum ada laporan yang dapat diamati selama 30 hari.",
                                        "en": "No report can be followed for 30 days yet."},
    "briefing.sentence.cases": {"id": "{month}: {value} pengaduan baru; {matched} ({share}) cocok dengan akun "
                                      "yang terdeteksi.",
                                "en": "{month}: {value} new cases; {matched} ({share}) match a detected account."},
    "briefing.axis.blocked": {"id": "Akun diblokir", "en": "Accounts blocked"},
    "briefing.axis.accounts": {"id": "Akun", "en": "Accounts"},
    "briefing.axis.days": {"id": "Hari", "en": "Days"},
    "briefing.axis.share_open": {"id": "Masih aktif", "en": "Still active"},
    "briefing.axis.cases": {"id": "Pengaduan", "en": "Cases"},
    "briefing.step.detected": {"id": "Akun baru terdeteksi", "en": "New accounts detected"},
    "briefing.step.reported": {"id": "Laporan", "en": "Reports"},
    "briefing.step.blocked": {"id": "Pemblokiran", "en": "Blocks"},
    "briefing.p90_all": {"id": "Persentil ke-90 (semua platform)", "en": "90th percentile (all platforms)"},
    "briefing.basis.detection": {"id": "Sejak deteksi pertama", "en": "From first detection"},
    "briefing.basis.report": {"id": "Sejak laporan", "en": "From report"},
    "briefing.basis_picker": {"id": "Hitung hari", "en": "Count days"},
    "briefing.after_days": {"id": "Setelah {days} hari", "en": "After {days} days"},
    "briefing.bucket.backlog_under_7": {"id": "< 7 hari", "en": "< 7 days"},
    "briefing.bucket.backlog_7_to_29": {"id": "7–29 hari", "en": "7–29 days"},
    "briefing.bucket.backlog_30_to_89": {"id": "30–89 hari", "en": "30–89 days"},
    "briefing.bucket.backlog_90_plus": {"id": "≥ 90 hari", "en": "≥ 90 days"},
    "briefing.unknown": {"id": "Tidak diketahui", "en": "Unknown"},
    "briefing.matched_share": {"id": "Cocok dengan akun terdeteksi", "en": "Matching a detected account"},
    "briefing.show_funnel": {"id": "Tampilkan deteksi dan laporan di samping pemblokiran",
                             "en": "Show detections and reports beside blocks"},
    "briefing.kpi.blocked": {"id": "Akun diblokir", "en": "Accounts blocked"},
    "briefing.kpi.median_days": {"id": "Median hari sampai blokir", "en": "Median days to block"},
    "briefing.kpi.backlog": {"id": "Laporan belum ditindak", "en": "Open backlog"},
    "briefing.kpi.new_cases": {"id": "Pengaduan baru", "en": "New cases"},
    "briefing.kpi.new_networks": {"id": "Jaringan baru", "en": "New networks found"},
    "briefing.kpi.networks_unavailable": {"id": "Belum tersedia: jaringan belum dihitung di basis data ini.",
                                          "en": "Not available yet: networks are not computed in this database."},
    "briefing.kpi.help": {"id": "Bulan {month}; perubahan dibanding bulan sebelumnya dan bulan yang sama tahun lalu.",
                          "en": "Month {month}; change against the previous month and the same month last year."},
    "briefing.section.blocked": {"id": "Pemblokiran", "en": "Blocks"},
    "briefing.section.speed": {"id": "Kecepatan penindakan", "en": "Takedown speed"},
    "briefing.section.backlog": {"id": "Antrean laporan", "en": "Backlog"},
    "briefing.section.cases": {"id": "Pengaduan", "en": "Cases"},
    "briefing.oldest_header": {"id": "Laporan terlama yang belum ditindak", "en": "Oldest open reports"},
    "briefing.oldest_caption": {"id": "Keadaan per {as_of}. Tautan membuka profil akun di platformnya.",
                                "en": "As of {as_of}. Links open the account's profile on its platform."},
    "briefing.export_header": {"id": "Ringkasan bulanan untuk diunduh", "en": "Monthly briefing download"},
    "briefing.export_explain": {"id": "HTML mandiri (bisa dibuka tanpa internet), PPTX satu slide per grafik, "
                                      "setiap grafik sebagai PNG dan SVG, dan setiap tabel sebagai CSV/XLSX.",
                                "en": "Self-contained HTML (opens offline), PPTX with one slide per chart, every "
                                      "chart as PNG and SVG, and every table as CSV/XLSX."},
    "briefing.export_button": {"id": "Buat ringkasan {month}", "en": "Build the {month} briefing"},
    "briefing.exporting": {"id": "Membuat ringkasan… (grafik digambar dengan Chromium)",
                           "en": "Building the briefing… (charts are drawn with Chromium)"},
    "briefing.export_download": {"id": "Unduh ringkasan (ZIP)", "en": "Download the briefing (ZIP)"},
    "briefing.export_failed": {"id": "Ringkasan tidak dapat dibuat (kode referensi {ref}). Pastikan Chromium "
                                     "terpasang (apt-get install chromium).",
                               "en": "The briefing could not be built (reference {ref}). Make sure Chromium is "
                                     "installed (apt-get install chromium)."},
    "briefing.export_title": {"id": "Ringkasan bulanan {month}", "en": "Monthly briefing, {month}"},
    "briefing.generated": {"id": "dibuat {at}", "en": "generated {at}"},
    "briefing.table.kpis": {"id": "Indikator utama", "en": "Key figures"},
    "briefing.table.blocked": {"id": "Akun diblokir per bulan dan platform", "en": "Blocks per month and platform"},
    "briefing.table.funnel": {"id": "Terdeteksi, dilaporkan, diblokir per bulan",
                              "en": "Detected, reported, blocked per month"},
    "briefing.table.speed": {"id": "Hari sampai blokir per bulan dan platform", "en": "Days to block per month"},
    "briefing.table.durations": {"id": "Hari sampai blokir per akun (bulan ringkasan)",
                                 "en": "Days to block per block (briefing month)"},
    "briefing.table.survival": {"id": "Masih aktif setelah 7/30/90 hari", "en": "Still active after 7/30/90 days"},
    "briefing.table.backlog": {"id": "Antrean laporan di akhir bulan", "en": "Backlog at month end"},
    "briefing.table.oldest_open": {"id": "Laporan terlama yang belum ditindak", "en": "Oldest open reports"},
    "briefing.table.cases": {"id": "Pengaduan per bulan", "en": "Cases per month"},
    "briefing.table.cases_by_type": {"id": "Pengaduan per jenis kasus", "en": "Cases by type"},
    "briefing.table.cases_by_destination": {"id": "Pengaduan per negara tujuan", "en": "Cases by destination"},
    "briefing.definitions": {"id": "Definisi", "en": "Definitions"},
    "briefing.definitions_text": {
        "id": "- Bulan = bulan kalender WIB (Asia/Jakarta). Blokir pukul 23.30 UTC tanggal 31 Maret adalah 1 April "
              "06.30 WIB dan dihitung di April.\n"
              "- **Diblokir pada bulan M**: peristiwa blokir dalam riwayat status yang bertanggal di M. Akun yang "
              "diblokir, dipulihkan lalu diblokir lagi dihitung pada setiap blokir.\n"
              "- **Terdeteksi / dilaporkan pada M**: akun yang deteksi pertamanya di M / peristiwa laporan di M "
              "(laporan ulang setelah ditolak dihitung lagi). Ini arus per bulan, bukan kohort.\n"
              "- **Episode**: dari laporan pertama setelah blokir atau pemulihan sebelumnya (atau laporan pertama "
              "akun) sampai blokir atau pemulihan berikutnya. Laporan yang ditolak tidak mengakhiri episode.\n"
              "- **Hari sampai blokir**: hari kalender WIB dari deteksi pertama akun sampai blokir, dan terpisah "
              "dari laporan pertama episode itu sampai blokir (blokir tanpa laporan tidak punya angka kedua). "
              "Median dan persentil ke-90 diinterpolasi di antara dua nilai terdekat.\n"
              "- **Antrean di akhir M**: akun yang peristiwa terakhirnya pada akhir M adalah laporan, yaitu sudah "
              "dilaporkan tetapi belum diblokir, ditolak, atau dipulihkan. Laporan yang ditolak keluar dari antrean; "
              "laporan baru memasukkannya lagi. Akun yang dipulihkan baru masuk antrean setelah dilaporkan lagi. "
              "Lama menunggu = hari sejak laporan pertama episode; kelompok < 7, 7–29, 30–89, ≥ 90 hari. Bulan yang "
              "belum selesai dalam data diukur pada akhir hari terakhir yang ada datanya.\n"
              "- **Masih aktif setelah N hari**: episode laporan yang laporan pertamanya dalam periode dan yang "
              "datanya mencakup paling sedikit N hari sesudahnya; bagian yang belum diblokir dalam N hari. Akun "
              "yang tidak pernah diblokir tetap dihitung sebagai masih aktif, tidak dibuang.\n"
              "- **Pengaduan** menurut tanggal pengaduan; cocok dengan akun terdeteksi = salah satu kontak perekrut "
              "dalam pengaduan (nomor HP, rekening, dompet digital, akun…) juga ada pada akun terdeteksi (di "
              "platform yang dipilih). Filter platform tidak membatasi jumlah pengaduan.\n"
              "- **Jaringan baru pada M**: jaringan yang masih berdiri (tidak digabung atau bubar) yang akun "
              "anggota paling awalnya pertama terdeteksi di M.\n"
              "- **Filter**: platform = platform akun; provinsi dan negara tujuan = akun ikut bila salah satu "
              "deteksinya menyasar provinsi terpilih dengan negara tujuan terpilih; pengaduan menurut provinsi asal "
              "dan negara tujuan korban.",
        "en": "- Months are Asia/Jakarta calendar months. A block at 23:30 UTC on 31 March is 06:30 on 1 April in "
              "Jakarta and counts in April.\n"
              "- **Blocked in month M**: block events in the status history dated in M. An account blocked, "
              "restored and blocked again counts at each block.\n"
              "- **Detected / reported in M**: accounts first detected in M / report events in M (a re-report "
              "after a rejection counts again). These are monthly flows, not a cohort.\n"
              "- **Episode**: from the first report after the account's previous block or restore (or its first "
              "report) to its next block or restore. A rejected report does not end the episode.\n"
              "- **Days to block**: Jakarta calendar days from the account's first detection to the block, and "
              "separately from the episode's first report to the block (a block without a report has no second "
              "figure). Median and 90th percentile interpolate between the two nearest values.\n"
              "- **Backlog at the end of M**: accounts whose latest event at the end of M is a report: reported, "
              "not yet blocked, rejected or restored. A rejected report leaves the backlog; a new report brings "
              "the account back. A restored account re-enters only when reported again. Waiting time = days since "
              "the episode's first report; buckets < 7, 7–29, 30–89, ≥ 90 days. A month the data does not cover "
              "to its end is measured at the end of the last day with data.\n"
              "- **Still active after N days**: report episodes whose first report falls in the period and that "
              "the data follows for at least N days; the share not blocked within N days. Accounts never blocked "
              "stay in as still active; they are not dropped.\n"
              "- **Cases** by complaint date; matching a detected account = one of the recruiter contacts of the "
              "case (phone, bank account, e-wallet, handle…) also appears on a detected account (of the selected "
              "platforms). The platform filter does not restrict case counts.\n"
              "- **New networks in M**: live networks (not merged or dissolved) whose earliest member account was "
              "first detected in M.\n"
              "- **Filters**: platform = the account's platform; province and destination = an account is included "
              "when one of its detections targets a selected province with a selected destination; cases by the "
              "victim's origin province and destination country."},
    "briefing.col.month": {"id": "Bulan", "en": "Month"},
    "briefing.col.month_name": {"id": "Nama bulan", "en": "Month name"},
    "briefing.col.platform": {"id": "Platform", "en": "Platform"},
    "briefing.col.detected": {"id": "Terdeteksi", "en": "Detected"},
    "briefing.col.reported": {"id": "Dilaporkan", "en": "Reported"},
    "briefing.col.blocked": {"id": "Diblokir", "en": "Blocked"},
    "briefing.col.total": {"id": "Jumlah", "en": "Total"},
    "briefing.col.change_vs_previous": {"id": "Perubahan dari bulan sebelumnya", "en": "Change from previous month"},
    "briefing.col.blocks": {"id": "Pemblokiran", "en": "Blocks"},
    "briefing.col.blocks_with_report": {"id": "Pemblokiran dengan laporan", "en": "Blocks with a report"},
    "briefing.col.median_days_from_detection": {"id": "Median hari sejak deteksi", "en": "Median days from detection"},
    "briefing.col.p90_days_from_detection": {"id": "P90 hari sejak deteksi", "en": "P90 days from detection"},
    "briefing.col.median_days_from_report": {"id": "Median hari sejak laporan", "en": "Median days from report"},
    "briefing.col.p90_days_from_report": {"id": "P90 hari sejak laporan", "en": "P90 days from report"},
    "briefing.col.basis": {"id": "Dihitung", "en": "Counted"},
    "briefing.col.days": {"id": "Hari", "en": "Days"},
    "briefing.col.horizon": {"id": "Setelah (hari)", "en": "After (days)"},
    "briefing.col.eligible": {"id": "Laporan teramati", "en": "Reports followed"},
    "briefing.col.open": {"id": "Masih aktif", "en": "Still active"},
    "briefing.col.share_open": {"id": "Bagian masih aktif", "en": "Share still active"},
    "briefing.col.backlog_under_7": {"id": "< 7 hari", "en": "< 7 days"},
    "briefing.col.backlog_7_to_29": {"id": "7–29 hari", "en": "7–29 days"},
    "briefing.col.backlog_30_to_89": {"id": "30–89 hari", "en": "30–89 days"},
    "briefing.col.backlog_90_plus": {"id": "≥ 90 hari", "en": "≥ 90 days"},
    "briefing.col.account_id": {"id": "ID akun", "en": "Account id"},
    "briefing.col.handle": {"id": "Akun", "en": "Account"},
    "briefing.col.display_name": {"id": "Nama tampilan", "en": "Display name"},
    "briefing.col.url": {"id": "Tautan", "en": "Link"},
    "briefing.col.first_seen": {"id": "Pertama terdeteksi", "en": "First detected"},
    "briefing.col.reported_at": {"id": "Dilaporkan sejak", "en": "Reported since"},
    "briefing.col.last_reported_at": {"id": "Laporan terakhir", "en": "Latest report"},
    "briefing.col.waiting_days": {"id": "Lama menunggu (hari)", "en": "Waiting (days)"},
    "briefing.col.cases": {"id": "Pengaduan", "en": "Cases"},
    "briefing.col.victims": {"id": "Korban", "en": "Victims"},
    "briefing.col.matched_cases": {"id": "Cocok dengan akun", "en": "Matching an account"},
    "briefing.col.matched_share": {"id": "Bagian cocok", "en": "Share matching"},
    "briefing.col.case_type": {"id": "Jenis kasus", "en": "Case type"},
    "briefing.col.destination_country": {"id": "Kode negara", "en": "Country code"},
    "briefing.col.country_name": {"id": "Negara tujuan", "en": "Destination"},
    "briefing.col.kpi": {"id": "Indikator", "en": "Figure"},
    "briefing.col.value": {"id": "Nilai", "en": "Value"},
    "briefing.col.previous": {"id": "Bulan sebelumnya", "en": "Previous month"},
    "briefing.col.year_ago": {"id": "Tahun lalu", "en": "A year earlier"},
    # ------------------------------------------------------------ networks page (jaring.network_*, pages/networks.py)
    "networks.section": {"id": "Bagian", "en": "Section"},
    "networks.section_table": {"id": "Jaringan", "en": "Networks"},
    "networks.section_search": {"id": "Cari pengenal", "en": "Search identifier"},
    "networks.section_dossier": {"id": "Dosir akun", "en": "Account dossier"},
    "networks.section_takedown": {"id": "Kandidat takedown", "en": "Takedown candidates"},
    "networks.section_recidivism": {"id": "Residivisme", "en": "Recidivism"},
    "networks.section_hubs": {"id": "Hub", "en": "Hubs"},
    "networks.not_computed": {"id": "Jaringan perekrut belum dihitung untuk basis data ini.",
                              "en": "Recruiter networks have not been computed for this database yet."},
    "networks.no_data": {"id": "Belum ada data. Muat ekspor deteksi di halaman Data; jaringan dihitung saat impor.",
                         "en": "No data yet. Load detection exports on the Data page; "
                               "networks are computed on import."},
    "networks.compute": {"id": "Hitung jaringan sekarang", "en": "Compute networks now"},
    "networks.writer_busy": {"id": "Impor lain sedang berjalan. Coba lagi setelah selesai.",
                             "en": "Another import is running. Try again when it has finished."},
    "networks.min_accounts": {"id": "Jumlah akun minimal", "en": "Minimum accounts"},
    "networks.priority_formula": {
        "id": "Prioritas = 2 × akun aktif + 3 × korban + 20 × kebaruan, dengan kebaruan = 1 − (hari dari deteksi "
              "terakhir jaringan sampai akhir periode ÷ 180), dibatasi 0–1. Jaringan tampil bila punya deteksi "
              "(atau kasus) dalam filter; angkanya untuk seluruh jaringan.",
        "en": "Priority = 2 × active accounts + 3 × victims + 20 × recency, where recency = 1 − (days from the "
              "network's last detection to the end of the period ÷ 180), kept within 0–1. A network is listed when "
              "it has a detection (or case) in the filters; its figures cover the whole network."},
    "networks.none_in_view": {"id": "Tidak ada jaringan dengan aktivitas dalam filter ini.",
                              "en": "No network has activity in these filters."},
    "networks.table_truncated": {"id": "Menampilkan {shown} jaringan teratas dari {total}; unduhan berisi semuanya.",
                                 "en": "Showing the top {shown} of {total} networks; the download has them all."},
    "networks.network_id": {"id": "Nomor jaringan", "en": "Network number"},
    "networks.unknown_network": {"id": "Jaringan {network_id} tidak ada.", "en": "There is no network {network_id}."},
    "networks.merged_note": {"id": "Jaringan {requested} digabung ke jaringan {network_id} pada {day}.",
                             "en": "Network {requested} was merged into network {network_id} on {day}."},
    "networks.dissolved_note": {"id": "Jaringan {network_id} sudah tidak terhubung lagi sejak {day}.",
                                "en": "Network {network_id} is no longer linked together since {day}."},
    "networks.view_header": {"id": "Jaringan {network_id}", "en": "Network {network_id}"},
    "networks.network_empty": {"id": "Jaringan ini tidak punya anggota.", "en": "This network has no members."},
    "networks.drawn_top": {"id": "Jaringan ini punya {total} simpul; yang tergambar hanya {drawn} simpul dengan "
                                 "hubungan terbanyak. Daftar lengkap ada di tabel anggota di bawah.",
                           "en": "This network has {total} nodes; only the {drawn} most connected are drawn. The "
                                 "full list is in the member table below."},
    "networks.node_picker": {"id": "Simpul", "en": "Node"},
    "networks.node_picker_help": {"id": "Urut dari yang paling mengikat jaringan (betweenness).",
                                  "en": "Ordered by how much each node ties the network together (betweenness)."},
    "networks.betweenness_estimated": {"id": "Jaringan besar: betweenness diperkirakan dari sampel simpul.",
                                       "en": "Large network: betweenness is estimated from a sample of nodes."},
    "networks.node_account": {"id": "Akun", "en": "Account"},
    "networks.node_identifier": {"id": "Pengenal", "en": "Identifier"},
    "networks.node_hub": {"id": "Hub", "en": "Hub"},
    "networks.node_case": {"id": "Kasus", "en": "Case"},
    "networks.open_dossier": {"id": "Buka dosir akun", "en": "Open account dossier"},
    "networks.members_header": {"id": "Semua anggota jaringan ({total})", "en": "All network members ({total})"},
    "networks.export_graphml": {"id": "GraphML", "en": "GraphML"},
    "networks.export_gexf": {"id": "GEXF (Gephi)", "en": "GEXF (Gephi)"},
    "networks.export_nodes": {"id": "CSV simpul", "en": "Nodes CSV"},
    "networks.export_edges": {"id": "CSV hubungan", "en": "Edges CSV"},
    "networks.legend_active": {"id": "akun aktif", "en": "active account"},
    "networks.legend_blocked": {"id": "akun diblokir (✕)", "en": "blocked account (✕)"},
    "networks.legend_phone": {"id": "nomor HP", "en": "phone"},
    "networks.legend_bank": {"id": "rekening bank", "en": "bank account"},
    "networks.legend_ewallet": {"id": "dompet digital", "en": "e-wallet"},
    "networks.legend_other": {"id": "pengenal lain", "en": "other identifier"},
    "networks.legend_case": {"id": "kasus korban", "en": "victim's case"},
    "networks.legend_hub": {"id": "hub (tidak menggabungkan jaringan)", "en": "hub (does not merge networks)"},
    "networks.tip_status": {"id": "Status: {status}", "en": "Status: {status}"},
    "networks.tip_seen": {"id": "Terlihat {first} – {last}", "en": "Seen {first} – {last}"},
    "networks.tip_case": {"id": "Kasus {case_id}", "en": "Case {case_id}"},
    "networks.tip_victims": {"id": "Korban: {victims}", "en": "Victims: {victims}"},
    "networks.tip_accounts_total": {"id": "Dipakai {accounts} akun", "en": "Used by {accounts} accounts"},
    "networks.tip_hub": {"id": "Hub: ditampilkan, tidak menggabungkan jaringan",
                         "en": "Hub: shown, does not merge networks"},
    "networks.tip_edge_detections": {"id": "{detections} deteksi, {first} – {last}",
                                     "en": "{detections} detections, {first} – {last}"},
    "networks.tip_edge_named_in_case": {"id": "Disebut korban dalam kasus", "en": "Named by a victim in a case"},
    "networks.tip_edge_case": {"id": "Kontak perekrut dalam kasus", "en": "Recruiter contact in a case"},
    "networks.timeline_title": {"id": "Akun baru per bulan pertama terlihat", "en": "New accounts by first-seen month"},
    "networks.timeline_axis": {"id": "Akun", "en": "Accounts"},
    "networks.field_platform": {"id": "Platform", "en": "Platform"},
    "networks.field_handle": {"id": "Nama akun", "en": "Handle"},
    "networks.field_display_name": {"id": "Nama tampilan", "en": "Display name"},
    "networks.field_url": {"id": "Tautan akun", "en": "Account link"},
    "networks.field_status": {"id": "Status", "en": "Status"},
    "networks.field_first_seen": {"id": "Pertama terlihat", "en": "First seen"},
    "networks.field_last_seen": {"id": "Terakhir terlihat", "en": "Last seen"},
    "networks.field_blocked_at": {"id": "Diblokir", "en": "Blocked"},
    "networks.field_identifier_kind": {"id": "Jenis pengenal", "en": "Identifier kind"},
    "networks.field_value": {"id": "Nilai", "en": "Value"},
    "networks.field_accounts_total": {"id": "Akun yang memakai", "en": "Accounts using it"},
    "networks.field_case_id": {"id": "Nomor kasus", "en": "Case number"},
    "networks.field_case_type": {"id": "Jenis kasus", "en": "Case type"},
    "networks.field_victims": {"id": "Korban", "en": "Victims"},
    "networks.field_destination_country": {"id": "Negara tujuan", "en": "Destination country"},
    "networks.field_degree": {"id": "Derajat (jumlah hubungan)", "en": "Degree (links)"},
    "networks.field_betweenness": {"id": "Betweenness", "en": "Betweenness"},
    "networks.search_label": {"id": "Nomor HP, rekening, dompet digital, surel, tautan atau akun",
                              "en": "Phone, bank account, e-wallet, e-mail, link or handle"},
    "networks.search_hint": {"id": "mis. 0812 3456 7890, BRI 1234 01 000123 50 7, @kerja.malaysia, wa.me/62…",
                             "en": "e.g. 0812 3456 7890, BRI 1234 01 000123 50 7, @kerja.malaysia, wa.me/62…"},
    "networks.search_unknown": {"id": "Teks ini tidak dikenali sebagai nomor, rekening, tautan atau akun.",
                                "en": "This text is not recognised as a number, account, link or handle."},
    "networks.search_normalised": {"id": "Dicari sebagai {kind}: {value}", "en": "Searched as {kind}: {value}"},
    "networks.search_identifiers": {"id": "Pengenal yang cocok", "en": "Matching identifiers"},
    "networks.search_accounts": {"id": "Akun", "en": "Accounts"},
    "networks.search_cases": {"id": "Kasus korban", "en": "Victims' cases"},
    "networks.dossier_search": {"id": "Cari akun (nama akun atau nama tampilan)",
                                "en": "Find an account (handle or display name)"},
    "networks.dossier_hint": {"id": "Ketik sebagian nama akun, atau buka dosir dari simpul di tampilan jaringan.",
                              "en": "Type part of a handle, or open a dossier from a node in the network view."},
    "networks.dossier_account": {"id": "Akun", "en": "Account"},
    "networks.dossier_profile": {"id": "Profil", "en": "Profile"},
    "networks.dossier_detections": {"id": "Deteksi (isi iklan, tautan, tanggal)",
                                    "en": "Detections (ad text, link, dates)"},
    "networks.dossier_history": {"id": "Riwayat status", "en": "Status history"},
    "networks.dossier_identifiers": {"id": "Pengenal", "en": "Identifiers"},
    "networks.dossier_cases": {"id": "Kasus korban yang terhubung", "en": "Linked victims' cases"},
    "networks.takedown_explain": {
        "id": "Akun yang masih aktif dan memakai pengenal yang sama (bukan hub) dengan akun yang sudah diblokir. "
              "Skor bukti = jumlah bobot pengenal bersama (rekening bank/dompet digital 3, nomor HP/surel 2, "
              "lainnya 1) + 2 × kebaruan (1 − hari dari deteksi terakhir akun sampai akhir periode ÷ 180, "
              "dibatasi 0–1).",
        "en": "Still-active accounts that share an identifier (not a hub) with an already blocked account. "
              "Evidence score = sum of the weights of the shared identifiers (bank account/e-wallet 3, phone/"
              "e-mail 2, other 1) + 2 × recency (1 − days from the account's last detection to the end of the "
              "period ÷ 180, kept within 0–1)."},
    "networks.takedown_none": {"id": "Tidak ada kandidat dalam filter ini.", "en": "No candidates in these filters."},
    "networks.takedown_platform": {"id": "Paket permintaan takedown untuk platform",
                                   "en": "Takedown request package for platform"},
    "networks.takedown_package_help": {
        "id": "Satu paket per platform, berisi paling banyak {rows} kandidat terkuat.",
        "en": "One package per platform, holding at most the {rows} strongest candidates."},
    "networks.takedown_csv": {"id": "Unduh paket (CSV)", "en": "Download package (CSV)"},
    "networks.takedown_json": {"id": "Unduh paket (JSON)", "en": "Download package (JSON)"},
    "networks.takedown_blocked_ref": {"id": "{handle} ({platform}, diblokir {day})",
                                      "en": "{handle} ({platform}, blocked {day})"},
    "networks.takedown_evidence_item": {"id": "{kind} {value} juga dipakai akun diblokir {blocked}",
                                        "en": "{kind} {value} also used by blocked {blocked}"},
    "networks.recidivism_explain": {
        "id": "Pengenal akun yang sudah diblokir (bukan hub) yang muncul lagi di akun lain setelah pemblokiran, "
              "dengan jarak hari dari pemblokiran.",
        "en": "Identifiers of blocked accounts (not hubs) that reappear on other accounts after the block, with "
              "the days from the block."},
    "networks.recidivism_reappearances": {"id": "Kemunculan ulang", "en": "Reappearances"},
    "networks.recidivism_identifiers": {"id": "Pengenal", "en": "Identifiers"},
    "networks.recidivism_new_accounts": {"id": "Di akun baru", "en": "On new accounts"},
    "networks.recidivism_median_days": {"id": "Median hari setelah blokir", "en": "Median days after block"},
    "networks.hubs_explain": {
        "id": "Hub: pengenal yang dipakai lebih banyak akun daripada batas, atau ada di daftar henti (domain "
              "platform, pemendek tautan, situs kementerian). Hub ditampilkan tetapi tidak menggabungkan jaringan, "
              "kecuali Anda mengizinkannya. Perubahan di sini menghitung ulang jaringan.",
        "en": "Hubs: identifiers used by more accounts than the limit, or on the stop list (platform domains, link "
              "shorteners, ministry sites). Hubs are shown but do not merge networks unless you allow it. "
              "Changes here recompute the networks."},
    "networks.hub_limit": {"id": "Batas akun per pengenal", "en": "Account limit per identifier"},
    "networks.hub_include": {"id": "Hub yang boleh menggabungkan jaringan", "en": "Hubs allowed to merge networks"},
    "networks.hub_exclude": {"id": "Pengenal yang selalu dianggap hub (satu per baris, mis. 021-1500-000 atau "
                                   "domain:contoh.go.id)",
                             "en": "Identifiers always treated as hubs (one per line, e.g. 021-1500-000 or "
                                   "domain:example.go.id)"},
    "networks.hub_apply": {"id": "Simpan dan hitung ulang jaringan", "en": "Save and recompute networks"},
    "networks.hub_unreadable": {"id": "Tidak dikenali sebagai pengenal: {texts}", "en": "Not recognised: {texts}"},
    "networks.hub_accounts": {"id": "{accounts} akun", "en": "{accounts} accounts"},
    "networks.col.network_id": {"id": "Jaringan", "en": "Network"},
    "networks.col.priority": {"id": "Prioritas", "en": "Priority"},
    "networks.col.accounts": {"id": "Jumlah akun", "en": "Accounts"},
    "networks.col.active_accounts": {"id": "Akun aktif", "en": "Active accounts"},
    "networks.col.blocked_accounts": {"id": "Akun diblokir", "en": "Blocked accounts"},
    "networks.col.phones": {"id": "Nomor HP", "en": "Phones"},
    "networks.col.bank_accounts": {"id": "Rekening", "en": "Bank accounts"},
    "networks.col.ewallets": {"id": "Dompet digital", "en": "E-wallets"},
    "networks.col.other_identifiers": {"id": "Pengenal lain", "en": "Other identifiers"},
    "networks.col.platforms": {"id": "Platform", "en": "Platforms"},
    "networks.col.first_seen": {"id": "Pertama terlihat", "en": "First seen"},
    "networks.col.last_seen": {"id": "Terakhir terlihat", "en": "Last seen"},
    "networks.col.new_accounts_in_month": {"id": "Akun baru bulan terakhir", "en": "New accounts last month"},
    "networks.col.cases": {"id": "Kasus", "en": "Cases"},
    "networks.col.victims": {"id": "Korban", "en": "Victims"},
    "networks.col.top_regions": {"id": "Wilayah sasaran utama", "en": "Top target regions"},
    "networks.col.top_countries": {"id": "Negara tujuan utama", "en": "Top destination countries"},
    "networks.col.detections_in_view": {"id": "Deteksi dalam filter", "en": "Detections in filters"},
    "networks.col.account_id": {"id": "ID akun", "en": "Account ID"},
    "networks.col.kind": {"id": "Jenis", "en": "Kind"},
    "networks.col.identifier_kind": {"id": "Jenis pengenal", "en": "Identifier kind"},
    "networks.col.node_kind": {"id": "Jenis simpul", "en": "Node kind"},
    "networks.col.value": {"id": "Nilai", "en": "Value"},
    "networks.col.detail": {"id": "Rincian", "en": "Detail"},
    "networks.col.matched_by": {"id": "Cocok karena", "en": "Matched as"},
    "networks.col.hub": {"id": "Hub", "en": "Hub"},
    "networks.col.platform": {"id": "Platform", "en": "Platform"},
    "networks.col.handle": {"id": "Nama akun", "en": "Handle"},
    "networks.col.display_name": {"id": "Nama tampilan", "en": "Display name"},
    "networks.col.url": {"id": "Tautan akun", "en": "Account link"},
    "networks.col.status": {"id": "Status", "en": "Status"},
    "networks.col.detections": {"id": "Deteksi", "en": "Detections"},
    "networks.col.case_id": {"id": "Nomor kasus", "en": "Case number"},
    "networks.col.reported_at": {"id": "Dilaporkan", "en": "Reported"},
    "networks.col.origin": {"id": "Daerah asal", "en": "Origin"},
    "networks.col.destination_country": {"id": "Negara tujuan", "en": "Destination country"},
    "networks.col.case_type": {"id": "Jenis kasus", "en": "Case type"},
    "networks.col.channel": {"id": "Saluran rekrutmen", "en": "Recruitment channel"},
    "networks.col.blocked_at": {"id": "Diblokir", "en": "Blocked"},
    "networks.col.detection_id": {"id": "Nomor deteksi", "en": "Detection number"},
    "networks.col.detected_at": {"id": "Terdeteksi", "en": "Detected"},
    "networks.col.content_url": {"id": "Tautan postingan", "en": "Post link"},
    "networks.col.content_text": {"id": "Isi iklan", "en": "Ad text"},
    "networks.col.target_region": {"id": "Wilayah sasaran", "en": "Target region"},
    "networks.col.changed_at": {"id": "Waktu", "en": "When"},
    "networks.col.import_id": {"id": "Impor", "en": "Import"},
    "networks.col.accounts_sharing": {"id": "Akun yang memakai", "en": "Accounts using it"},
    "networks.col.score": {"id": "Skor bukti", "en": "Evidence score"},
    "networks.col.shared_identifiers": {"id": "Pengenal bersama", "en": "Shared identifiers"},
    "networks.col.evidence": {"id": "Bukti", "en": "Evidence"},
    "networks.col.blocked_platform": {"id": "Platform akun diblokir", "en": "Blocked account's platform"},
    "networks.col.blocked_handle": {"id": "Akun diblokir", "en": "Blocked account"},
    "networks.col.reappeared_at": {"id": "Muncul lagi", "en": "Reappeared"},
    "networks.col.days_after_block": {"id": "Hari setelah blokir", "en": "Days after block"},
    "networks.col.new_account": {"id": "Akun baru", "en": "New account"},
    "networks.col.reason": {"id": "Alasan", "en": "Reason"},
    "networks.col.merging": {"id": "Boleh menggabungkan", "en": "Allowed to merge"},
    "networks.col.decision": {"id": "Keputusan analis", "en": "Analyst decision"},
    "networks.col.decided_at": {"id": "Diputuskan", "en": "Decided"},
    "networks.col.degree": {"id": "Derajat", "en": "Degree"},
    "networks.col.betweenness": {"id": "Betweenness", "en": "Betweenness"},
    "account_status.detected": {"id": "terdeteksi", "en": "detected"},
    "account_status.reported": {"id": "dilaporkan", "en": "reported"},
    "account_status.blocked": {"id": "diblokir", "en": "blocked"},
    "account_status.rejected": {"id": "ditolak", "en": "rejected"},
    "account_status.restored": {"id": "dipulihkan", "en": "restored"},
    "hub_reason.limit": {"id": "melebihi batas akun", "en": "over the account limit"},
    "hub_reason.stoplist": {"id": "daftar henti", "en": "stop list"},
    "hub_reason.analyst": {"id": "ditandai analis", "en": "marked by an analyst"},
    "hub_decision.include": {"id": "boleh menggabungkan", "en": "may merge"},
    "hub_decision.exclude": {"id": "selalu hub", "en": "always a hub"},
    "matched_by.exact": {"id": "sama persis", "en": "exact"},
    "matched_by.ewallet_number": {"id": "dompet digital dengan nomor ini", "en": "e-wallet on this number"},
    "matched_by.phone_of_ewallet": {"id": "nomor HP dompet digital ini", "en": "phone of this e-wallet"},
    "matched_by.domain": {"id": "domain tautan", "en": "link's domain"},
    "kind.domain": {"id": "domain", "en": "domain"},
    "kind.telegram": {"id": "Telegram", "en": "Telegram"},
    "kind.whatsapp": {"id": "grup WhatsApp", "en": "WhatsApp group"},
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
    "data.upload_label": {"id": "Berkas ekspor (CSV, TSV, XLS, XLSX, JSON, JSONL, Parquet)",
                          "en": "Export files (CSV, TSV, XLS, XLSX, JSON, JSONL, Parquet)"},
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
    "col.unused_columns": {"id": "Kolom tidak dipakai", "en": "Columns not used"},
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
