"""Generate the synthetic demo world: networks, accounts, takedown timelines, posts and complaints.

Planted facts (see `jaring/demo_data.py`): heavy-tailed recruiter networks linked by shared identifiers,
three bridges between networks, a fake hotline quoted by many unrelated accounts, regencies targeted only
in the last two months, and one regency whose rate surges.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta

from jaring import demo_data as D
from jaring.demo_model import (
    Account,
    Case,
    DemoModel,
    Ids,
    Network,
    Post,
    account_url,
    day_between,
    dest_weights,
    distinct,
    geometric,
    growth,
    month_end,
    month_starts,
    net_bank,
    net_phone,
    net_wallet,
    pick,
    regency_weights,
)

SINGLETONS = 4300
GENERAL_CASES = 1450


def build_model(seed: int, today: date) -> DemoModel:
    """Generate the demo world for 25 months ending in `today`'s month."""
    rng = random.Random(seed)
    months = month_starts(today)
    ids = Ids(rng)
    networks = [_network(rng, ids, k, size, months, today) for k, size in enumerate(D.NETWORK_SIZES, 1)]
    accounts: list[Account] = []
    for net in networks:
        accounts += _network_accounts(rng, ids, net)
    singles = [_singleton(rng, ids, months, today) for _ in range(SINGLETONS)]
    late = [_singleton(rng, ids, months, today, region=code, since=months[-2])
            for code in D.LATE_REGENCIES for _ in range(2)]
    accounts += singles + late + _surge_accounts(rng, ids, months, today)
    for key, acc in enumerate(accounts):
        acc.key = key
    _plant(rng, networks, accounts, singles)
    _spread_late_posts(rng, accounts, today)
    for acc in accounts:
        acc.events = _lifecycle(rng, acc, today)
    posts = [p for acc in accounts for p in _posts(rng, acc, today)]
    posts += _restorations(rng, accounts, months[-1] - timedelta(days=1), today)
    posts.sort(key=lambda p: (p.at, p.account.key))
    for i, post in enumerate(posts, 1):
        post.detection_id = f"DET-{i:06d}"
    cases = _cases(rng, ids, accounts, months, today)
    return DemoModel(today, months, networks, accounts, posts, cases, random.Random(seed * 7919 + 1))


# ---------------------------------------------------------------- networks and accounts


def _network(rng, ids: Ids, k: int, size: int, months: list[date], today: date) -> Network:
    last = len(months) - 1
    if k <= 3:
        start_m, end_m = 0, last
    elif k == D.EMERGING_NETWORK:
        start_m, end_m = last - 1, last
    elif k in D.SCAM_NETWORKS:
        start_m, end_m = rng.randint(last // 2 - 2, last - 6), last
    else:
        start_m = rng.randint(0, last - 5)
        end_m = min(last, start_m + rng.randint(5, 20))
    if k in D.SCAM_NETWORKS:
        dests = rng.sample(["KH", "MM", "LA"], rng.randint(1, 2))
    else:
        regular = {iso: w[0] for iso, w in D.DESTINATIONS.items() if iso not in D.SCAM_DESTINATIONS}
        dests = distinct(rng, regular, rng.randint(1, 2))
    regions = list(D.LATE_REGENCIES) if k == D.EMERGING_NETWORK else distinct(rng, regency_weights(),
                                                                               rng.randint(1, 3))
    net = Network(
        nid=k, size=size,
        phones=[net_phone(k, j) for j in range(1, 2 + size // 15)],
        banks=[net_bank(k, j) for j in range(1, 1 + size // 25 + (k % 3 == 0))],
        wallets=[net_wallet(k, j) for j in range(1, 1 + size // 35 + (k % 4 == 1))],
        regions=regions, dests=dests,
        platforms=distinct(rng, D.PLATFORM_WEIGHTS, min(6, 2 + size // 30 + rng.randint(0, 1))),
        start=months[start_m], end=month_end(months, end_m, today),
    )
    if k % 2 == 0:
        net.email = f"{rng.choice(D.HANDLE_HEADS)}.{D.DEST_SLUGS[dests[0]][0]}{k}@mail.example"
    if k % 5 == 0:
        net.link = f"https://{ids.handle('website', dests[0])}/daftar"
    return net


def _network_accounts(rng, ids: Ids, net: Network) -> list[Account]:
    """Accounts of one network. Each shares an identifier already in use, so the network is connected."""
    pool = ([("phone", p) for p in net.phones] + [("bank", b) for b in net.banks]
            + [("wallet", w) for w in net.wallets])
    used, unused = [pool[0]], pool[1:]
    rng.shuffle(unused)
    accounts = []
    for i in range(net.size):
        mine = [pool[0]] if i == 0 else [rng.choice(used)]
        if unused and (rng.random() < 0.5 or len(unused) >= net.size - i):
            mine.append(unused.pop())
            used.append(mine[-1])
        if rng.random() < 0.25 and (extra := rng.choice(used)) not in mine:
            mine.append(extra)
        platform = pick(rng, {p: D.PLATFORM_WEIGHTS[p] for p in net.platforms})
        first_seen = day_between(rng, net.start, net.end)
        acc = _new_account(rng, ids, platform, rng.choice(net.dests), first_seen)
        acc.network = net.nid
        acc.n_posts = 2 + geometric(rng, 0.35, 13)
        acc.span = rng.randint(20, 240)
        for kind, value in mine:
            {"phone": acc.phones, "bank": acc.banks, "wallet": acc.wallets}[kind].append(value)
        acc.email = net.email if net.email and rng.random() < 0.3 else None
        acc.link = net.link if net.link and rng.random() < 0.4 else None
        region = rng.choice(net.regions)
        u = rng.random()
        if net.nid == D.EMERGING_NETWORK or u < 0.85:
            acc.region = region
        elif u < 0.95:
            acc.region = region[:2]
        accounts.append(acc)
    return accounts


def _new_account(rng, ids: Ids, platform: str, dest: str, first_seen: date) -> Account:
    handle = ids.handle(platform, dest)
    if rng.random() < 0.35:
        display = f"{rng.choice(D.HONORIFICS)} {rng.choice(D.FIRST_NAMES)} {rng.choice(D.NAME_SUFFIXES)}"
    else:
        name = D.DESTINATIONS[dest][2][0]
        display = rng.choice(D.DISPLAY_TEMPLATES).format(Dest=name, DEST=name.upper(), year=first_seen.year)
    if platform == "website":
        display = display.replace("Info Loker", "Portal Lowongan")
    return Account(key=0, platform=platform, handle=handle, url=account_url(rng, platform, handle),
                   display=display, dest=dest, first_seen=first_seen)


def _singleton(rng, ids: Ids, months, today, region: str | None = None, since: date | None = None,
               until: date | None = None) -> Account:
    if since is None:
        m = rng.choices(range(len(months)), weights=growth(months, 0.8))[0]
        since, until = months[m], month_end(months, m, today)
    day = day_between(rng, since, until or today)
    m = next(i for i in range(len(months) - 1, -1, -1) if months[i] <= day)
    acc = _new_account(rng, ids, pick(rng, D.PLATFORM_WEIGHTS), pick(rng, dest_weights(months, m)), day)
    acc.n_posts, acc.span = 1 + geometric(rng, 0.33, 12), rng.randint(7, 240)
    if rng.random() < 0.75:
        acc.phones = [ids.phone() for _ in range(1 + (rng.random() < 0.08))]
    if rng.random() < 0.15:
        acc.banks = [ids.bank()]
    if rng.random() < 0.08:
        acc.wallets = [ids.wallet()]
    if rng.random() < 0.05:
        acc.email = ids.email(acc.handle)
    if region is not None:
        acc.region = region
    else:
        u = rng.random()
        code = pick(rng, regency_weights())
        if u < 0.75:
            acc.region = code
        elif u < 0.83:
            acc.region = code[:2]
        elif u < 0.88:
            acc.junk_region = rng.choice(D.JUNK_REGIONS)
    return acc


def _surge_accounts(rng, ids: Ids, months, today) -> list[Account]:
    """A low steady baseline in the surge regency, then several times the rate in the last two months."""
    accounts = []
    for m in range(len(months)):
        surging = m >= len(months) - 2
        count = rng.randint(7, 10) if surging else rng.choice((0, 1, 1, 1, 2, 2, 3))
        for _ in range(count):
            end = month_end(months, m, today) if surging else months[m] + timedelta(days=19)
            acc = _singleton(rng, ids, months, today, region=D.SURGE_REGENCY, since=months[m], until=end)
            acc.n_posts, acc.span = (rng.randint(1, 2), 10) if surging else (1, 0)
            accounts.append(acc)
    return accounts


def _plant(rng, networks: list[Network], accounts: list[Account], singles: list[Account]) -> None:
    """Hub phone, bridges between networks, hostile strings."""
    plain = [a for a in accounts if a.region not in (*D.LATE_REGENCIES, D.SURGE_REGENCY)]
    networked = [a for a in plain if a.network]
    for acc in rng.sample(networked, D.HUB_ACCOUNTS // 3) + rng.sample(
            [a for a in plain if a.network is None], D.HUB_ACCOUNTS - D.HUB_ACCOUNTS // 3):
        acc.hub = True
    by_net = {n.nid: [a for a in accounts if a.network == n.nid] for n in networks}
    for a, b, kind in D.BRIDGES:
        source = {"bank": networks[a - 1].banks, "wallet": networks[a - 1].wallets,
                  "phone": networks[a - 1].phones}[kind][0]
        target = by_net[b][-1]
        {"bank": target.banks, "wallet": target.wallets, "phone": target.phones}[kind].append(source)
    by_net[1][1].display = D.HOSTILE_DISPLAY_NAMES[0]
    by_net[1][2].hostile_text = True
    by_net[2][0].display = D.HOSTILE_DISPLAY_NAMES[1]
    singles[0].display = D.HOSTILE_DISPLAY_NAMES[2]
    singles[1].display, singles[1].platform = D.HOSTILE_DISPLAY_NAMES[3], "instagram"
    singles[1].handle = D.HOSTILE_HANDLE
    singles[1].url = account_url(rng, "instagram", D.HOSTILE_HANDLE)


def _spread_late_posts(rng, accounts: list[Account], today: date) -> None:
    """Give each late-emerging regency a fixed 14-20 posts, all in the last two months."""
    for code in D.LATE_REGENCIES:
        mine = [a for a in accounts if a.region == code]
        for acc in mine:
            acc.n_posts, acc.span = 1, (today - acc.first_seen).days
        for _ in range(rng.randint(14, 20) - len(mine)):
            rng.choice(mine).n_posts += 1


# ---------------------------------------------------------------- timelines and posts


def _lifecycle(rng, acc: Account, today: date) -> list[tuple[date, str]]:
    """Detected, then usually reported; the platform blocks after its own delay, rejects, or stays silent."""
    median, sigma, p_reject, p_silent = D.TAKEDOWN[acc.platform]
    events = [(acc.first_seen, "terdeteksi")]
    if rng.random() < 0.06:
        return events
    reported = acc.first_seen + timedelta(days=0 if rng.random() < 0.3 else rng.randint(1, 12))
    events.append((reported, "dilaporkan"))
    u = rng.random()
    if u < p_reject:
        events.append((reported + timedelta(days=rng.randint(2, 30)), "ditolak"))
    elif u >= p_reject + p_silent:
        delay = max(1, round(rng.lognormvariate(math.log(median), sigma)))
        events.append((reported + timedelta(days=delay), "diblokir"))
    return [e for e in events if e[0] <= today]


def _at(rng, day: date) -> datetime:
    return datetime.combine(day, time(rng.randint(6, 23), rng.randint(0, 59)))


def _posts(rng, acc: Account, today: date) -> list[Post]:
    """Posts spread over the account's life; those after today are not seen yet (no pile-up at the end)."""
    end = acc.first_seen + timedelta(days=acc.span)
    end = min(end, next((d for d, s in acc.events if s == "diblokir"), end))
    later = sorted(day_between(rng, acc.first_seen, end) for _ in range(acc.n_posts - 1))
    days = [acc.first_seen] + [d for d in later if d <= today]
    return [Post(acc, _at(rng, d), first=i == 0) for i, d in enumerate(days)]


def _restorations(rng, accounts: list[Account], cutoff: date, today: date) -> list[Post]:
    """Blocked accounts restored after appeal this month; most are blocked again a few days later."""
    window = (today - cutoff).days
    if window < 4:
        return []
    pool = [a for a in accounts if a.platform in ("facebook", "instagram", "tiktok") and a.region not in
            (*D.LATE_REGENCIES, D.SURGE_REGENCY) and a.state(cutoff)[0] == "diblokir"
            and a.state(cutoff)[2] >= cutoff - timedelta(days=75)]
    networked = [a for a in pool if a.network]
    singles = [a for a in pool if a.network is None]
    chosen = rng.sample(networked, min(7, len(networked))) + rng.sample(singles, min(3, len(singles)))
    posts = []
    for i, acc in enumerate(chosen):
        restored = cutoff + timedelta(days=rng.randint(1, max(1, window // 2)))
        acc.events.append((restored, "dipulihkan"))
        until = today
        if i < 6 and (again := restored + timedelta(days=rng.randint(2, 8))) <= today:
            acc.events.append((again, "diblokir"))
            until = again - timedelta(days=1)
        posts += [Post(acc, _at(rng, day_between(rng, restored, until)), first=False)
                  for _ in range(rng.randint(1, 3))]
    return posts


# ---------------------------------------------------------------- cases


def _cases(rng, ids: Ids, accounts: list[Account], months: list[date], today: date) -> list[Case]:
    planted = (*D.LATE_REGENCIES, D.SURGE_REGENCY)
    plain = [a for a in accounts if a.region not in planted and a.first_seen <= today]
    networked = [a for a in plain if a.network]
    # Victims mostly quote a phone, bank account or e-wallet; some only name the account.
    singles = [a for a in plain if a.network is None and (a.phones or a.banks or a.wallets)]
    bare = [a for a in plain if a.network is None and not (a.phones or a.banks or a.wallets)]
    weights = growth(months, 0.4)
    cases = []
    for _ in range(GENERAL_CASES):
        if rng.random() < 0.55:
            u = rng.random()
            acc = rng.choice(networked if u < 0.6 else singles if u < 0.92 else bare)
            day = min(today, acc.first_seen + timedelta(days=rng.randint(0, 150)))
            origin = acc.region if acc.region and "." in acc.region and rng.random() < 0.5 else None
            cases.append(_case(rng, ids, months, day, origin, acc))
        else:
            m = rng.choices(range(len(months)), weights=weights)[0]
            cases.append(_case(rng, ids, months, day_between(rng, months[m], month_end(months, m, today)),
                               None, None))
    emerging = [a for a in accounts if a.network == D.EMERGING_NETWORK]
    for code in D.LATE_REGENCIES:
        for _ in range(rng.randint(10, 15)):
            mine = [a for a in emerging if a.region == code]
            acc = rng.choice(mine) if mine and rng.random() < 0.6 else None
            since = acc.first_seen if acc else months[-2]
            cases.append(_case(rng, ids, months, day_between(rng, since, today), code, acc))
    for m in range(len(months)):
        surging = m >= len(months) - 2
        for _ in range(rng.randint(6, 9) if surging else rng.choice((0, 1, 1, 1, 2))):
            day = day_between(rng, months[m], month_end(months, m, today))
            cases.append(_case(rng, ids, months, day, D.SURGE_REGENCY, None))
    cases.sort(key=lambda c: c.day)
    per_year: dict[int, int] = {}
    for case in cases:
        per_year[case.day.year] = per_year.get(case.day.year, 0) + 1
        case.case_id = f"PGD/{case.day.year}/{case.day.month:02d}/{per_year[case.day.year]:04d}"
    return cases


def _case(rng, ids: Ids, months, day: date, origin: str | None, acc: Account | None) -> Case:
    m = next(i for i in range(len(months) - 1, -1, -1) if months[i] <= day)
    if origin is None and rng.random() < 0.97:
        code = pick(rng, regency_weights())
        origin = code if rng.random() < 0.93 else code[:2]
    dest = acc.dest if acc and rng.random() < 0.9 else pick(rng, dest_weights(months, m))
    types = D.CASE_TYPES_SCAM if dest in D.SCAM_DESTINATIONS else D.CASE_TYPES_REGULAR
    case_type = pick(rng, types)
    heavy = case_type in ("online scam", "TPPO/perdagangan orang")
    victims = rng.choices(range(1, 13), weights=(10, 9, 8, 7, 6, 5, 3, 3, 2, 2, 1, 1) if heavy else
                          (60, 14, 9, 5, 4, 3, 1, 1, 1, 1, 0.5, 0.5))[0]
    recent = (months[-1] - day).days < 30
    status = rng.choice(("baru", "diproses")) if recent else pick(rng, D.CASE_STATUSES)
    if acc and rng.random() < 0.8:
        channel = D.CHANNEL_LABELS[acc.platform]
    else:
        channel = pick(rng, D.OFFLINE_CHANNELS)
    case = Case(day, origin, dest, case_type, channel, victims, status, account=acc)
    if acc is not None:
        if acc.phones and rng.random() < 0.85:
            case.phones = [rng.choice(acc.phones)]
        if acc.banks and rng.random() < 0.5:
            case.banks = [rng.choice(acc.banks)]
        if acc.wallets and rng.random() < 0.4:
            case.wallets = [rng.choice(acc.wallets)]
        if acc.phones and not (case.phones or case.banks or case.wallets):
            case.phones = [acc.phones[0]]
        if rng.random() < 0.4 or not (case.phones or case.banks or case.wallets):
            case.accounts = [acc]
    elif rng.random() < 0.8:  # contacts that match nothing detected
        case.phones = [ids.phone()] if rng.random() < 0.8 else []
        case.banks = [ids.bank()] if rng.random() < 0.25 else []
        case.wallets = [ids.wallet()] if rng.random() < 0.1 else []
        if rng.random() < 0.15:
            platform = pick(rng, D.PLATFORM_WEIGHTS)
            handle = ids.handle(platform, dest)
            case.accounts = [Account(-1, platform, handle, account_url(rng, platform, handle), "", dest)]
    return case
