"""E-mail addresses, URLs, domains, Telegram/WhatsApp links and social-media handles."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Top-level domains accepted for links written without "http(s)://": without this list "no.hp" or
# "a.n.budi" in ad text would pass as domains. Links with a scheme may use any TLD.
_TLDS = (
    "com net org info biz xyz online site store shop app dev io co me ly id my sg ph th vn kh la mm bn tw hk "
    "mo kr jp cn in au nz uk us ca de nl fr it es ru ae sa qa kw om bh tr pl eu asia club top live link "
    "click website space tech vip fun icu cc tv ws gd gl to mobi pro work jobs blog news"
).split()
_TLD_ALT = "|".join(sorted(_TLDS, key=lambda t: (-len(t), t)))

EMAIL_PATTERN = r"(?i)\b[a-z0-9._%+\-]+@(?:[a-z0-9\-]+\.)+[a-z]{2,24}\b"
# The optional "local-part@" prefix swallows e-mail addresses whole, so "info@kerja.com" is one candidate
# that url() rejects instead of yielding the domain "kerja.com".
URL_PATTERN = (
    r"(?i)(?:[a-z0-9._%+\-]+@)?(?:https?://[^\s<>\"']+"
    rf"|(?:[a-z0-9\-]+\.)+(?:{_TLD_ALT})\b(?:[/?#][^\s<>\"']*)?)"
)
TELEGRAM_PATTERN = (
    r"(?i)(?:https?://|\b)(?:www\.)?(?:t|telegram)\.(?:me|dog)/(?:s/|joinchat/|\+)?[a-z0-9_\-]+"
    r"|tg://resolve\?domain=[a-z0-9_]+"
    r"|\b(?:telegram|tele|tg)\b[\s:=\-]*@[a-z][a-z0-9_]{3,31}"
)
WHATSAPP_PATTERN = r"(?i)(?:https?://|\b)chat\.whatsapp\.com/(?:invite/)?[a-z0-9]{10,}"

_EMAIL_RE = re.compile(
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}"
)
_URL_RE = re.compile(URL_PATTERN, re.ASCII)
_EMAIL_SEARCH_RE = re.compile(EMAIL_PATTERN, re.ASCII)
# A non-web scheme right before a scheme-less match ("ftp://x.com", "mailto:a@b.co") disqualifies it.
_OTHER_SCHEME_RE = re.compile(r"\b(?:mailto|ftps?|sftp|file|tg|whatsapp|intent|market):/*$", re.IGNORECASE)
_LABEL_RE = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_IPV4_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_TRAILING = ".,;:!?)]}'\""

_TRACKING = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
             "igshid", "igsh", "si", "mibextid", "ref", "ref_src", "ref_url", "mc_cid", "mc_eid", "_rdr"}
_TRACKING_BY_HOST = {
    "x.com": {"s", "t"}, "twitter.com": {"s", "t"},
    "tiktok.com": {"_t", "_r", "is_from_webapp", "sender_device", "sender_web_id", "is_copy_url"},
    "facebook.com": {"__tn__", "__cft__[0]", "sfnsn", "rdid", "share_url", "paipv", "eav"},
}
# Mobile/web sub-domains that serve the same profile pages as the bare social host.
_SOCIAL_HOSTS = {"facebook.com", "x.com", "twitter.com", "youtube.com", "instagram.com", "tiktok.com"}
_MIRROR_PREFIXES = ("m.", "mobile.", "mbasic.", "web.")

_HOST_PLATFORMS = {
    "facebook.com": "facebook", "fb.com": "facebook", "fb.me": "facebook", "fb.watch": "facebook",
    "m.me": "facebook", "messenger.com": "facebook",
    "instagram.com": "instagram", "instagr.am": "instagram", "ig.me": "instagram",
    "tiktok.com": "tiktok", "x.com": "x", "twitter.com": "x", "t.co": "x",
    "t.me": "telegram", "telegram.me": "telegram", "telegram.dog": "telegram", "telegram.org": "telegram",
    "wa.me": "whatsapp", "whatsapp.com": "whatsapp", "wa.link": "whatsapp",
    "youtube.com": "youtube", "youtu.be": "youtube", "linkedin.com": "linkedin", "lnkd.in": "linkedin",
    "threads.net": "threads", "threads.com": "threads", "line.me": "line",
    "kaskus.co.id": "kaskus", "olx.co.id": "olx",
}

_TG_LINK_RE = re.compile(r"(?:^|[/.\s@])(?:t|telegram)\.(?:me|dog)/([^?#\s]+)", re.IGNORECASE)
_TG_URI_RE = re.compile(r"tg://resolve\?domain=(\w+)", re.IGNORECASE)
_TG_LABEL_RE = re.compile(r"^(?:telegram|tele|tg)\b[\s:=\-]*", re.IGNORECASE)
_TG_NAME_RE = re.compile(r"[a-z][a-z0-9_]{3,31}")
_TG_RESERVED = {"share", "addstickers", "addemoji", "addtheme", "c", "proxy", "socks", "iv", "login",
                "setlanguage", "confirmphone", "invoice", "bg", "boost"}
_WA_GROUP_RE = re.compile(r"chat\.whatsapp\.com/(?:invite/)?([A-Za-z0-9]{10,})", re.IGNORECASE)


def email(text: str | None) -> str | None:
    """Normalise an e-mail address: the first address in the text, lower-cased, shape-checked.

    Returns:
        "budi@gmail.com", or None when there is no well-formed address.
    """
    match = _EMAIL_SEARCH_RE.search(text) if text else None
    if match is None:
        return None
    value = match.group().lower()
    if len(value) > 254 or not _EMAIL_RE.fullmatch(value):
        return None
    return value


def url(text: str | None) -> str | None:
    """Canonicalise the first http(s) link in the text.

    Adds "https://" when missing, lower-cases the host and drops "www.", the fragment, tracking parameters
    and a trailing slash; other parameters are kept, sorted.

    Returns:
        e.g. "https://bit.ly/kerjaLN" for "bit.ly/kerjaLN?utm_source=fb", or None for no link, an e-mail
        address, a phone number or a scheme other than http/https.
    """
    match = _URL_RE.search(text) if text else None
    if match is None:
        return None
    candidate = match.group().rstrip(_TRAILING)
    schemeless = not candidate.lower().startswith(("http://", "https://"))
    if schemeless and ("@" in candidate.split("/", 1)[0] or _OTHER_SCHEME_RE.search(text[:match.start()])):
        return None  # an e-mail address, or ftp://, mailto: … in front of the match
    try:
        parts = urlsplit("https://" + candidate if schemeless else candidate)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    host = _canonical_host(host or "", schemeless)
    if host is None:
        return None
    default_port = {"http": 80, "https": 443}[parts.scheme.lower()]
    netloc = host if port in (None, default_port) else f"{host}:{port}"
    query = _clean_query(parts.query, host)
    return urlunsplit((parts.scheme.lower(), netloc, parts.path.rstrip("/"), query, ""))


def domain(url_text: str | None) -> str | None:
    """Host of url(url_text), lower case, without "www." (e.g. "bit.ly")."""
    canonical = url(url_text)
    return urlsplit(canonical).hostname if canonical else None


def _canonical_host(host: str, schemeless: bool) -> str | None:
    host = host.rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    if _IPV4_RE.fullmatch(host):
        return None if schemeless else host
    labels = host.split(".")
    tld = labels[-1]
    if len(labels) < 2 or not all(_LABEL_RE.fullmatch(label) for label in labels):
        return None
    if not (tld.isalpha() or tld.startswith("xn--")) or (schemeless and tld not in _TLDS):
        return None
    host = host.removeprefix("www.")
    for prefix in _MIRROR_PREFIXES:
        if host.startswith(prefix) and host[len(prefix):] in _SOCIAL_HOSTS:
            return host[len(prefix):]
    return host


def _clean_query(query: str, host: str) -> str:
    drop = _TRACKING | _TRACKING_BY_HOST.get(host, set())
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
             if k.lower() not in drop and not k.lower().startswith("utm_")]
    return urlencode(sorted(pairs), safe="/:@,")


def platform_from_url(url_text: str | None) -> str | None:
    """Platform of a link by its host: facebook.com/fb.com -> "facebook", …, any other host -> "website"."""
    host = domain(url_text)
    if host is None:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):  # sub-domains (vm.tiktok.com) take their parent's platform
        platform = _HOST_PLATFORMS.get(".".join(parts[i:]))
        if platform:
            return platform
    return "website"


def telegram(text: str | None) -> str | None:
    """Normalise a Telegram username or invite link.

    Args:
        text: "t.me/Name", "https://telegram.me/s/name", "Telegram: @name", "@name", "t.me/+AbC",
            "t.me/joinchat/AbC".

    Returns:
        "name" (lower case) for a username, "+AbC" (case kept) for an invite code, or None.
    """
    if not text:
        return None
    text = text.strip()
    link = _TG_LINK_RE.search(text)
    if link:
        return _telegram_path(link.group(1).rstrip(_TRAILING).split("/"))
    uri = _TG_URI_RE.search(text)
    if uri:
        return uri.group(1).lower()
    name = _TG_LABEL_RE.sub("", text).removeprefix("@").lower()
    return name if _TG_NAME_RE.fullmatch(name) else None


def _telegram_path(segments: list[str]) -> str | None:
    first = segments[0]
    if first.lower() == "joinchat":
        return "+" + segments[1] if len(segments) > 1 and segments[1] else None
    if first.startswith("+"):
        return first if len(first) > 1 and not first[1:].isdigit() else None  # t.me/+62… is a phone link
    if first.lower() == "s" and len(segments) > 1:
        first = segments[1]
    name = first.lower()
    if name in _TG_RESERVED or not re.fullmatch(r"[a-z0-9_]{1,64}", name):
        return None
    return name


def whatsapp(text: str | None) -> str | None:
    """Invite code of a WhatsApp group link (chat.whatsapp.com/CODE -> "CODE", case kept), else None."""
    match = _WA_GROUP_RE.search(text) if text else None
    return match.group(1) if match else None


_RESERVED_PATHS = {
    "facebook": {"groups", "pages", "watch", "share", "sharer", "sharer.php", "story.php", "permalink.php",
                 "photo", "photo.php", "photos", "events", "marketplace", "reel", "reels", "hashtag", "login",
                 "home.php", "gaming", "help", "policies", "stories", "profile.php", "people"},
    "instagram": {"p", "reel", "reels", "tv", "explore", "accounts", "direct", "about", "stories"},
    "x": {"i", "home", "search", "intent", "share", "hashtag", "explore", "settings", "messages",
          "notifications", "compose"},
}


def handle(text: str | None) -> str | None:
    """Normalise a social-media handle or profile URL to the bare account name.

    Args:
        text: "@Kerja.Malaysia", "instagram.com/kerja.malaysia/", "tiktok.com/@name", "x.com/name",
            "youtube.com/@name", "t.me/name", "facebook.com/profile.php?id=123".

    Returns:
        "kerja.malaysia" (lower case), "id:123" for numeric Facebook profiles, or None for empty text and
        for links that are not a profile (posts, groups, other websites).
    """
    text = (text or "").strip()
    if "/" in text.rstrip("/") and url(text):
        return _handle_from_url(url(text))
    name = " ".join(text.removeprefix("@").rstrip("/").split()).lower()
    return name or None


def _handle_from_url(link: str) -> str | None:
    platform = platform_from_url(link)
    parts = urlsplit(link)
    segs = [s for s in parts.path.split("/") if s]
    if platform == "telegram":
        name = telegram(link)
        return None if name is None or name.startswith("+") else name
    if not segs:
        return None
    first, second = segs[0].lower(), (segs[1].lower() if len(segs) > 1 else None)
    if platform == "facebook":
        return _facebook_handle(first, segs, parts.query)
    if platform in ("tiktok", "threads", "youtube") and first.startswith("@"):
        return first[1:] or None
    if platform == "youtube":
        return second if first in ("c", "user") else None
    if platform == "linkedin":
        return second if first in ("in", "company") else None
    if platform == "instagram" and first == "stories":
        return second
    if platform in ("instagram", "x"):
        return None if first in _RESERVED_PATHS[platform] else first
    return None


def _facebook_handle(first: str, segs: list[str], query: str) -> str | None:
    if first == "profile.php":
        profile_id = dict(parse_qsl(query)).get("id", "")
        return f"id:{profile_id}" if profile_id.isdigit() else None
    if first in ("people", "pages") and len(segs) >= 3 and segs[2].isdigit():
        return f"id:{segs[2]}"
    return None if first in _RESERVED_PATHS["facebook"] else first
