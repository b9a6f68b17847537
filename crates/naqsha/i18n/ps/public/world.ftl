### Pashto (ps) messages: the world map (this instance's cases and those of the instances it follows).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

world-title = د خپرو شویو پېښو نړیواله نقشه
world-intro = د دې سایټ او د نورو هېوادونو د هغو سایټونو خپرې شوې، بې نومه پېښې چې دا سایټ یې تعقیبوي۔ هره پېښه هغه سایټ ته لینک لري چې خپره کړې یې ده۔
world-heading = پېښې د هېواد له مخې
world-crumbs_label = زوم
world-crumb_world = نړۍ
# { $count }: the number of cases on this view, as published (a number rounded to 5, or "fewer than 3").
world-totals = پر دې نقشه پېښې: { $count }۔
world-svg_title = د نړۍ نقشه: دایرې هغه هېوادونه او ځایونه ښيي چې خپرې شوې پېښې پکې شته؛ جدولونه شمېرې ښيي۔
world-interactive_label = د خپرو شویو پېښو متحرکه نړیواله نقشه۔
world-legend_area = د دایرې مساحت د پېښو شمېر ښيي۔ د نږدې لیدلو لپاره یوه دایره یا په جدول کې یو هېواد وټاکئ۔
world-boundaries_note = د هېوادونو کرښې له Natural Earth څخه اخیستل شوې او ساده شوې دي؛ پولې معتبرې نه دي۔
world-filter_source = خپروونکی سایټ
world-all_sources = ټول سایټونه
world-filter_kind = د تاوتریخوالي ډول
world-all_kinds = ټول ډولونه
world-filter_act = څه وشول
world-all_acts = ټول کارونه
world-by_country_heading = پېښې د هېواد له مخې
world-country_column = هېواد
world-region_column = سیمه
# { $country }: a country's name.
world-places_heading = په { $country } کې پېښې د سیمې له مخې
world-counts_note = د 1 یا 2 شمېر د ”له 3 لږ“ په توګه ښودل کېږي؛ نورې شمېرې تر ټولو نږدې 5 ته ګردې شوې دي۔
world-cases_heading = پېښې
# { $source }: the name of the site that published the case.
world-from_source = له { $source } څخه
# { $shown }: how many cases the list shows.
world-list_cut = تر ټولو نوې { $shown } پېښې ښودل شوې دي۔
world-empty = هېڅ خپره شوې پېښه سمون نه لري۔
world-bad_country = د هېواد دا کوډ نه پېژندل کېږي۔ له نقشې یا جدول څخه یو هېواد وټاکئ۔
world-bad_region = دا سیمه د ټاکل شوي هېواد برخه نه ده۔
world-attribution = کرښې: Natural Earth (عامه ملکیت)۔ د هېوادونو کوډونه او نومونه: GeoNames (geonames.org)، CC BY 4.0۔ ښودل شوې پولې معتبرې نه دي۔
