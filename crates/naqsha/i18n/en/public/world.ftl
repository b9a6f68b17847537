### The world map (en): this instance's cases and those of the instances it follows.

world-title = World map of published cases
world-intro = Published, anonymised cases from this site and from the sites it follows in other countries. Each case links to the site that published it.
world-heading = Cases by country
world-crumbs_label = Zoom
world-crumb_world = World
# { $count }: the number of cases on this view, as published (a number rounded to 5, or "fewer than 3").
world-totals = Cases on this map: { $count }.
world-svg_title = World map: circles mark the countries and places with published cases; the tables give the numbers.
world-interactive_label = Interactive world map of the published cases.
world-legend_area = A circle’s area shows the number of cases. Choose a circle or a country in the table to zoom in.
world-boundaries_note = Country outlines from Natural Earth, simplified; boundaries are not authoritative.
world-filter_source = Published by
world-all_sources = Every site
world-filter_kind = Kind of violence
world-all_kinds = Every kind
world-filter_act = What was done
world-all_acts = Every act
world-by_country_heading = Cases by country
world-country_column = Country
world-region_column = Region
# { $country }: a country's name.
world-places_heading = Cases in { $country } by region
world-counts_note = Counts of 1 or 2 are shown as “fewer than 3”; others are rounded to the nearest 5.
world-cases_heading = Cases
# { $source }: the name of the site that published the case.
world-from_source = from { $source }
# { $shown }: how many cases the list shows.
world-list_cut = The { $shown } newest cases are listed.
world-empty = No published case matches.
world-bad_country = That country code is not known. Choose a country from the map or the table.
world-bad_region = That region does not belong to the chosen country.
world-attribution = Outlines: Natural Earth (public domain). Country codes and names: GeoNames (geonames.org), CC BY 4.0. Boundaries shown are not authoritative.
