### Sindhi (sd) messages: the public map pages (map, legend, filters, timeline, downloads, table of cases by place).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

map-heading = شايع ٿيل واقعن جو نقشو
# {total} cases match the filters; {mapped} of them have a district or province on the map.
# Both counts as published: a number rounded to 5, or "fewer than 3".
map-totals = ملندڙ واقعا: { $total }. نقشي تي: { $mapped }.
map-svg_title = پاڪستان جو نقشو: دائرا انهن ضلعن ۽ صوبن کي ڏيکارين ٿا جتي ملندڙ واقعا آهن؛ صوبي موجب واقعن جي جدول ۾ انگ ڏنل آهن.
map-interactive_label = ملندڙ واقعن جو انٽرايڪٽو نقشو. گڏ ٿيل دائرن کي الڳ ڏسڻ لاءِ ويجهو ڪريو.
map-zoom_in = ويجهو ڪريو
map-zoom_out = پري ڪريو
# The hover text of one circle.
map-place_count = { $place }: { $count } واقعا
map-legend_all = تشدد جا سڀ قسم
map-legend_few = 3 کان گهٽ واقعا (صحيح تعداد ڪڏهن به نه ڏيکاريو ويندو آهي)
map-legend_area = دائري جي ماپ واقعن جو تعداد ڏيکاري ٿي. جن واقعن جو رڳو صوبو درج آهي، اهي صوبي جي گاديءَ واري شهر تي ڏيکاريا ويا آهن.
map-legend_table = جيڪي انگ نقشي تي نٿا سمائجن، اهي ان جي هيٺان ڏنل جدول ۾ آهن.
map-boundaries_note = خاڪا نيچرل ارٿ (Natural Earth) تان، سادا ڪيل؛ سرحدون مستند ناهن.
map-filters_heading = واقعا ڇاڻيو
map-filter_from = هن سال کان
map-filter_to = هن سال تائين
map-filter_any_year = ڪو به سال
map-filter_province = صوبو يا علائقو
map-filter_all_provinces = سڀ صوبا ۽ علائقا
map-filter_apply = ملندڙ واقعا ڏيکاريو
map-filter_clear = سڀ فلٽر هٽايو
map-timeline_heading = هر سال جا واقعا
map-timeline_title = هر سال جي ملندڙ واقعن جو بار چارٽ؛ ان کان پوءِ ڏنل جدول ۾ انگ آهن.
map-year_column = سال
map-downloads = اهي واقعا ڊائون لوڊ ڪريو:
map-download_csv = اسپريڊ شيٽ (CSV)
map-download_geojson = نقشي جي ڊيٽا (GeoJSON)
map-embed_link = هي نقشو ڪنهن ٻي ويب سائيٽ لاءِ
map-subscribe = سبسڪرائب ڪريو (ايٽم فيڊ)
map-empty_filtered = انهن فلٽرن سان ڪو به شايع ٿيل واقعو نٿو ملي.
map-empty_error = ملندڙ ڪهاڻيون ڏسڻ لاءِ مٿي ڏنل فلٽر درست ڪريو.
map-open_on_site = پورو نقشو کوليو
# The active filter, named above the map.
map-filter_showing = رڳو هي ڏيکاريو پيو وڃي:
# Between chosen categories of one kind.
map-filter_or = {" "}يا{" "}
# Between the chosen categories of different kinds, in the legend.
map-filter_and = {" "}۽{" "}
map-filter_years = سال
map-filter_years_between = { $from } کان { $to } تائين
map-filter_years_from = { $from } کان
map-filter_years_to = { $to } تائين
# The table under the map.
map-places_heading = جاءِ موجب واقعا
map-places_note = نقشي جو هر دائرو پنهنجي تعداد سان هن جدول ۾ آهي. انگن کي 5 جي ويجهي انگ تائين گول ڪيو وڃي ٿو، ۽ 1 يا 2 واقعن کي ”3 کان گهٽ“ لکيو وڃي ٿو، جيئن انگن اکرن واري صفحي تي.
map-place_column = جاءِ
# A circle for cases recorded only to a province, drawn at its capital.
map-province_only = { $province }، ضلعو درج ناهي
map-world_link = عالمي نقشو: ٻين ملڪن جا واقعا
