### Sindhi (sd) messages: the world map (this instance's cases and those of the instances it follows).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

world-title = شايع ٿيل واقعن جو عالمي نقشو
world-intro = هن سائيٽ جا ۽ ٻين ملڪن جي انهن سائيٽن جا شايع ٿيل، گمنام واقعا جن کي هيءَ سائيٽ فالو ڪري ٿي. هر واقعو ان سائيٽ سان ڳنڍيل آهي جنهن ان کي شايع ڪيو.
world-heading = ملڪ موجب واقعا
world-crumbs_label = زوم
world-crumb_world = دنيا
# { $count }: the number of cases on this view, as published (a number rounded to 5, or "fewer than 3").
world-totals = هن نقشي تي واقعا: { $count }.
world-svg_title = دنيا جو نقشو: دائرا انهن ملڪن ۽ جاين کي ڏيکارين ٿا جتي شايع ٿيل واقعا آهن؛ جدولن ۾ انگ ڏنل آهن.
world-interactive_label = شايع ٿيل واقعن جو انٽرايڪٽو عالمي نقشو.
world-legend_area = دائري جي ماپ واقعن جو تعداد ڏيکاري ٿي. ويجهو ڏسڻ لاءِ ڪو دائرو يا جدول ۾ ڪو ملڪ چونڊيو.
world-boundaries_note = ملڪن جا خاڪا نيچرل ارٿ (Natural Earth) تان، سادا ڪيل؛ سرحدون مستند ناهن.
world-filter_source = شايع ڪندڙ سائيٽ
world-all_sources = سڀ سائيٽون
world-filter_kind = تشدد جو قسم
world-all_kinds = سڀ قسم
world-filter_act = ڇا ڪيو ويو
world-all_acts = سڀ عمل
world-by_country_heading = ملڪ موجب واقعا
world-country_column = ملڪ
world-region_column = علائقو
# { $country }: a country's name.
world-places_heading = { $country } ۾ علائقي موجب واقعا
world-counts_note = 1 يا 2 جي ڳڻپ کي ”3 کان گهٽ“ لکيو وڃي ٿو؛ باقي ڳڻپون ويجهي 5 تائين گول ڪيون وڃن ٿيون.
world-cases_heading = واقعا
# { $source }: the name of the site that published the case.
world-from_source = { $source } پاران
# { $shown }: how many cases the list shows.
world-list_cut = تازا { $shown } واقعا ڏيکاريل آهن.
world-empty = ڪو به شايع ٿيل واقعو نٿو ملي.
world-bad_country = اهو ملڪ جو ڪوڊ معلوم ناهي. نقشي يا جدول مان ڪو ملڪ چونڊيو.
world-bad_region = اهو علائقو چونڊيل ملڪ جو حصو ناهي.
world-attribution = خاڪا: نيچرل ارٿ (Natural Earth، پبلڪ ڊومين). ملڪن جا ڪوڊ ۽ نالا: جيو نيمز (geonames.org)، CC BY 4.0. ڏيکاريل سرحدون مستند ناهن.
