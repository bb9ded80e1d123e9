-- Load the bundled reference tables (regions, countries) into a new database.
-- $regions_csv, $countries_csv: VARCHAR paths to data/reference/regions.csv and countries.csv.
insert into regions
select code, level, name, province_code, kind, lat, lon, population_2024
from read_csv($regions_csv, header=true, auto_detect=false,
              columns={'level': 'VARCHAR', 'code': 'VARCHAR', 'name': 'VARCHAR', 'province_code': 'VARCHAR',
                       'kind': 'VARCHAR', 'lat': 'DOUBLE', 'lon': 'DOUBLE', 'point_method': 'VARCHAR',
                       'capital': 'VARCHAR', 'capital_code': 'VARCHAR', 'population_2024': 'BIGINT',
                       'area_km2': 'DOUBLE', 'code_pre2022': 'VARCHAR'})
where code not in (select code from regions);

insert into countries
select iso2, iso3, name_en, name_id, region_id, lat, lon
from read_csv($countries_csv, header=true, auto_detect=false,
              columns={'iso2': 'VARCHAR', 'iso3': 'VARCHAR', 'iso_numeric': 'VARCHAR', 'name_en': 'VARCHAR',
                       'name_id': 'VARCHAR', 'region_id': 'VARCHAR', 'lat': 'DOUBLE', 'lon': 'DOUBLE',
                       'point_method': 'VARCHAR', 'iso_name': 'VARCHAR'})
where iso2 not in (select iso2 from countries);
