"""Global filters: URL parsing (bad values ignored), defaults, serialising, widget selections."""

from datetime import date

import pytest

from jaring import filters as flt

TODAY = date(2025, 6, 15)
OPTIONS = flt.FilterOptions(first_month=date(2024, 1, 1), last_month=date(2025, 4, 1),
                            platforms=("facebook", "tiktok", "instagram"), provinces=("32", "35", "52"),
                            countries=("MY", "TW", "KH"))


def test_default_period_is_twelve_months_ending_with_the_latest_data_month():
    f = flt.default_filters(OPTIONS, TODAY)
    assert (f.start, f.end) == (date(2024, 5, 1), date(2025, 4, 30))
    assert (f.platforms, f.provinces, f.countries) == ((), (), ())


def test_default_period_without_data_ends_this_month():
    f = flt.default_filters(flt.FilterOptions(), TODAY)
    assert (f.start, f.end) == (date(2024, 7, 1), date(2025, 6, 30))


def test_round_trip_through_query_params():
    chosen = flt.Filters(date(2024, 2, 1), date(2024, 12, 31), ("tiktok",), ("32", "52"), ("MY",))
    params = flt.to_query_params(chosen)
    assert params == {"from": "2024-02", "to": "2024-12", "platform": "tiktok", "prov": "32,52", "country": "MY"}
    assert flt.parse_query_params(params, OPTIONS, TODAY) == chosen


def test_all_is_left_out_of_the_url():
    assert flt.to_query_params(flt.default_filters(OPTIONS, TODAY)) == {"from": "2024-05", "to": "2025-04"}


def test_repeated_keys_and_case_are_accepted():
    params = {"platform": ["TikTok", "facebook"], "country": ["my", "tw,xx"]}
    f = flt.parse_query_params(params, OPTIONS, TODAY)
    assert f.platforms == ("facebook", "tiktok")  # the database's order, not the URL's
    assert f.countries == ("MY", "TW")


@pytest.mark.parametrize("params", [
    {"from": "garbage", "to": "2025-13"},
    {"from": "1999-12", "to": "2101-01"},
    {"from": ["", " "], "to": "2025-4-31"},
    {"platform": "myspace", "prov": "99,<script>", "country": "ZZ"},
    {"from": "2025-04-01", "platform": ",,,"},
    {},
])
def test_bad_values_are_ignored_never_raised(params):
    assert flt.parse_query_params(params, OPTIONS, TODAY) == flt.default_filters(OPTIONS, TODAY)


def test_start_after_end_is_swapped():
    f = flt.parse_query_params({"from": "2025-03", "to": "2024-11"}, OPTIONS, TODAY)
    assert (f.start, f.end) == (date(2024, 11, 1), date(2025, 3, 31))


def test_only_a_start_month_keeps_the_default_end():
    f = flt.parse_query_params({"from": "2023-01"}, OPTIONS, TODAY)
    assert (f.start, f.end) == (date(2023, 1, 1), date(2025, 4, 30))
    assert flt.period_explicit({"from": "2023-01"})
    assert not flt.period_explicit({"from": "nonsense", "platform": "tiktok"})


def test_as_params_are_duckdb_parameters():
    f = flt.Filters(date(2025, 1, 1), date(2025, 2, 28), ("tiktok",))
    assert f.as_params() == {"start": date(2025, 1, 1), "end": date(2025, 2, 28), "platforms": ["tiktok"],
                             "provinces": [], "countries": []}


def test_from_selection_swaps_and_drops_unknown_values():
    f, swapped = flt.from_selection(date(2025, 3, 1), date(2025, 1, 1), ["tiktok", "gone"], ["52"], [], OPTIONS)
    assert swapped
    assert f == flt.Filters(date(2025, 1, 1), date(2025, 3, 31), ("tiktok",), ("52",), ())


def test_month_helpers():
    assert flt.add_months(date(2025, 1, 31), -1) == date(2024, 12, 1)
    assert flt.month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert flt.month_range(date(2024, 11, 5), date(2025, 1, 1)) == [date(2024, 11, 1), date(2024, 12, 1),
                                                                     date(2025, 1, 1)]
    chosen = flt.Filters(date(2023, 6, 1), date(2023, 6, 30))
    choices = flt.month_choices(OPTIONS, chosen)
    assert choices[0] == date(2023, 6, 1) and choices[-1] == date(2025, 4, 1)


def test_options_from_query_results():
    import pandas as pd

    options, labels = flt.options_from_frames(
        pd.DataFrame({"first_month": [pd.Timestamp("2025-01-01")], "last_month": [pd.Timestamp("2025-04-01")]}),
        pd.DataFrame({"platform": ["tiktok", "facebook"], "accounts": [3, 1]}),
        pd.DataFrame({"code": ["32", "11"], "name": ["Jawa Barat", "Aceh"]}),
        pd.DataFrame({"iso2": ["JP"], "name_id": ["Jepang"], "name_en": ["Japan"]}),
        "en")
    assert options == flt.FilterOptions(date(2025, 1, 1), date(2025, 4, 1), ("tiktok", "facebook"), ("32", "11"),
                                        ("JP",))
    assert labels == {"provinces": {"32": "Jawa Barat", "11": "Aceh"}, "countries": {"JP": "Japan"}}
    empty, _ = flt.options_from_frames(pd.DataFrame({"first_month": [pd.NaT], "last_month": [pd.NaT]}),
                                       pd.DataFrame({"platform": []}), pd.DataFrame({"code": [], "name": []}),
                                       pd.DataFrame({"iso2": [], "name_id": [], "name_en": []}), "id")
    assert empty == flt.FilterOptions()
