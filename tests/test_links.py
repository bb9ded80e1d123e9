"""Tests for e-mail, URL, domain, Telegram, WhatsApp and handle normalisers (jaring.links)."""

from __future__ import annotations

import pytest

from jaring import normalise as n


@pytest.mark.parametrize("text, expected", [
    ("bit.ly/abc", "https://bit.ly/abc"),
    ("www.x.com/y", "https://x.com/y"),
    ("HTTPS://WWW.Example.COM/Path/?b=2&a=1&utm_source=fb&fbclid=xx#top", "https://example.com/Path?a=1&b=2"),
    ("https://bit.ly/kerjaLN?utm_source=fb&utm_campaign=x", "https://bit.ly/kerjaLN"),
    ("https://x.com/user/status/1?s=20&t=abc", "https://x.com/user/status/1"),
    ("https://twitter.com/user?s=20", "https://twitter.com/user"),
    ("https://youtube.com/watch?v=abc&si=xyz&t=30", "https://youtube.com/watch?t=30&v=abc"),  # t kept here
    ("https://www.instagram.com/p/Cxyz/?igsh=abc&igshid=def", "https://instagram.com/p/Cxyz"),
    ("https://m.facebook.com/kerja.malaysia/?mibextid=abc&ref=share", "https://facebook.com/kerja.malaysia"),
    ("https://www.tiktok.com/@agen.ln/video/123?is_from_webapp=1&sender_device=pc&_t=8",
     "https://tiktok.com/@agen.ln/video/123"),
    ("http://lokerln.com:80/", "http://lokerln.com"),
    ("https://lokerln.com:8443/a", "https://lokerln.com:8443/a"),
    ("Kunjungi lowongan.co.id/daftar.", "https://lowongan.co.id/daftar"),
    ("(lihat https://kerja-ln.xyz/form)", "https://kerja-ln.xyz/form"),
    ("https://192.168.1.1/x", "https://192.168.1.1/x"),
    ("https://kerjä.com/a", "https://xn--kerj-ooa.com/a"),
    ("https://t.me/+AbCd", "https://t.me/+AbCd"),
])
def test_url(text, expected):
    assert n.url(text) == expected


@pytest.mark.parametrize("text", [
    None, "", "budi@gmail.com", "mailto:budi@gmail.com", "0812-3456-7890", "+62 812 3456 7890",
    "0812.3456.7890", "ftp://files.com/x", "no.hp 0812", "a.n. Budi", "kerja.malaysia", "http://localhost/x",
    "Rp.8.000.000", "gaji 8jt",
])
def test_url_rejects(text):
    assert n.url(text) is None


@pytest.mark.parametrize("text, expected", [
    ("https://www.Example.com/x", "example.com"),
    ("bit.ly/abc", "bit.ly"),
    ("m.facebook.com/x", "facebook.com"),
    ("https://sub.lokerln.co.id/a?b=1", "sub.lokerln.co.id"),
    ("budi@gmail.com", None),
    (None, None),
])
def test_domain(text, expected):
    assert n.domain(text) == expected


@pytest.mark.parametrize("text, expected", [
    (" Budi.Santoso@Gmail.COM ", "budi.santoso@gmail.com"),
    ("mailto:hrd@pt-maju.co.id", "hrd@pt-maju.co.id"),
    ("email: info@loker.id.", "info@loker.id"),
    ("loker+ln@yahoo.co.id", "loker+ln@yahoo.co.id"),
    ("budi@gmail", None),
    ("budi@@gmail.com", None),
    ("a..b@x.com", None),
    ("@kerja.malaysia", None),
    ("", None),
    (None, None),
])
def test_email(text, expected):
    assert n.email(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("t.me/LokerLN", "lokerln"),
    ("https://t.me/LokerLN/123", "lokerln"),
    ("https://telegram.me/s/Loker_LN", "loker_ln"),
    ("telegram.dog/LokerLN", "lokerln"),
    ("Telegram: @LokerLN_resmi", "lokerln_resmi"),
    ("TG @LokerLN", "lokerln"),
    ("@LokerLN", "lokerln"),
    ("lokerln", "lokerln"),
    ("tg://resolve?domain=LokerLN", "lokerln"),
    ("t.me/+AbCdEf123", "+AbCdEf123"),
    ("https://t.me/joinchat/AAAAAEx_Yz", "+AAAAAEx_Yz"),
    ("t.me/share/url?url=x", None),
    ("t.me/+6281234567890", None),   # a phone link, not an invite
    ("@ab", None),
    ("bukan username!", None),
    ("", None),
    (None, None),
])
def test_telegram(text, expected):
    assert n.telegram(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", "AbCdEfGhIjKlMnOpQrStUv"),
    ("gabung chat.whatsapp.com/invite/AbCdEfGhIjKlMnOpQrStUv?x=1", "AbCdEfGhIjKlMnOpQrStUv"),
    ("wa.me/6281234567890", None),
    ("chat.whatsapp.com/", None),
    (None, None),
])
def test_whatsapp(text, expected):
    assert n.whatsapp(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("@Kerja.Malaysia", "kerja.malaysia"),
    (" kerja.malaysia/ ", "kerja.malaysia"),
    ("Kerja  Malaysia", "kerja malaysia"),
    ("https://www.instagram.com/kerja.malaysia/", "kerja.malaysia"),
    ("instagram.com/stories/kerja.malaysia/123", "kerja.malaysia"),
    ("https://www.tiktok.com/@Agen.LN/video/123", "agen.ln"),
    ("x.com/LokerLN", "lokerln"),
    ("twitter.com/LokerLN/status/1", "lokerln"),
    ("youtube.com/@LokerLN", "lokerln"),
    ("youtube.com/c/LokerLN", "lokerln"),
    ("t.me/LokerLN", "lokerln"),
    ("facebook.com/profile.php?id=100012345", "id:100012345"),
    ("https://web.facebook.com/loker.ln.resmi", "loker.ln.resmi"),
    ("facebook.com/people/Loker-LN/100089/", "id:100089"),
    ("threads.net/@loker.ln", "loker.ln"),
    ("linkedin.com/in/budi-s", "budi-s"),
    ("instagram.com/p/Cxyz/", None),
    ("facebook.com/groups/lokerln", None),
    ("youtube.com/channel/UCabc", None),
    ("t.me/+abc", None),
    ("https://lokerln.com/about", None),
    ("", None),
    (None, None),
])
def test_handle(text, expected):
    assert n.handle(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("facebook.com/x", "facebook"),
    ("fb.com/x", "facebook"),
    ("https://instagram.com/x", "instagram"),
    ("https://vm.tiktok.com/ZS123/", "tiktok"),
    ("twitter.com/x", "x"),
    ("https://x.com/x", "x"),
    ("https://youtu.be/abc", "youtube"),
    ("https://t.me/x", "telegram"),
    ("wa.me/6281234567890", "whatsapp"),
    ("chat.whatsapp.com/AbCdEfGhIjKl", "whatsapp"),
    ("linkedin.com/in/x", "linkedin"),
    ("threads.net/@x", "threads"),
    ("line.me/R/ti/p/x", "line"),
    ("kaskus.co.id/thread/1", "kaskus"),
    ("olx.co.id/item/1", "olx"),
    ("lokerln.com", "website"),
    ("https://kerja.blogspot.com/2025", "website"),
    ("nothing", None),
    (None, None),
])
def test_platform_from_url(text, expected):
    assert n.platform_from_url(text) == expected
