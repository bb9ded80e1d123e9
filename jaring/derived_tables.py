"""Which of the tables built after an import (region index, geocoding answers, networks) a database file has."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

QueryFn = Callable[..., pd.DataFrame]

NETWORK_TABLES = frozenset({"networks", "network_members", "network_merges", "network_hubs", "network_handle_links",
                            "network_hub_decisions", "network_settings", "network_summary"})
REGION_INDEX_TABLES = frozenset({"detection_regions", "region_index_state", "geocode_cache"})


def present(query: QueryFn) -> set[str]:
    """The derived tables this database has in their current layout (queries/derived_tables_present.sql)."""
    tables = query("derived_tables_present")
    return set(tables.loc[tables["current_layout"], "table_name"])


def networks_available(query: QueryFn) -> bool:
    """Whether the recruiter network tables exist (an import builds them; a file never imported into lacks them)."""
    return NETWORK_TABLES <= present(query)


def region_index_available(query: QueryFn) -> bool:
    """Whether the region index tables exist in their current layout."""
    return REGION_INDEX_TABLES <= present(query)
