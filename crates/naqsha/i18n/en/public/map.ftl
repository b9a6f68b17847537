### Public map pages (en). Every key must also be in the other language.

map-heading = Map of published cases
# {total} cases match the filters; {mapped} of them have a district or province on the map.
# Both counts as published: a number rounded to 5, or "fewer than 3".
map-totals = Matching cases: { $total }. On the map: { $mapped }.
map-svg_title = Map of Pakistan: circles mark the districts and provinces with matching cases; the table of cases by province gives the numbers.
map-interactive_label = Interactive map of the matching cases. Zoom in to split grouped circles.
map-zoom_in = Zoom in
map-zoom_out = Zoom out
# The hover text of one circle.
map-place_count = { $place }: { $count }
map-legend_all = All kinds of violence
map-legend_few = Fewer than 3 cases (the exact number is never shown)
map-legend_area = A circle’s area shows the number of cases. Cases recorded only to a province are shown at its capital.
map-legend_table = Counts that do not fit on the map are in the table under it.
map-boundaries_note = Outlines from Natural Earth, simplified; boundaries are not authoritative.
map-filters_heading = Filter the cases
map-filter_from = From year
map-filter_to = To year
map-filter_any_year = Any year
map-filter_province = Province or territory
map-filter_all_provinces = All provinces and territories
map-filter_apply = Show matching cases
map-filter_clear = Clear all filters
map-timeline_heading = Cases per year
map-timeline_title = Bar chart of the matching cases per year; the table after it gives the numbers.
map-year_column = Year
map-downloads = Download these cases:
map-download_csv = spreadsheet (CSV)
map-download_geojson = map data (GeoJSON)
map-embed_link = this map for another website
# The link to the Atom feed of the stories listed (with the same filter), for feed readers: no account, no e-mail.
map-subscribe = Subscribe (Atom feed)
map-empty_filtered = No published case matches these filters.
map-empty_error = Correct the filter above to see the matching stories.
map-open_on_site = Open the full map
# The active filter, named above the map.
map-filter_showing = Showing only:
# Between chosen categories of one kind.
map-filter_or = {" "}or{" "}
# Between the chosen categories of different kinds, in the legend.
map-filter_and = {" "}and{" "}
map-filter_years = Years
map-filter_years_between = { $from } to { $to }
map-filter_years_from = from { $from }
map-filter_years_to = up to { $to }
# The table under the map.
map-places_heading = Cases by place
map-places_note = Every circle on the map is in this table, with its count. Counts are rounded to the nearest 5, and 1 or 2 cases are shown as “fewer than 3”, as on the statistics page.
map-place_column = Place
# A circle for cases recorded only to a province, drawn at its capital.
map-province_only = { $province }, district not recorded
map-world_link = World map: cases from other countries
