"""Networks benchmark: components over ~1 M accounts against plain networkx, page render, pyvis HTML.

`jaring bench networks --rows 1500000` imports a synthetic export of that many detection rows over
1.2 × rows possible accounts (about 1.02 M distinct accounts for 1.5 M rows, each with a phone and a bank
account) through the real importer, then measures, each in its own process so every peak memory is its own:

* the network computation as the importer runs it (`rebuild_networks`: load the links, hub guard, numpy
  components, stable ids, write the tables), first on a database without networks, then again (ids carried);
* the same components with plain networkx (`Graph` from the same edges + `connected_components`);
* the Networks page's first render (AppTest, cold caches) on that database, next to its main query alone;
* a 500-node network drawn as pyvis HTML our way (positions from Python, lists filled directly, our template
  render) next to the naive way (add_node/add_edge, default spring layout, `generate_html`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from jaring.bench.synthetic import build_bench_database

_REBUILD = """
import sys, time
from jaring.bench.networks import peak_mb
from jaring import db, networks
path = sys.argv[1]
with db.writer(path) as con:
    con.execute("drop table if exists network_members; drop table if exists networks; "
                "drop table if exists network_merges; drop table if exists network_hubs; "
                "drop table if exists network_handle_links; drop table if exists network_settings")
    started = time.perf_counter()
    first = networks.rebuild_networks(con)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again = networks.rebuild_networks(con, force=True)
    again_s = time.perf_counter() - started
print(first, again, file=sys.stderr)
accounts, links = db.Reader(path).sql(
    "select (select count(*) from accounts), (select count(*) from (select distinct account_id, identifier_id "
    "from account_identifiers))").iloc[0]
print(first_s, again_s, peak_mb(), first.networks, accounts, links)
"""

_COMPONENTS = """
import sys, time
from jaring.bench.networks import peak_mb
import numpy  # imported before the clock starts, as networkx is in the baseline
from jaring import db, networks
con = db.Reader(sys.argv[1]).cursor()
started = time.perf_counter()
graph = networks._load_graph(con)
loaded = time.perf_counter()
hubs = networks._hubs(con, graph, networks.DEFAULT_HUB_LIMIT, networks._stoplist(networks.STOPLIST_PATH))
labels = networks._components(graph, hubs.loc[~hubs["merging"], "identifier_id"].to_numpy())
done = time.perf_counter()
print(loaded - started, done - loaded, peak_mb(), labels.max() + 1)
"""

_NETWORKX = """
import sys, time
from jaring.bench.networks import peak_mb
import networkx as nx
from jaring import db, networks
con = db.Reader(sys.argv[1]).cursor()
graph = networks._load_graph(con)
hubs = networks._hubs(con, graph, networks.DEFAULT_HUB_LIMIT, networks._stoplist(networks.STOPLIST_PATH))
cut = set(hubs.loc[~hubs["merging"], "identifier_id"].tolist())
a = graph.account_links[~graph.account_links["identifier_id"].isin(cut)]
c = graph.case_links[~graph.case_links["identifier_id"].isin(cut)]
edges = list(zip(("a%d" % x for x in a["account_id"]), ("i%d" % x for x in a["identifier_id"]))) + list(
    zip(("c%d" % x for x in c["case_code"]), ("i%d" % x for x in c["identifier_id"])))
started = time.perf_counter()
g = nx.Graph()
g.add_edges_from(edges)
built = time.perf_counter()
components = sum(1 for _ in nx.connected_components(g))
done = time.perf_counter()
print(built - started, done - built, peak_mb(), components)
"""

_PAGE = """
import os, sys, time
os.environ["JARING_DB"] = sys.argv[1]
from streamlit.testing.v1 import AppTest
from jaring.bench.apptest import navigate_like_a_server
navigate_like_a_server()
import streamlit as st
from jaring import db, network_page, ui
at = AppTest.from_file(sys.argv[2], default_timeout=600)
at.run()  # the default page: imports and the sidebar's queries are warm afterwards
st.cache_data.clear()
started = time.perf_counter()
at.switch_page("pages/networks.py").run()
page_s = time.perf_counter() - started
assert not at.exception, [e.value for e in at.exception]
filters = at.session_state["sidebar_filters"]
reader = db.Reader(sys.argv[1])
started = time.perf_counter()
table = reader.query("network_overview", **filters.as_params(), min_accounts=2)
query_s = time.perf_counter() - started
print(page_s, query_s, len(table))
"""

_PYVIS = """
import random, sys, time
import networkx as nx
import pandas as pd
from pyvis.network import Network
from jaring import network_graph as ng, network_view as nv
rng = random.Random(1)
accounts, identifiers = 360, 140
rows = [{"node": f"a{i}", "node_kind": "account", "handle": f"akun_{i}", "platform": "facebook",
         "status": rng.choice(["detected", "blocked"]), "display_name": "<img src=x onerror=alert(1)>"}
        for i in range(accounts)]
rows += [{"node": f"i{i}", "node_kind": "identifier", "identifier_kind": rng.choice(["phone", "bank_account"]),
          "value": f"+62812000{i:05d}", "accounts_total": 3} for i in range(identifiers)]
nodes = pd.DataFrame(rows)
pairs = {(f"a{i}", f"i{rng.randrange(identifiers) if i >= identifiers else i}") for i in range(accounts)}
pairs |= {(f"a{rng.randrange(accounts)}", f"i{rng.randrange(identifiers)}") for _ in range(260)}
edges = pd.DataFrame([{"source": s, "target": t, "edge_kind": "detection", "detections": 1} for s, t in sorted(pairs)])
started = time.perf_counter()
graph = ng.build_graph(nodes, edges)
analysis = ng.analyse(graph)
drawn = ng.nodes_to_draw(analysis)
positions = ng.layout(graph.subgraph(drawn))
html_started = time.perf_counter()
html = nv.network_html(nodes[nodes["node"].isin(drawn)], edges, analysis, positions)
ours_s = time.perf_counter() - started
html_s = time.perf_counter() - html_started
started = time.perf_counter()
naive = Network(height="620px", width="100%", cdn_resources="in_line")
g = nx.Graph()
g.add_edges_from(edges[["source", "target"]].itertuples(index=False, name=None))
pos = nx.spring_layout(g, seed=1)
for row in nodes.to_dict("records"):
    x, y = pos.get(row["node"], (0, 0))
    naive.add_node(row["node"], label=str(row.get("handle") or row.get("value")), x=float(x) * 1000,
                   y=float(y) * 1000, title=str(row.get("display_name") or ""))
for row in edges.itertuples(index=False):
    naive.add_edge(row.source, row.target)
naive.toggle_physics(False)
naive_html = naive.generate_html()
naive_s = time.perf_counter() - started
print(ours_s, html_s, naive_s, len(nodes), len(edges), len(html), "cdn.jsdelivr" in naive_html)
"""


def peak_mb() -> float:
    """This process's peak resident memory in MB (VmHWM). Unlike ru_maxrss it restarts at exec, so a child
    started by a big parent process does not report the parent's memory."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource  # not Linux: the best available figure

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(script: str, *args: str) -> list[str]:
    """Run `script` in a fresh Python; return the fields of the last line it printed."""
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout.strip().splitlines()[-1].split()


def run_networks_benchmark(rows: int, work_dir: Path) -> dict:
    """Build (or reuse) the synthetic database, time every figure against its baseline, print and return them."""
    work_dir.mkdir(parents=True, exist_ok=True)
    database = work_dir / f"networks_{rows}.duckdb"
    started = time.perf_counter()
    build_bench_database(database, rows, accounts=int(rows * 1.2))
    print(f"database {database.name} ready in {time.perf_counter() - started:.1f} s")
    first_s, again_s, rebuild_mb, networks, accounts, links = map(float, _run(_REBUILD, str(database)))
    load_s, components_s, components_mb, labels = map(float, _run(_COMPONENTS, str(database)))
    nx_build_s, nx_cc_s, nx_mb, nx_components = map(float, _run(_NETWORKX, str(database)))
    page_s, query_s, listed = map(float, _run(_PAGE, str(database), str(Path(__file__).resolve().parents[2] /
                                                                          "app.py")))
    ours_s, html_s, naive_s, n_nodes, n_edges, html_bytes, naive_cdn = _run(_PYVIS)
    figures = {
        "rows": rows, "accounts": int(accounts), "account_identifier_links": int(links), "networks": int(networks),
        "rebuild_first_s": round(first_s, 2), "rebuild_again_s": round(again_s, 2),
        "rebuild_peak_mb": round(rebuild_mb), "load_links_s": round(load_s, 2),
        "components_s": round(components_s, 2), "components_peak_mb": round(components_mb),
        "networkx_build_s": round(nx_build_s, 2), "networkx_components_s": round(nx_cc_s, 2),
        "networkx_peak_mb": round(nx_mb), "ratio_networkx_over_ours": round((nx_build_s + nx_cc_s) / components_s, 1),
        "page_first_render_s": round(page_s, 2), "overview_query_s": round(query_s, 2), "networks_listed": int(listed),
        "pyvis_500_ours_s": round(float(ours_s), 2), "pyvis_500_html_only_s": round(float(html_s), 2),
        "pyvis_500_naive_s": round(float(naive_s), 2),
        "pyvis_nodes": int(n_nodes), "pyvis_edges": int(n_edges), "pyvis_html_kb": round(int(html_bytes) / 1024),
        "naive_html_links_cdn": naive_cdn == "True",
    }
    _print(figures)
    return figures


def _print(f: dict) -> None:
    print(f"{f['accounts']:,} accounts, {f['account_identifier_links']:,} account-identifier links, "
          f"{f['networks']:,} networks")
    print(f"network computation (rebuild_networks, first)  : {f['rebuild_first_s']:8.2f} s  (target < 15 s)")
    print(f"network computation (again, ids carried over)  : {f['rebuild_again_s']:8.2f} s")
    print(f"peak memory of the computation process         : {f['rebuild_peak_mb']:8.0f} MB (target < 3 GB)")
    print(f"  of which: load links {f['load_links_s']:.2f} s, numpy components {f['components_s']:.2f} s "
          f"({f['components_peak_mb']:.0f} MB)")
    print(f"plain networkx: build {f['networkx_build_s']:.2f} s + connected_components "
          f"{f['networkx_components_s']:.2f} s ({f['networkx_peak_mb']:.0f} MB)")
    print(f"ratio networkx / our components                 : {f['ratio_networkx_over_ours']:8.1f} x")
    print(f"Networks page first render (AppTest, cold cache): {f['page_first_render_s']:8.2f} s  (target < 1.5 s); "
          f"its network table query alone {f['overview_query_s']:.2f} s, {f['networks_listed']:,} networks")
    print(f"pyvis, {f['pyvis_nodes']}-node network, ours (analysis+layout+HTML): {f['pyvis_500_ours_s']:.2f} s, of "
          f"which the HTML {f['pyvis_500_html_only_s']:.2f} s (target < 1 s), {f['pyvis_html_kb']} KB")
    print(f"pyvis HTML, naive add_node + spring_layout      : {f['pyvis_500_naive_s']:8.2f} s"
          f" (links a CDN: {f['naive_html_links_cdn']})")
    print(json.dumps(f))
