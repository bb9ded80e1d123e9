"""How people write things in the demo exports: phones, bank accounts, dates, regions, ads, complaints.

Each function takes the formatting `random.Random` so the same seed gives the same text.
"""

from __future__ import annotations

import functools
import string
from datetime import date, datetime

from jaring import demo_data as D
from jaring.demo_model import ALNUM, Account, Case, Post


def fmt_status(rng, status: str, platform: str) -> str:
    """An Indonesian status word in varying case; a few in English; takedowns for sites and videos."""
    if rng.random() < 0.03:
        return D.STATUS_ENGLISH[status]
    if status == "diblokir" and platform in ("website", "youtube") and rng.random() < 0.6:
        return "di-takedown"
    return rng.choice(D.STATUS_TEXTS[status])


def fmt_day(rng, day: date, at: datetime | None = None) -> str:
    """Day-first dates as analysts type them: 07/03/2025, 7 Maret 2025, or 07/03/2025 14:05."""
    u = rng.random()
    if u < 0.14:
        return f"{day.day} {D.MONTHS_ID[day.month - 1]} {day.year}"
    if at is not None and u < 0.32:
        return f"{day:%d/%m/%Y} {at:%H:%M}"
    return f"{day:%d/%m/%Y}"


# ---------------------------------------------------------------- post content


_IDENTIFIER_SLOTS = {"phone", "bank", "wallet", "email", "link"}
_TEMPLATES = [(t, {f for _, f, _, _ in string.Formatter().parse(t) if f in _IDENTIFIER_SLOTS})
              for t in D.AD_TEMPLATES]


@functools.cache
def _templates_for(phone: bool, bank: bool, wallet: bool, email: bool, link: bool) -> tuple[str, ...]:
    """The ad templates an account can fill: only identifiers it has may appear in its ads."""
    have = {"phone": phone, "bank": bank, "wallet": wallet, "email": email, "link": link}
    return tuple(t for t, needs in _TEMPLATES if all(have[n] for n in needs))


def post_fields(rng, post: Post) -> dict:
    """The content columns of one detection; the first post of an account lists all its identifiers."""
    acc = post.account
    keep = 1.0 if post.first else 0.7
    phones = [p for p in acc.phones if rng.random() < keep]
    if acc.hub and rng.random() < 0.25:
        phones.append(D.HUB_PHONE)
    sep = rng.choice((" / ", ", ", "; "))
    handle, url = acc.handle, acc.url
    u = rng.random()
    if u < 0.05 and acc.platform != "whatsapp":
        handle = ""
    elif u < 0.15:
        url = ""
    return {
        "platform": rng.choice(D.PLATFORM_LABELS[acc.platform]), "account_handle": handle,
        "account_url": url, "display_name": acc.display, "content_url": _post_url(rng, acc),
        "content_text": _ad_text(rng, acc, post), "phones": sep.join(fmt_phone(rng, p, True) for p in phones),
        "bank_accounts": sep.join(fmt_bank(rng, b) for b in acc.banks if rng.random() < keep),
        "ewallets": sep.join(fmt_wallet(rng, w) for w in acc.wallets if rng.random() < keep),
        "emails": acc.email if acc.email and rng.random() < 0.6 else "",
        "target_region": _region_text(rng, acc.region) if acc.region else (acc.junk_region or ""),
        "destination_country": rng.choice(D.DESTINATIONS[acc.dest][2]),
    }


def _ad_text(rng, acc: Account, post: Post) -> str:
    template = rng.choice(_templates_for(bool(acc.phones), bool(acc.banks), bool(acc.wallets),
                                         bool(acc.email), bool(acc.link)))
    dest_text = rng.choice(D.DESTINATIONS[acc.dest][2])
    text = template.format(
        DEST=dest_text.upper(), dest=dest_text, job=rng.choice(D.DESTINATIONS[acc.dest][3]),
        salary=_salary(rng, acc.dest), region=_region_phrase(rng, acc), n=rng.randint(5, 50),
        fee=rng.choice(D.FEES), year=post.at.year, email=acc.email, link=acc.link,
        phone=fmt_phone(rng, rng.choice(acc.phones), False) if acc.phones else "",
        bank=fmt_bank(rng, rng.choice(acc.banks)) if acc.banks else "",
        wallet=fmt_wallet(rng, rng.choice(acc.wallets)) if acc.wallets else "",
    )
    if acc.hub and (post.first or rng.random() < 0.85):
        text += rng.choice(D.HUB_SENTENCES).format(label=rng.choice(D.HUB_LABELS),
                                                    hub=fmt_phone(rng, D.HUB_PHONE, False))
    if acc.hostile_text and post.first:
        text += " " + D.HOSTILE_TEXT
    return text


def _salary(rng, dest: str) -> str:
    span = D.DESTINATIONS[dest][4]
    if span is None:
        return f"USD {rng.choice(('800', '1.000', '1.200', '1.500'))}"
    n = rng.randint(*span)
    return rng.choice((f"{n} juta", f"{n} jt", f"Rp {n}.000.000", f"{n} juta/bulan"))


def _region_phrase(rng, acc: Account) -> str:
    if acc.region and "." in acc.region:
        short = D.REGENCIES[acc.region][0]
        return short if rng.random() < 0.7 else f"{short} ({D.PROVINCES[acc.region[:2]][1]})"
    if acc.region:
        return D.PROVINCES[acc.region][0]
    return rng.choice(("seluruh Indonesia", "semua daerah", "Jawa dan luar Jawa"))


def _region_text(rng, code: str) -> str:
    """A target-region cell: 'Kab. Indramayu', 'Lombok Timur', 'Jatim', 'Kota Bandung', 'Cianjur, Jabar'."""
    if "." not in code:
        name, abbr = D.PROVINCES[code]
        return rng.choice((name, abbr, abbr, name.upper(), f"Prov. {name}"))
    short, is_kota, _, extra = D.REGENCIES[code]
    abbr = D.PROVINCES[code[:2]][1]
    if is_kota:
        return rng.choice((f"Kota {short}", f"Kota {short}", f"KOTA {short.upper()}",
                           f"Kota {short}, {abbr}"))
    options = [f"Kab. {short}", f"Kab. {short}", f"Kabupaten {short}", f"KAB {short.upper()}",
               f"{short}, {abbr}", *extra]
    options += [short] * (1 if short in D.AMBIGUOUS_SHORT else 3)  # bare shared names stay rarer
    return rng.choice(options)


_POST_URLS = {
    "facebook": "https://www.facebook.com/{handle}/posts/{number}",
    "instagram": "https://www.instagram.com/p/{code}/",
    "tiktok": "https://www.tiktok.com/@{handle}/video/7{number}",
    "x": "https://x.com/{handle}/status/1{number}",
    "telegram": "https://t.me/{handle}/{small}",
    "whatsapp": "{url}/{small}",
    "youtube": "https://www.youtube.com/watch?v={code}",
    "website": "https://{handle}/lowongan/{job}-{small}",
}


def _post_url(rng, acc: Account) -> str:
    pattern = _POST_URLS[acc.platform]
    code = "".join(rng.choices(ALNUM, k=11)) if "{code}" in pattern else ""
    job = rng.choice(D.DESTINATIONS[acc.dest][3]).replace(" ", "-") if "{job}" in pattern else ""
    return pattern.format(handle=acc.handle, url=acc.url, code=code, job=job,
                          number=rng.randint(10**14, 10**15 - 1), small=rng.randint(2, 4000))


# ---------------------------------------------------------------- identifiers as people write them


def fmt_phone(rng, national: str, column: bool) -> str:
    """0812-0000-1234, +62 812 0000 1234, 6281200001234, wa.me/6281200001234, ..."""
    head, mid, tail = national[:-8], national[-8:-4], national[-4:]
    if national == D.HUB_PHONE:
        return rng.choice((f"+62 {head} {mid} {tail}", f"(0{head}) {mid} {tail}", f"0{head}-{mid}-{tail}",
                           f"0{head} {mid}{tail}"))
    styles = (f"0{head}-{mid}-{tail}", f"+62 {head} {mid} {tail}", f"62{national}", f"wa.me/62{national}",
              f"0{head} {mid} {tail}", f"+62-{head}-{mid}-{tail}", f"0{national}", f"+62{national}")
    weights = (30, 18, 10, 3, 12, 8, 12, 7) if column else (30, 14, 6, 18, 10, 6, 10, 6)
    return rng.choices(styles, weights=weights)[0]


def fmt_bank(rng, bank: tuple[str, str]) -> str:
    """'BRI 0000-01-000123-50-7', 'rek BCA 0000123456 a.n. SRI W', 'Bank Mandiri no. 000...'."""
    name, digits = bank
    parts, i = [], 0
    for size in D.BANKS[name][1]:
        parts.append(digits[i:i + size])
        i += size
    holder = D.ACCOUNT_HOLDERS[int(digits) % len(D.ACCOUNT_HOLDERS)]
    return rng.choice((f"{name} {'-'.join(parts)}", f"{name} {digits}", f"rek {name} {digits} a.n. {holder}",
                       f"Bank {name} no. {'-'.join(parts)}", f"{name.upper()}: {' '.join(parts)}",
                       f"{digits} ({name})"))


def fmt_wallet(rng, wallet: tuple[str, str]) -> str:
    """'DANA 0838-0000-0105', 'OVO: 083800000105', 'gopay +62 838 0000 0105'."""
    brand, national = wallet
    number = rng.choice((f"0{national}", f"0{national[:3]}-{national[3:7]}-{national[7:]}",
                         f"+62 {national[:3]} {national[3:7]} {national[7:]}"))
    return rng.choice((f"{brand} {number}", f"{brand}: {number}", f"{brand.lower()} {number}"))


# ---------------------------------------------------------------- cases


def case_row(rng, case: Case) -> dict:
    """One complaint as the case export writes it, keyed by canonical field."""
    province, regency = _case_region(rng, case.origin)
    u = rng.random()
    day = fmt_day(rng, case.day) if u < 0.9 else f"{case.day:%d-%m-%Y}"
    sep = rng.choice((" / ", ", ", "; "))
    return {
        "case_id": case.case_id, "reported_at": day, "origin_province": province, "origin_regency": regency,
        "destination_country": rng.choice(D.DESTINATIONS[case.dest][2]),
        "case_type": rng.choice(D.CASE_TYPE_TEXTS[case.case_type]), "channel": case.channel,
        "recruiter_phones": sep.join(fmt_phone(rng, p, column=True) for p in case.phones),
        "recruiter_bank_accounts": sep.join(fmt_bank(rng, b) for b in case.banks),
        "recruiter_ewallets": sep.join(fmt_wallet(rng, w) for w in case.wallets),
        "recruiter_accounts": sep.join(_account_mention(rng, a) for a in case.accounts),
        "description": _description(rng, case), "victims": _victims(rng, case.victims), "status": case.status,
    }


def _description(rng, case: Case) -> str:
    """The 'Kronologi': how the victim was recruited, paid and harmed, sometimes quoting a contact."""
    job = rng.choice(D.DESTINATIONS[case.dest][3])
    dest = rng.choice(D.DESTINATIONS[case.dest][2])
    if case.banks:
        pay = f" ke rekening {fmt_bank(rng, case.banks[0])}"
    elif case.wallets:
        pay = f" lewat {fmt_wallet(rng, case.wallets[0])}"
    else:
        pay = rng.choice((" secara tunai kepada sponsor", " kepada calo di desa", ""))
    text = (f"Korban direkrut melalui {case.channel} oleh seseorang yang mengaku agen resmi, dijanjikan "
            f"kerja {job} di {dest} dengan gaji {_salary(rng, case.dest)}. Korban membayar "
            f"Rp {rng.choice(D.FEES)}{pay}. " + D.CASE_OUTCOMES[case.case_type].format(m=rng.randint(2, 9)))
    if case.phones and rng.random() < 0.3:
        text += f" Perekrut menghubungi korban lewat WA {fmt_phone(rng, case.phones[0], False)}."
    if rng.random() < 0.15:
        text += ' Kata perekrut: "pasti berangkat; semua aman".'
    if rng.random() < 0.05:
        text += "\nKeluarga korban melapor ke posko."
    return text


def _victims(rng, n: int) -> str:
    u = rng.random()
    return f"{n} orang" if u < 0.04 else (f"± {n}" if u < 0.06 and n > 2 else str(n))


def _case_region(rng, code: str | None) -> tuple[str, str]:
    if code is None:
        return rng.choice((("", ""), ("-", "-"), ("", "tidak diketahui")))
    name, abbr = D.PROVINCES[code[:2]]
    province = rng.choice((name, name, name.upper(), abbr, f"Prov. {name}")) if rng.random() < 0.8 else ""
    if "." not in code:
        return province or name, rng.choice(("", "", "-"))
    short, is_kota, _, extra = D.REGENCIES[code]
    if is_kota:
        return province, rng.choice((f"Kota {short}", f"KOTA {short.upper()}", f"Kota {short}"))
    options = [f"Kab. {short}", f"Kab. {short}", f"Kabupaten {short}", f"KAB. {short.upper()}", *extra]
    if province and short not in D.AMBIGUOUS_SHORT:
        options.append(short)
    return province, rng.choice(options)


def _account_mention(rng, acc: Account) -> str:
    """How a victim names the recruiter's account: a link, an @handle, a domain, or 'handle (Facebook)'."""
    u = rng.random()
    if acc.platform == "website":
        return acc.url if u < 0.5 else acc.handle
    if u < 0.55:
        return acc.url
    if acc.platform in ("tiktok", "instagram", "x", "telegram") and u < 0.9:
        return f"@{acc.handle}"
    if u < 0.85:
        return acc.url
    return f"{acc.handle} ({D.CHANNEL_LABELS[acc.platform]})"  # readable to people, not to a parser
