### Pashto (ps) messages: the public map pages (map, legend, filters, timeline, downloads, table of cases by place).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

map-heading = د خپرو شویو پېښو نقشه
# {total} cases match the filters; {mapped} of them have a district or province on the map.
# Both counts as published: a number rounded to 5, or "fewer than 3".
map-totals = سمون لرونکې پېښې: { $total }۔ پر نقشه: { $mapped }۔
map-svg_title = د پاکستان نقشه: دایرې هغه ضلعې او صوبې ښيي چې سمون لرونکې پېښې پکې شته؛ د صوبو له مخې د پېښو جدول شمېرې ښيي۔
map-interactive_label = د سمون لرونکو پېښو متحرکه نقشه۔ د یوځای شویو دایرو د بېلولو لپاره نقشه لویه کړئ۔
map-zoom_in = نقشه لویه کړئ
map-zoom_out = نقشه کوچنۍ کړئ
# The hover text of one circle.
map-place_count = { $place }: { $count }
map-legend_all = د تاوتریخوالي ټول ډولونه
map-legend_few = له 3 لږې پېښې (دقیقه شمېره هېڅکله نه ښودل کېږي)
map-legend_area = د دایرې اندازه د پېښو شمېر ښيي۔ هغه پېښې چې یوازې صوبه یې ثبت شوې، د هغې صوبې په پلازمېنه کې ښودل شوې دي۔
map-legend_table = هغه شمېرې چې پر نقشه نه ځایېږي، د نقشې لاندې په جدول کې دي۔
map-boundaries_note = کرښې له Natural Earth څخه اخیستل شوې او ساده شوې دي؛ پولې معتبرې نه دي۔
map-filters_heading = پېښې فلټر کړئ
map-filter_from = له کال
map-filter_to = تر کال
map-filter_any_year = هر کال
map-filter_province = صوبه یا سیمه
map-filter_all_provinces = ټولې صوبې او سیمې
map-filter_apply = سمون لرونکې پېښې وښایئ
map-filter_clear = ټول فلټرونه لرې کړئ
map-timeline_heading = په هر کال کې پېښې
map-timeline_title = په هر کال کې د سمون لرونکو پېښو بار چارټ؛ له هغه وروسته جدول شمېرې ښيي۔
map-year_column = کال
map-downloads = دا پېښې ډاونلوډ کړئ:
map-download_csv = سپرېډشیټ (CSV)
map-download_geojson = د نقشې ډېټا (GeoJSON)
map-embed_link = دا نقشه د بل ویب سایټ لپاره
map-subscribe = ګډون وکړئ (اټم فیډ)
map-empty_filtered = هېڅ خپره شوې پېښه له دې فلټرونو سره سمون نه لري۔
map-empty_error = د سمون لرونکو کیسو د لیدلو لپاره پورته فلټر سم کړئ۔
map-open_on_site = بشپړه نقشه پرانیزئ
# The active filter, named above the map.
map-filter_showing = یوازې دا ښودل کېږي:
# Between chosen categories of one kind.
map-filter_or = {" "}یا{" "}
# Between the chosen categories of different kinds, in the legend.
map-filter_and = {" "}او{" "}
map-filter_years = کلونه
map-filter_years_between = له { $from } تر { $to }
map-filter_years_from = له { $from }
map-filter_years_to = تر { $to } پورې
# The table under the map.
map-places_heading = پېښې د ځای له مخې
map-places_note = پر نقشه هره دایره له خپلې شمېرې سره په دې جدول کې شته۔ شمېرې تر ټولو نږدې 5 ته ګردې شوې دي، او 1 یا 2 پېښې د “له 3 لږ” په توګه ښودل کېږي، لکه د احصایو په پاڼه کې۔
map-place_column = ځای
# A circle for cases recorded only to a province, drawn at its capital.
map-province_only = { $province }، ضلع نه ده ثبت شوې
map-world_link = نړیواله نقشه: د نورو هېوادونو پېښې
