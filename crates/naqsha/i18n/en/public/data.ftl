### Public data pages (en). Every key must also be in the other language.

data-title = Open data
data-intro = Every case published on this site can be downloaded and reused: for research, journalism, advocacy or your own maps and charts.
data-count =
    { $count ->
        [one] { $count } published case in this download.
       *[other] { $count } published cases in this download.
    }
data-contains-cases = Each row is one published case: its titles, categories, place, month and how far it was checked.
data-contains-generalised = Places are districts or provinces, never addresses, and dates are months, never days. The map point of a case is the point of its district or province.
data-contains-never = The words of the original reports, contact details and categories describing the survivor (such as age or gender) are never in these files.
data-contains-counted = Cases whose survivors chose “statistics only” are not in these files: they are never shown as stories or as rows. They are counted, with their category, district or province and month, in the totals, on the map, on the statistics page and in the statistics API.
data-contains-rounded = Every count this site publishes (map, statistics, statistics API) shows 1 or 2 as “fewer than 3” and rounds every other count to the nearest 5, so counts of the same cases can differ from the number of rows in these files.
data-contains-demo = Cases marked as demo are fictional examples, not real reports.
data-downloads-heading = Downloads
data-downloads-filtered = These downloads contain only the cases matching the filters you chose.
data-downloads-all = Download all cases instead
data-downloads-csv_note = The CSV file is UTF-8 with a byte-order mark, so spreadsheet programs show Urdu correctly. Categories with several terms are separated by semicolons.
data-downloads-feed = The newest published stories (titles, places, months and categories, not their text) are also an Atom feed, in every language, with the same filters as the map:
data-download-csv = spreadsheet (one row per case)
data-download-geojson = map layer for GIS software such as QGIS
data-download-json = records for programs
data-licence-heading = Licence
data-licence-body = The data is published under the Creative Commons Attribution 4.0 International licence:
data-licence-name = CC BY 4.0
data-licence-attribution = You may share and adapt it for any purpose, as long as you credit { $site } and link to this page.
data-dictionary-heading = Data dictionary
data-dictionary-intro = The columns of the CSV file, which are also the properties of each GeoJSON feature and JSON record (where categories are grouped under categories, as lists).
data-dictionary-names = GeoJSON features and JSON records also have place_names and province_names: the names of the place and of its province in every language they are written in, keyed by language code (en and ur, and sd, ps or pa where written).
data-dictionary-name = Name
data-dictionary-meaning = Meaning
data-dictionary-example = Example
data-field-id = Unique id of the case.
data-field-url = Address of the case's story on this site.
data-field-title_en = Title in English, if written.
data-field-title_ur = Title in Urdu, if written.
data-field-category = Categories: { $dimension }. Term keys, separated by semicolons; their labels are at /api/v1/taxonomy.
data-field-place_id = Id of the published place: a district or a province.
data-field-place_level = Whether the place is a district or a province.
data-field-place_name_en = Name of the place in English.
data-field-place_name_ur = Name of the place in Urdu.
data-field-district_id = Id of the district, when the place is one.
data-field-province_id = Id of the province or territory.
data-field-province_name_en = Name of the province in English.
data-field-province_name_ur = Name of the province in Urdu.
data-field-month = Month it happened (year and month).
data-field-year = Year it happened.
data-field-verification = How far it was checked: unverified, corroborated or verified.
data-field-published_at = The month it was first published, as YYYY-MM. Never the day: with it, the month of the case would say more than it should.
data-field-demo = true for fictional demo cases.
data-field-longitude = Longitude of the place's point; empty without a place.
data-field-latitude = Latitude of the place's point; empty without a place.

api-heading = API
api-intro = The same data is available as JSON for programs. Responses can be cached for a minute and carry an ETag.
api-cases = published cases as GeoJSON, with the same filters as the map, a page at a time
api-stats = counts by category, province, year or month, small counts suppressed
api-reference = the categories and places with their English and Urdu names
api-openapi = the full description of the API (OpenAPI 3.1)
api-error-limit = The page size (limit) must be a whole number from 1 to 1000.
api-error-cursor = That page link (cursor) is not valid. Start again from the first page.
api-error-group_by = Choose what to count by: kind, act, platform, harm, perpetrator, province, year or month.
# The open-data page's section for people running another Naqsha instance.
data-federation-heading = Follow this map from another Naqsha
data-federation-intro = Another Naqsha instance can follow this map: it reads this feed of published stories, signed with this site's key, and shows them on its world map beside its own. Only what the stories here already show travels: titles, categories, district or province, month. Cases counted in statistics only never leave.
data-federation-feed = Feed address
data-federation-key = Public key
data-federation-key_check = Give your instance this key, and check it against the one the people running this site give you (the command naqsha federation key prints it too).
data-federation-unsent =
    { $count ->
        [one] { $count } published story is not in the feed: it has no month or no place.
       *[other] { $count } published stories are not in the feed: they have no month or no place.
    }
data-federation-unavailable = The key cannot be shown just now; try again in a minute.
