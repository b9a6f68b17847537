### Punjabi (Shahmukhi) (pa) messages: the public map pages (map, legend, filters, timeline, downloads, table of cases by place).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

map-heading = شائع ہوئے واقعیاں دا نقشہ
# {total} cases match the filters; {mapped} of them have a district or province on the map.
# Both counts as published: a number rounded to 5, or "fewer than 3".
map-totals = فلٹر نال ملدے واقعے: { $total }۔ نقشے تے: { $mapped }۔
map-svg_title = پاکستان دا نقشہ: دائرے اوہناں ضلعیاں تے صوبیاں تے لگے نیں جتھے ملدے واقعے نیں؛ صوبے دے حساب نال بݨی جدول وچ گݨتی دتی گئی اے۔
map-interactive_label = ملدے واقعیاں دا نقشہ، جیہنوں تسیں نیڑے تے دور کر سکدے او۔ اکٹھے دائرے وکھ وکھ ویکھݨ لئی نیڑے کرو۔
map-zoom_in = نیڑے کرو
map-zoom_out = دور کرو
# The hover text of one circle.
map-place_count = { $place }: { $count } واقعے
map-legend_all = ہر قسم دا تشدد
map-legend_few = 3 توں گھٹ واقعے (اصل گݨتی کدی نہیں وکھائی جاندی)
map-legend_area = دائرے دا پھیلاؤ واقعیاں دی گݨتی دسدا اے۔ جنہاں واقعیاں دا صرف صوبہ درج اے، اوہ صوبے دی راجدھانی تے وکھائے گئے نیں۔
map-legend_table = جیہڑی گݨتی نقشے تے نہیں سما سکدی، اوہ ایہدے تھلے والی جدول وچ اے۔
map-boundaries_note = نقشے دیاں لکیراں نیچرل ارتھ (Natural Earth) توں لئیاں گئیاں نیں تے سادیاں کیتیاں گئیاں نیں؛ ایہناں سرحداں نوں پکا نہ سمجھو۔
map-filters_heading = واقعے چھاݨو
map-filter_from = ایس سال توں
map-filter_to = ایس سال تک
map-filter_any_year = کوئی وی سال
map-filter_province = صوبہ یا علاقہ
map-filter_all_provinces = ہر صوبہ تے علاقہ
map-filter_apply = ملدے واقعے وکھاؤ
map-filter_clear = سارے فلٹر ہٹاؤ
map-timeline_heading = ہر سال دے واقعے
map-timeline_title = ہر سال دے ملدے واقعیاں دا بار چارٹ؛ ایہدے بعد والی جدول وچ گݨتی دتی گئی اے۔
map-year_column = سال
map-downloads = ایہہ واقعے ڈاؤن لوڈ کرو:
map-download_csv = اسپریڈ شیٹ (CSV)
map-download_geojson = نقشے دا ڈیٹا (GeoJSON)
map-embed_link = ایہہ نقشہ کسے ہور ویب سائٹ لئی
map-subscribe = سبسکرائب کرو (ایٹم فیڈ)
map-empty_filtered = ایہناں فلٹراں نال کوئی شائع ہویا واقعہ نہیں ملدا۔
map-empty_error = ملدیاں کہاݨیاں ویکھݨ لئی اُتے والا فلٹر ٹھیک کرو۔
map-open_on_site = پورا نقشہ کھولو
# The active filter, named above the map.
map-filter_showing = صرف ایہہ وکھایا جا رہیا اے:
# Between chosen categories of one kind.
map-filter_or = {" "}یا{" "}
# Between the chosen categories of different kinds, in the legend.
map-filter_and = {" "}تے{" "}
map-filter_years = سال
map-filter_years_between = { $from } توں { $to } تک
map-filter_years_from = { $from } توں
map-filter_years_to = { $to } تک
# The table under the map.
map-places_heading = تھاں دے حساب نال واقعے
map-places_note = نقشے دا ہر دائرہ اپݨی گݨتی نال ایس جدول وچ اے۔ گݨتیاں 5 دے سبھ توں نیڑے والے ہندسے تک گول کیتیاں جاندیاں نیں (جیویں 5، 10، 15)، تے 1 یا 2 واقعیاں نوں ”3 توں گھٹ“ لکھیا جاندا اے، جیویں اعداد و شمار والے صفحے تے۔
map-place_column = تھاں
# A circle for cases recorded only to a province, drawn at its capital.
map-province_only = { $province }، ضلع درج نہیں
map-world_link = دنیا دا نقشہ: دوجے ملکاں دے واقعے
