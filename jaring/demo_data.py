"""Tables behind the synthetic demo data: planted facts, region and route weights, text templates."""

from __future__ import annotations

# ---------------------------------------------------------------- planted facts (page tests assert on these)

# Recruiter networks, largest first: network k (1-based) has NETWORK_SIZES[k - 1] accounts. Heavy-tailed.
NETWORK_SIZES = (150, 96, 72, 55, 44, 36, 30, 25, 21, 18, 16, 14, 12, 11, 10, 9, 8, 8, 7, 6, 6, 5, 5,
                 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2)
# A network that appears only in the last two months and recruits in the newly targeted regencies.
EMERGING_NETWORK = 12
# Networks that recruit for the scam compounds in Cambodia, Myanmar and Laos; they start later.
SCAM_NETWORKS = (4, 9, 15, 22)
# (network A, network B, kind): one account of B also carries A's first identifier of that kind.
BRIDGES = ((3, 8, "bank"), (6, 14, "wallet"), (10, 21, "phone"))
# A fake ministry hotline quoted in ads of many unrelated accounts: the hub guard must cut it.
HUB_PHONE = "2100000000"  # national number of +62 21 0000 0000
HUB_LABELS = ("Hotline Kemnaker", "Pengaduan resmi BP2MI", "Call center Disnaker", "Layanan resmi pemerintah")
HUB_ACCOUNTS = 90
# Regencies that are targeted only in the last two months, and one whose rate surges in those months.
LATE_REGENCIES = ("18.13", "53.18", "61.11")  # Pesisir Barat, Sumba Barat Daya, Kayong Utara
SURGE_REGENCY = "61.01"  # Sambas

HOSTILE_DISPLAY_NAMES = (
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://evil.example")',
    "+cmd|' /C calc'!A0",
    'Loker <a href="http://phish.example">KLIK DI SINI</a>',
)
HOSTILE_HANDLE = "loker_href_malaysia"
HOSTILE_TEXT = '"><script>alert(1)</script>'

# ---------------------------------------------------------------- identifier spaces (all visibly fake)

# Mobile prefixes (after the 0) for network phones; the last four digits encode network and index.
NETWORK_PHONE_PREFIXES = ("812", "813", "821", "822", "852", "853")
NETWORK_WALLET_PREFIX = "838"
# Prefixes for every other phone; never used by networks, so singletons cannot collide with them.
FREE_PHONE_PREFIXES = ("811", "815", "817", "818", "819", "831", "859", "877", "878", "895", "896",
                       "897", "898", "899")
# Bank -> account-number length and the digit groups it is usually written in.
BANKS = {
    "BRI": (15, (4, 2, 6, 2, 1)),
    "BCA": (10, (3, 3, 4)),
    "Mandiri": (13, (3, 2, 7, 1)),
    "BNI": (10, (3, 3, 4)),
    "BSI": (10, (4, 3, 3)),
}
BANK_WEIGHTS = {"BRI": 40, "BCA": 22, "Mandiri": 16, "BNI": 14, "BSI": 8}
WALLETS = ("DANA", "OVO", "GoPay", "ShopeePay")
ACCOUNT_HOLDERS = ("SRI W", "AGUS S", "Rina K.", "YANTI", "Dedi P.", "NUR A", "Tini M.", "Heru S",
                   "CV Jalur Cepat Demo", "Ayu L.")

# ---------------------------------------------------------------- platforms and takedown behaviour

PLATFORM_WEIGHTS = {"facebook": 35, "tiktok": 20, "instagram": 12, "whatsapp": 8, "telegram": 8, "x": 6,
                    "youtube": 4, "website": 7}
PLATFORM_LABELS = {
    "facebook": ("Facebook", "Facebook", "Facebook", "FB", "facebook"),
    "instagram": ("Instagram", "Instagram", "IG", "instagram"),
    "tiktok": ("TikTok", "TikTok", "Tiktok", "tiktok"),
    "x": ("X", "X (Twitter)", "Twitter", "X"),
    "telegram": ("Telegram", "Telegram", "telegram"),
    "whatsapp": ("WhatsApp", "WhatsApp", "WA"),
    "youtube": ("YouTube", "Youtube"),
    "website": ("Website", "Situs web", "Web"),
}
# platform -> (median report-to-block days, lognormal sigma, P(rejected), P(never answered))
TAKEDOWN = {
    "facebook": (12, 0.7, 0.08, 0.06),
    "instagram": (9, 0.7, 0.07, 0.06),
    "tiktok": (3, 0.6, 0.05, 0.04),
    "youtube": (14, 0.8, 0.10, 0.08),
    "whatsapp": (20, 0.8, 0.15, 0.10),
    "x": (60, 0.6, 0.25, 0.15),
    "telegram": (75, 0.6, 0.30, 0.20),
    "website": (95, 0.5, 0.12, 0.15),
}
STATUS_TEXTS = {
    "terdeteksi": ("terdeteksi", "Terdeteksi", "TERDETEKSI"),
    "dilaporkan": ("dilaporkan", "Dilaporkan", "DILAPORKAN"),
    "diblokir": ("diblokir", "Diblokir", "DIBLOKIR", "di-takedown"),
    "ditolak": ("ditolak", "Ditolak"),
    "dipulihkan": ("dipulihkan", "Dipulihkan"),
}
STATUS_ENGLISH = {"terdeteksi": "detected", "dilaporkan": "reported", "diblokir": "blocked",
                  "ditolak": "rejected", "dipulihkan": "restored"}

# ---------------------------------------------------------------- regions

PROVINCES = {
    "12": ("Sumatera Utara", "Sumut"),
    "18": ("Lampung", "Lampung"),
    "32": ("Jawa Barat", "Jabar"),
    "33": ("Jawa Tengah", "Jateng"),
    "35": ("Jawa Timur", "Jatim"),
    "52": ("Nusa Tenggara Barat", "NTB"),
    "53": ("Nusa Tenggara Timur", "NTT"),
    "61": ("Kalimantan Barat", "Kalbar"),
}
# code -> (short name, is_kota, weight as origin of PMI, extra spellings). Weights follow the
# real origin pattern: Jawa Barat, Jawa Tengah, Jawa Timur, NTB, NTT, Lampung, Sumatera Utara.
REGENCIES = {
    "32.12": ("Indramayu", False, 16, ("KAB INDRAMAYU",)),
    "32.09": ("Cirebon", False, 11, ()),
    "32.03": ("Cianjur", False, 10, ()),
    "32.02": ("Sukabumi", False, 8, ()),
    "32.10": ("Majalengka", False, 4, ()),
    "32.08": ("Kuningan", False, 3, ()),
    "32.13": ("Subang", False, 4, ()),
    "32.15": ("Karawang", False, 4, ()),
    "32.05": ("Garut", False, 3, ()),
    "32.73": ("Bandung", True, 2, ()),
    "33.01": ("Cilacap", False, 9, ()),
    "33.29": ("Brebes", False, 7, ()),
    "33.24": ("Kendal", False, 6, ()),
    "33.02": ("Banyumas", False, 3, ()),
    "33.05": ("Kebumen", False, 3, ()),
    "33.15": ("Grobogan", False, 2, ()),
    "35.02": ("Ponorogo", False, 7, ()),
    "35.07": ("Malang", False, 8, ()),
    "35.05": ("Blitar", False, 6, ()),
    "35.04": ("Tulungagung", False, 6, ()),
    "35.10": ("Banyuwangi", False, 4, ()),
    "35.09": ("Jember", False, 3, ()),
    "35.06": ("Kediri", False, 2, ()),
    "52.03": ("Lombok Timur", False, 12, ("Lotim",)),
    "52.02": ("Lombok Tengah", False, 7, ("Loteng",)),
    "52.01": ("Lombok Barat", False, 3, ()),
    "52.04": ("Sumbawa", False, 2, ()),
    "53.01": ("Kupang", False, 4, ()),
    "53.02": ("Timor Tengah Selatan", False, 4, ("TTS",)),
    "53.04": ("Belu", False, 2, ()),
    "18.07": ("Lampung Timur", False, 5, ()),
    "18.02": ("Lampung Tengah", False, 2, ()),
    "12.71": ("Medan", True, 4, ()),
    "12.07": ("Deli Serdang", False, 4, ()),
    "12.05": ("Langkat", False, 2, ()),
    # planted: only in the last two months / surging (weight 0: never drawn by the general sampler)
    "18.13": ("Pesisir Barat", False, 0, ()),
    "53.18": ("Sumba Barat Daya", False, 0, ("SBD",)),
    "61.11": ("Kayong Utara", False, 0, ()),
    "61.01": ("Sambas", False, 0, ()),
}
# Bare short names that are shared by a kabupaten and a kota (ambiguous without a prefix).
AMBIGUOUS_SHORT = ("Cirebon", "Sukabumi", "Malang", "Blitar", "Kupang", "Bandung", "Kediri")
# Target-region texts no gazetteer can resolve.
JUNK_REGIONS = ("sekitarnya", "seluruh Indonesia", "area bebas", "Pulau Jawa", "-", "dekat perbatasan",
                "wilayah timur", "semua daerah", "Indonesia")

# ---------------------------------------------------------------- destinations

# iso2 -> (weight at the start, weight at the end, texts, (job types), salary kind)
# Scam-compound destinations rise towards the end of the period.
DESTINATIONS = {
    "MY": (30, 22, ("Malaysia", "Malaysia", "MALAYSIA", "Kuala Lumpur", "Johor", "Sabah", "Sarawak"),
           ("kebun sawit", "pabrik", "ART", "konstruksi", "restoran"), (6, 9)),
    "SA": (14, 9, ("Arab Saudi", "Arab Saudi", "Saudi", "KSA", "Riyadh", "Jeddah"),
           ("ART", "sopir pribadi", "cleaning service"), (7, 10)),
    "TW": (12, 10, ("Taiwan", "Taiwan", "TAIWAN", "Taipei"), ("pabrik", "perawat lansia", "ABK"), (15, 25)),
    "HK": (10, 8, ("Hong Kong", "Hongkong", "Hong Kong"), ("ART", "perawat lansia"), (11, 15)),
    "SG": (6, 5, ("Singapura", "Singapore"), ("ART", "perawat lansia"), (8, 12)),
    "AE": (5, 5, ("UEA", "Dubai", "Uni Emirat Arab", "Abu Dhabi"), ("ART", "hotel", "cleaning service"),
           (8, 12)),
    "KR": (6, 6, ("Korea Selatan", "Korsel", "Korea", "Seoul"), ("pabrik", "ABK", "pertanian"), (25, 35)),
    "JP": (5, 6, ("Jepang", "Japan", "Tokyo"), ("pabrik", "perawat lansia", "pertanian"), (20, 30)),
    "BN": (1, 1, ("Brunei",), ("ART", "konstruksi"), (6, 8)),
    "QA": (1, 1, ("Qatar",), ("ART", "hotel"), (8, 11)),
    "KH": (1, 9, ("Kamboja", "Kamboja", "Cambodia", "Phnom Penh", "Sihanoukville"),
          ("admin online", "customer service", "operator game"), None),
    "MM": (0.5, 6, ("Myanmar", "Myanmar", "Myawaddy"), ("admin online", "marketing online"), None),
    "LA": (0.3, 3, ("Laos",), ("customer service", "admin online"), None),
    "TH": (0.5, 1, ("Thailand",), ("admin online", "restoran"), None),
}
SCAM_DESTINATIONS = ("KH", "MM", "LA", "TH")
DEST_SLUGS = {"MY": ("malaysia", "msia", "kl", "johor"), "SA": ("saudi", "arab", "ksa"),
              "TW": ("taiwan", "tw"), "HK": ("hongkong", "hk"), "SG": ("singapura", "sg"),
              "AE": ("dubai", "uea"), "KR": ("korea", "korsel"), "JP": ("jepang", "japan"),
              "BN": ("brunei",), "QA": ("qatar",), "KH": ("kamboja", "cambodia"), "MM": ("myanmar",),
              "LA": ("laos",), "TH": ("thailand",)}

# ---------------------------------------------------------------- names and handles

FIRST_NAMES = ("Rina", "Sari", "Andi", "Yanti", "Eko", "Dedi", "Wati", "Lina", "Rudi", "Nur", "Ayu",
               "Fitri", "Joko", "Heru", "Tini", "Agus", "Siti", "Budi", "Wulan", "Imam", "Rosa", "Dian")
HONORIFICS = ("Kak", "Mbak", "Mas", "Bu", "Pak", "Bunda", "Teh", "Bang")
NAME_SUFFIXES = ("Loker", "Info LN", "Agency", "Rekrut", "Official", "Kerja LN")
HANDLE_HEADS = ("loker", "info", "lowongan", "kerja", "agen", "jalur", "pmi", "tkw", "peluang", "rekrut",
                "berangkat", "karir", "gawe")
HANDLE_TAILS = ("resmi", "cepat", "official", "id", "center", "group", "express", "mandiri", "terpercaya",
                "murah", "tanpa.biaya", "online")
DISPLAY_TEMPLATES = ("Info Loker {Dest} Resmi", "Lowongan Kerja {Dest} {year}", "Jalur Cepat {Dest}",
                     "Agen PMI {Dest}", "Peluang Kerja {Dest}", "LOKER {DEST} TANPA BIAYA",
                     "Kerja di {Dest} Gaji Besar")

# ---------------------------------------------------------------- ad and case texts

# Placeholders: {DEST} {dest} {job} {salary} {region} {phone} {bank} {wallet} {email} {link} {hub} {n}
# {fee} {year}. A template is used only when the account has every identifier it names.
AD_TEMPLATES = (
    "LOKER {DEST}! Gaji {salary}, tanpa biaya, proses cepat, khusus wilayah {region} dan sekitarnya. "
    "Hub WA {phone}",
    "Dibutuhkan segera {n} orang {job} untuk {dest} 🔥 Berangkat bulan depan, paspor dibantu. Cukup bayar "
    "biaya admin Rp {fee} ke {bank}. Minat? chat {phone}",
    "PROSES CEPAT {DEST} ✈️ tanpa pelatihan, tanpa PT, langsung kerja {job}! Gaji {salary} bersih. "
    "Domisili {region}. WA {phone}",
    "Lowongan {job} di {dest}, gaji {salary}, tiket & visa ditanggung, tanpa pengalaman. Syarat bisa "
    "mengetik. Hubungi {phone}",
    "Butuh cepat pekerja {job} {dest}. Tanpa biaya, potong gaji. Area {region}. DP pendaftaran via "
    "{wallet}. Info {phone}",
    "Yang mau kerja ke {dest} gaji {salary} inbox aja kak 🙏 berangkat dari {region}. {phone}",
    "Open recruitment {job} {DEST} {year} — usia 18-45, tanpa ijazah, medical dibantu. Transfer biaya "
    "proses ke {bank}. Kontak: {phone} / {email}",
    "🔥🔥 KERJA KE {DEST} 🔥🔥\nGaji {salary}\nProses 2 minggu\nKhusus {region}\nHub: {phone}",
    "Dicari {n} orang untuk kerja {job} di {dest}. Tidak perlu paspor, dibantu lewat jalur darat. "
    "Daftar: {link} CP {phone}",
    "Lowongan {job} {dest}, gaji {salary}. Proses cepat, wilayah {region}. Minat DM saja.",
    "Info kerja {dest} tanpa biaya, kuota terbatas! Daftar online di {link}",
    "LOWONGAN {DEST} {year}. Biaya pendaftaran Rp {fee} transfer ke {bank}, sisanya potong gaji.",
)
HUB_SENTENCES = (" Pengaduan: {label} {hub}", " Info resmi hubungi {label} {hub}.",
                 "\nTerdaftar di {label} {hub} ✅")
FEES = ("1.500.000", "2.500.000", "3.000.000", "3.500.000", "5.000.000", "750.000", "12.000.000")

CASE_TYPES_REGULAR = {"penipuan": 30, "keberangkatan non-prosedural": 22, "gaji tidak dibayar": 20,
                      "eksploitasi/kerja paksa": 16, "TPPO/perdagangan orang": 12}
CASE_TYPES_SCAM = {"online scam": 50, "TPPO/perdagangan orang": 35, "penipuan": 15}
CASE_TYPE_TEXTS = {
    "penipuan": ("Penipuan", "penipuan", "Penipuan rekrutmen"),
    "keberangkatan non-prosedural": ("Keberangkatan non-prosedural", "Non prosedural"),
    "gaji tidak dibayar": ("Gaji tidak dibayar", "gaji tidak dibayar"),
    "eksploitasi/kerja paksa": ("Eksploitasi/kerja paksa", "Kerja paksa"),
    "TPPO/perdagangan orang": ("TPPO", "TPPO/perdagangan orang", "Perdagangan orang"),
    "online scam": ("Online scam", "Penipuan online (scam)"),
}
CASE_OUTCOMES = {
    "penipuan": "Setelah transfer, perekrut tidak bisa dihubungi dan korban batal berangkat.",
    "keberangkatan non-prosedural": "Korban berangkat dengan visa kunjungan tanpa dokumen penempatan.",
    "gaji tidak dibayar": "Sudah {m} bulan bekerja, gaji tidak dibayar oleh majikan.",
    "eksploitasi/kerja paksa": "Korban bekerja lebih dari 16 jam sehari tanpa libur dan dilarang keluar.",
    "TPPO/perdagangan orang": "Paspor korban ditahan dan korban dipindahkan ke majikan lain tanpa izin.",
    "online scam": "Korban dipaksa menjadi operator penipuan online dengan target harian dan disiksa "
                   "bila gagal.",
}
CHANNEL_LABELS = {"facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok", "x": "X/Twitter",
                  "telegram": "Telegram", "whatsapp": "WhatsApp", "youtube": "YouTube",
                  "website": "Situs lowongan"}
OFFLINE_CHANNELS = {"Facebook": 25, "WhatsApp": 18, "calo/sponsor": 20, "TikTok": 12, "Sponsor desa": 5,
                    "Teman/keluarga": 8, "Instagram": 5, "Telegram": 4, "Tidak diketahui": 3}
CASE_STATUSES = {"baru": 10, "diproses": 25, "dalam penanganan": 20, "dirujuk ke Polri": 10,
                 "selesai": 25, "ditutup": 10}
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")

# ---------------------------------------------------------------- export headers

DETECTION_CSV_HEADERS = {
    "detection_id": "No. Deteksi", "detected_at": "Tgl Deteksi", "platform": "Platform",
    "account_handle": "Akun", "account_url": "URL Akun", "display_name": "Nama Tampilan",
    "content_url": "Link Postingan", "content_text": "Isi Iklan", "phones": "No HP",
    "bank_accounts": "No Rek", "ewallets": "E-Wallet", "target_region": "Wilayah Sasaran",
    "destination_country": "Negara Tujuan",
    "status": "Status", "reported_at": "Tgl Lapor", "blocked_at": "Tgl Blokir",
}
DETECTION_XLSX_HEADERS = {
    "detection_id": "ID Temuan", "detected_at": "Tanggal Temuan", "platform": "Media Sosial",
    "account_handle": "Username", "account_url": "Link Akun", "display_name": "Nama Profil",
    "content_url": "URL Postingan", "content_text": "Teks Iklan", "phones": "Nomor WA",
    "bank_accounts": "Nomor Rekening", "ewallets": "Dompet Digital", "emails": "Email",
    "target_region": "Daerah Sasaran", "destination_country": "Negara Tujuan",
    "status": "Status Penanganan", "reported_at": "Tanggal Pelaporan", "blocked_at": "Tanggal Takedown",
    "status_changed_at": "Tgl Update",
}
CASE_HEADERS = {
    "case_id": "No Pengaduan", "reported_at": "Tanggal Pengaduan", "origin_province": "Provinsi",
    "origin_regency": "Kab/Kota", "destination_country": "Negara Penempatan", "case_type": "Jenis Kasus",
    "channel": "Saluran Rekrutmen", "recruiter_phones": "No HP Perekrut",
    "recruiter_bank_accounts": "Rekening Perekrut", "recruiter_ewallets": "E-Wallet Perekrut",
    "recruiter_accounts": "Akun Perekrut", "description": "Kronologi", "victims": "Jumlah Korban",
    "status": "Status Kasus",
}
