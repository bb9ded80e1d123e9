"""The vocabulary of the synthetic demo: entities, time and weight helpers, and fake identifiers.

Identifiers are kept canonical here: a phone is its national number ("81200000101"), a bank account is
(bank, digits), an e-wallet is (brand, national number). `jaring/demo_world.py` generates the world and
`jaring/demo_text.py` writes it the messy way people do.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from jaring import demo_data as D

ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@dataclass
class Network:
    """A recruiter network: accounts on several platforms sharing phones, bank accounts and e-wallets."""

    nid: int
    size: int
    phones: list[str]
    banks: list[tuple[str, str]]
    wallets: list[tuple[str, str]]
    regions: list[str]
    dests: list[str]
    platforms: list[str]
    start: date
    end: date
    email: str | None = None
    link: str | None = None


@dataclass
class Account:
    """One detected account with its identifiers and status history."""

    key: int
    platform: str
    handle: str
    url: str
    display: str
    dest: str
    region: str | None = None  # regency "NN.NN" or province "NN" code
    junk_region: str | None = None
    network: int | None = None
    phones: list[str] = field(default_factory=list)
    banks: list[tuple[str, str]] = field(default_factory=list)
    wallets: list[tuple[str, str]] = field(default_factory=list)
    email: str | None = None
    link: str | None = None
    hub: bool = False
    hostile_text: bool = False
    first_seen: date = date.min
    n_posts: int = 1
    span: int = 120  # days over which its posts spread
    events: list[tuple[date, str]] = field(default_factory=list)  # (day, status), oldest first

    def state(self, day: date) -> tuple[str, date | None, date | None, date]:
        """Status on `day`, the latest report and block dates up to then, and when the status began."""
        past = [e for e in self.events if e[0] <= day] or self.events[:1]
        reported = max((d for d, s in past if s == "dilaporkan"), default=None)
        blocked = max((d for d, s in past if s == "diblokir"), default=None)
        return past[-1][1], reported, blocked, past[-1][0]


@dataclass
class Post:
    """One detection: an account seen posting an ad at a moment."""

    account: Account
    at: datetime
    first: bool
    detection_id: str = ""


@dataclass
class Case:
    """One complaint, with the recruiter contacts the victim gave (matching an account or not)."""

    day: date
    origin: str | None
    dest: str
    case_type: str
    channel: str
    victims: int
    status: str
    account: Account | None = None  # the detected account whose identifiers the contacts repeat
    phones: list[str] = field(default_factory=list)
    banks: list[tuple[str, str]] = field(default_factory=list)
    wallets: list[tuple[str, str]] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    case_id: str = ""


@dataclass
class DemoModel:
    """Everything the export writers need."""

    today: date
    months: list[date]
    networks: list[Network]
    accounts: list[Account]
    posts: list[Post]
    cases: list[Case]
    rng_format: random.Random

    @property
    def cutoff(self) -> date:
        """Last day of the long CSV export: the end of the previous month."""
        return self.months[-1] - timedelta(days=1)

    @property
    def planted_regions(self) -> tuple[str, ...]:
        """Regencies whose counts are planted exactly; general sampling never draws them."""
        return (*D.LATE_REGENCIES, D.SURGE_REGENCY)


# ---------------------------------------------------------------- time helpers


def month_starts(today: date, count: int = 25) -> list[date]:
    """First days of the `count` months ending with `today`'s month."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return [date((index + i) // 12, (index + i) % 12 + 1, 1) for i in range(count)]


def month_end(months: list[date], m: int, today: date) -> date:
    """Last day of month `m`, or `today` for the current month."""
    nxt = months[m + 1] if m + 1 < len(months) else date(months[m].year + months[m].month // 12,
                                                         months[m].month % 12 + 1, 1)
    return min(nxt - timedelta(days=1), today)


def day_between(rng, start: date, end: date) -> date:
    """A uniformly random day in [start, end] (start when end is earlier)."""
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def growth(months: list[date], rise: float) -> list[float]:
    """Month weights that rise linearly by `rise` over the period: activity trends upward."""
    return _growth_weights(len(months), rise)


@functools.cache
def _growth_weights(count: int, rise: float) -> list[float]:
    return [1 + rise * m / (count - 1) for m in range(count)]


def dest_weights(months: list[date], m: int) -> dict[str, float]:
    """Destination weights in month `m`: scam-compound destinations rise fastest near the end."""
    return _dest_weights_at(m / (len(months) - 1))


@functools.cache
def _dest_weights_at(f: float) -> dict[str, float]:
    return {iso: a + (b - a) * (f * f if iso in D.SCAM_DESTINATIONS else f)
            for iso, (a, b, *_rest) in D.DESTINATIONS.items()}


def pick(rng, weights: dict):
    """One key of `weights`, drawn with probability proportional to its value."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def distinct(rng, weights: dict, k: int) -> list:
    """`k` different keys of `weights`, in the order drawn."""
    chosen: list = []
    while len(chosen) < min(k, len(weights)):
        item = pick(rng, weights)
        if item not in chosen:
            chosen.append(item)
    return chosen


def geometric(rng, p: float, cap: int) -> int:
    """Failures before the first success of probability `p`, at most `cap`: a heavy-ish tail of counts."""
    n = 0
    while n < cap and rng.random() > p:
        n += 1
    return n


# ---------------------------------------------------------------- identifiers


class Ids:
    """Hands out identifiers nobody else has: phones, bank accounts, handles."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.taken: set = set()  # membership only, never iterated (keeps output order deterministic)

    def _claim(self, make):
        while (value := make()) in self.taken:
            pass
        self.taken.add(value)
        return value

    def phone(self) -> str:
        rng = self.rng
        return self._claim(lambda: f"{rng.choice(D.FREE_PHONE_PREFIXES)}0000{rng.randint(0, 9999):04d}")

    def bank(self) -> tuple[str, str]:
        rng = self.rng
        name = pick(rng, D.BANK_WEIGHTS)
        length = D.BANKS[name][0]
        return name, self._claim(lambda: f"00009{rng.randint(0, 10 ** (length - 5) - 1):0{length - 5}d}")

    def wallet(self) -> tuple[str, str]:
        return self.rng.choice(D.WALLETS), self.phone()

    def email(self, handle: str) -> str:
        stem = "".join(ch for ch in handle.split(".example")[0] if ch.isalnum())[:20]
        return self._claim(lambda: f"{stem}{self.rng.randint(1, 99)}@mail.example")

    def handle(self, platform: str, dest: str) -> str:
        rng = self.rng

        def make() -> str:
            parts = [rng.choice(D.HANDLE_HEADS), rng.choice(D.DEST_SLUGS[dest])]
            if rng.random() < 0.6:
                parts.append(rng.choice(D.HANDLE_TAILS))
            sep = {"website": "-", "facebook": ".", "instagram": rng.choice("._")}.get(platform, "_")
            handle = sep.join(parts).replace(".", sep)
            if rng.random() < 0.6:
                handle += str(rng.randint(1, 999))
            return platform + ":" + handle + (".example" if platform == "website" else "")

        return self._claim(make).split(":", 1)[1]


def net_phone(k: int, j: int) -> str:
    """Phone `j` of network `k`: 0821-0000-kkjj style, fixed whatever the seed."""
    return f"{D.NETWORK_PHONE_PREFIXES[(k + j) % len(D.NETWORK_PHONE_PREFIXES)]}0000{k:02d}{j:02d}"


def net_bank(k: int, j: int) -> tuple[str, str]:
    """Bank account `j` of network `k`: digits 0000kkjj..., fixed whatever the seed."""
    name = list(D.BANKS)[(k + j) % len(D.BANKS)]
    return name, f"0000{k:02d}{j:02d}" + "5070123456789"[: D.BANKS[name][0] - 8]


def net_wallet(k: int, j: int) -> tuple[str, str]:
    """E-wallet `j` of network `k`: a 0838-0000-kkjj number, fixed whatever the seed."""
    return D.WALLETS[(k + j) % len(D.WALLETS)], f"{D.NETWORK_WALLET_PREFIX}0000{k:02d}{j:02d}"


def account_url(rng, platform: str, handle: str) -> str:
    """The profile URL of an account (a channel invite code for WhatsApp)."""
    if platform == "whatsapp":
        return "https://whatsapp.com/channel/0029Va" + "".join(rng.choices(ALNUM, k=16))
    return {"facebook": "https://www.facebook.com/{}", "instagram": "https://www.instagram.com/{}/",
            "tiktok": "https://www.tiktok.com/@{}", "x": "https://x.com/{}", "telegram": "https://t.me/{}",
            "youtube": "https://www.youtube.com/@{}", "website": "https://{}/"}[platform].format(handle)


@functools.cache
def regency_weights() -> dict[str, float]:
    """Regency code -> weight as a PMI origin; the planted regencies (weight 0) are left out."""
    return {code: row[2] for code, row in D.REGENCIES.items() if row[2] > 0}
