"""Drawing and exporting one network: offline, escaped pyvis HTML; analysis; exports; takedown packages; search."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import networkx as nx
import pandas as pd
import pytest
from networks_support import build

from jaring import db, network_graph, network_reports, network_view
from jaring import network_page as npg

HOSTILE = ("<img src=x onerror=alert(1)>", '"><script>alert(1)</script>',
           'Loker <a href="http://phish.example">KLIK</a>')
FULL = {"start": date(2025, 1, 1), "end": date(2025, 4, 30), "platforms": [], "provinces": [], "countries": []}


@pytest.fixture(scope="module")
def reader(tmp_path_factory) -> db.Reader:
    return db.Reader(build("second", tmp_path_factory.mktemp("network_view")))


def query_runner(reader: db.Reader):
    """The page's query signature (name, filters=None, **params) on a plain reader."""
    def run(name, filters=None, **params):
        return reader.query(name, **((filters.as_params() if filters else {}) | params))
    return run


def drawn_html(reader, network_id: int) -> str:
    nodes = reader.query("network_graph_nodes", network_id=network_id)
    edges = reader.query("network_graph_edges", network_id=network_id)
    graph = network_graph.build_graph(nodes, edges)
    analysis = network_graph.analyse(graph)
    return network_view.network_html(nodes, edges, analysis, network_graph.layout(graph))


def test_graph_html_loads_nothing_from_the_network(reader):
    html = drawn_html(reader, 3)
    assert re.search(r"\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", html, re.IGNORECASE) is None
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html
    assert "vis.Network" in html and "new vis.DataSet" in html  # vis-network is inline


def test_graph_html_carries_hostile_names_only_as_escaped_text(reader):
    html = drawn_html(reader, 3)
    for text in HOSTILE:
        assert text not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html  # JSON-escaped inside the data, shown as text
    # c3's handle and display name contain "href": pyvis would switch every tooltip to innerHTML
    assert "rekrut.c3_href" in html and "popup.innerHTML" not in html
    assert "<h1></h1>" in html  # pyvis inserts the heading raw: we never set one


def test_assert_offline_refuses_remote_resources():
    for bad in ('<script src="https://cdn.example/vis.js"></script>', "<link href='//cdn.example/x.css'>",
                '<img src="http://tracker.example/p.gif">'):
        with pytest.raises(network_view.UnsafeGraphHtml):
            network_view.assert_offline(bad)
    network_view.assert_offline('<script>var svg = "http://www.w3.org/2000/svg";</script>')


def test_a_large_network_is_drawn_from_python_positions_with_physics_off():
    # a star of 1,199 accounts around one bank account, plus a chain: 1,200 nodes
    nodes = pd.DataFrame({"node": [f"a{i}" for i in range(1, 1200)] + ["i1"],
                          "node_kind": ["account"] * 1199 + ["identifier"], "status": "detected",
                          "handle": [f"akun{i}" for i in range(1, 1200)] + [None],
                          "identifier_kind": [None] * 1199 + ["bank_account"], "value": [None] * 1199 + ["BRI:1"]})
    edges = pd.DataFrame({"source": [f"a{i}" for i in range(1, 1200)], "target": "i1", "edge_kind": "detection",
                          "detections": 1, "first_seen": None, "last_seen": None})
    graph = network_graph.build_graph(nodes, edges)
    analysis = network_graph.analyse(graph)
    drawn = network_graph.nodes_to_draw(analysis)
    assert len(drawn) == 500 and drawn[0] == "i1" and bool(analysis["estimated"].iloc[0])
    positions = network_graph.layout(graph.subgraph(drawn))
    html = network_view.network_html(nodes[nodes.node.isin(drawn)], edges, analysis, positions)
    assert '"physics": {"enabled": false' in html and html.count('"shape": "dot"') == 499


def test_analysis_finds_what_ties_the_network_together(reader):
    nodes = reader.query("network_graph_nodes", network_id=1)
    edges = reader.query("network_graph_edges", network_id=1)
    analysis = network_graph.analyse(network_graph.build_graph(nodes, edges))
    # b2 (a4) and the shared BRI account (i2) are the only links between the a- and the b-accounts
    assert analysis["node"].head(2).tolist() == ["a4", "i2"]
    assert analysis.set_index("node").loc["i4", "betweenness"] == 0  # the hub is drawn, never a bridge
    assert analysis.set_index("node").loc["a1", "degree"] == 3  # P1, BRI and the hub


def test_exports_keep_text_intact_and_neutralise_formulas(reader):
    nodes = reader.query("network_graph_nodes", network_id=1)
    edges = reader.query("network_graph_edges", network_id=1)
    graph = network_graph.build_graph(nodes, edges)
    parsed = nx.read_graphml(io.BytesIO(network_graph.graphml_bytes(graph)))
    assert parsed.nodes["a9"]["display_name"] == '=HYPERLINK("http://evil.example")'
    assert parsed.number_of_nodes() == 11 and parsed.number_of_edges() == 12
    gexf = nx.read_gexf(io.BytesIO(network_graph.gexf_bytes(graph)))
    assert gexf.number_of_nodes() == 11
    csv = network_graph.nodes_csv(nodes, network_graph.analyse(graph)).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv


def test_takedown_evidence_spelled_out(reader):
    candidates = reader.query("takedown_candidates", **FULL)
    shown = network_reports.with_evidence(candidates, reader.query("takedown_evidence",
                                                                   account_ids=candidates["account_id"].tolist()))
    assert shown["evidence"].iloc[0] == (
        "rekening bank BRI:000001000111501 juga dipakai akun diblokir rekrut.a1 (Facebook, diblokir 10 Maret 2025)"
        " | nomor HP +6281300002222 juga dipakai akun diblokir rekrut.b1 (Facebook, diblokir 12 Maret 2025)")
    english = network_reports.with_evidence(candidates.head(1), reader.query("takedown_evidence", account_ids=[4]),
                                            "en")
    assert english["evidence"].iloc[0].startswith("bank account BRI:000001000111501 also used by blocked rekrut.a1 "
                                                  "(Facebook, blocked 10 March 2025)")


def test_takedown_package_per_platform(reader):
    candidates = reader.query("takedown_candidates", **FULL)
    build = npg.package_builder(reader.path, candidates, "facebook")
    document = json.loads(build("json"))
    assert document["platform"] == "facebook" and document["timezone"] == "Asia/Jakarta"
    assert [a["handle"] for a in document["accounts"]] == ["rekrut.b2", "rekrut.a2", "rekrut.a3"]
    b2 = document["accounts"][0]
    assert [p["url"] for p in b2["posts"]] == ["https://www.facebook.com/rekrut.b2/posts/1",
                                              "https://www.facebook.com/rekrut.b2/posts/2"]
    assert b2["shared_identifiers"] == [{"kind": "bank_account", "value": "BRI:000001000111501"},
                                        {"kind": "phone", "value": "+6281300002222"}]
    assert [(b["handle"], b["blocked_at"]) for b in b2["linked_blocked_accounts"]] == [
        ("rekrut.a1", "2025-03-10T00:00:00"), ("rekrut.b1", "2025-03-12T00:00:00")]
    assert b2["first_seen"] == "2025-03-06T00:00:00" and b2["score"] == 6.7
    table = pd.read_csv(io.BytesIO(build("csv")), encoding="utf-8-sig", dtype=str)
    assert table["handle"].tolist() == ["rekrut.b2", "rekrut.a2", "rekrut.a3"]
    assert table.loc[2, "display_name"] == "'=HYPERLINK(\"http://evil.example\")"  # formula neutralised
    assert table.loc[0, "post_urls"] == ("https://www.facebook.com/rekrut.b2/posts/1 | "
                                         "https://www.facebook.com/rekrut.b2/posts/2")


@pytest.mark.parametrize("typed", ["0857-0000-3333", "+62 857 0000 3333", "62857 0000 3333", "wa.me/6285700003333",
                                   "0857.0000.3333", "https://wa.me/6285700003333?text=halo"])
def test_search_finds_an_identifier_from_any_written_form(reader, typed):
    found = npg.search(query_runner(reader), typed)
    assert (found.terms.kind, found.value) == ("phone", "+6285700003333")
    assert found.identifiers[["value", "network_id"]].values.tolist() == [["+6285700003333", 3]]
    assert sorted(found.accounts["handle"]) == ["rekrut.c1", "rekrut.c2", "rekrut.c3_href"]


def test_search_by_handle_bank_and_nonsense(reader):
    found = npg.search(query_runner(reader), "@rekrut.c1")
    assert found.accounts["handle"].tolist() == ["rekrut.c1"] and found.cases["case_id"].tolist() == ["NWK-4"]
    found = npg.search(query_runner(reader), "BRI 0000 01 000111 50 1")
    assert sorted(found.accounts["handle"]) == ["rekrut.a1", "rekrut.a2", "rekrut.b2"]
    assert npg.search(query_runner(reader), "<img src=x onerror=alert(1)>") is None


def test_recidivism_summary_and_hub_text_parsing(reader):
    frame, summary = npg.recidivism(query_runner(reader), npg.Filters(date(2025, 1, 1), date(2025, 4, 30)))
    # 4 reappearances of 3 identifiers, 3 on new accounts; days 24, 23, 3, 1 -> median 13
    assert summary == {"reappearances": "4", "identifiers": "3", "new_accounts": "3", "median_days": "13"}
    pairs, unreadable = npg.parse_identifiers("021-1500-888\ndomain:bit.ly\n\nnomor rahasia\nphone:0812 0000 1111")
    assert pairs == [("phone", "+62211500888"), ("domain", "bit.ly"), ("phone", "+6281200001111")]
    assert unreadable == ["nomor rahasia"]
