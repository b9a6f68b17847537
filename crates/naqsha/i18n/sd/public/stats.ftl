### Sindhi (sd) messages: the statistics pages, the help and resources page (resources-*) and the additions to the story page (story_page-*).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### The statistics page (stats-*, stats_report-*) and the story page's additions (story_page-*) are now translated too, as a draft like the rest of this file.

stats-title = انگ اکر
stats-intro = رڪارڊ ٿيل ۽ گمنام ڪيل واقعن مان ڪيترا واقعا هر قسم ۾ اچن ٿا. ڳڻپ محدود ڪرڻ لاءِ قسم، سال يا صوبو چونڊيو؛ اهو ئي فلٽر نقشي تي به ڪم ڪري ٿو.
stats-total_label = هن چونڊ ۾ ڳڻيل واقعا
stats-empty = هن چونڊ سان ڪو به ڳڻيل واقعو نٿو ملي.
# "fewer than 3": a published count of 1 or 2 (the map, the home page, statistics).
stats-fewer_than = { $k } کان گهٽ
stats-recorded = { $total } واقعن مان { $recorded } لاءِ درج آهي.
stats-by_province = صوبو يا علائقو
stats-none_recorded = هن چونڊ جي ڪنهن به واقعي لاءِ درج ناهي.
stats-by_year = سال
stats-filter-legend = ڳڻپ محدود ڪريو
stats-filter-from = هن سال کان
stats-filter-to = هن سال تائين
stats-filter-any_year = ڪو به سال
stats-filter-province = صوبو يا علائقو
stats-filter-all_provinces = سڀ صوبا ۽ علائقا
stats-filter-also = هي فلٽر به لڳل آهن:
stats-filter-apply = ڏيکاريو
stats-filter-clear = فلٽر هٽايو
stats-link-report = ڇپائڻ لائق خلاصو
stats-link-map = اهي واقعا نقشي تي
stats-link-data = ڊيٽا ڊائون لوڊ ڪريو
stats-chart-desc = هر قسم لاءِ هڪ پٽي: پٽي جيتري ڊگهي، واقعا اوترا وڌيڪ. اهي ئي انگ چارٽ جي هيٺان ڏنل جدول ۾ به آهن.
stats-table-show = جدول جي صورت ۾ ڏيکاريو
stats-table-category = قسم
stats-table-cases = واقعا
stats-table-share = واقعن ۾ حصو
stats-method-title = اهي انگ ڪيئن ٺهن ٿا
stats-method-anonymised = هتي ڳڻيل هر واقعو ڪنهن متاثر، شاهد يا خبر ٻڌايو، ۽ نگران ان کي نالا، صحيح جايون ۽ صحيح تاريخون هٽائڻ کان پوءِ ئي شايع ڪيو. جايون ضلعا يا صوبا آهن؛ تاريخون مهينا آهن.
stats-method-counted = هتي، نقشي تي ۽ انگن اکرن جي API ۾ هر شايع ٿيل ڪهاڻي ڳڻي وڃي ٿي، ۽ هر اهو واقعو به جنهن جي متاثر ”رڳو انگن اکرن ۾ ڳڻيو“ چونڊيو. اهڙا واقعا ڪڏهن به ڪهاڻيءَ طور نه ڏيکاريا ويندا آهن، ڪنهن فهرست ۾ نه ايندا آهن ۽ اوپن ڊيٽا جي ڊائون لوڊ ۾ شامل نه هوندا آهن؛ رڳو انهن جو قسم، ضلعو يا صوبو ۽ مهينو ڳڻيو ويندو آهي.
stats-method-small_cells = ته جيئن ڪنهن جي سڃاڻپ نه ٿي سگهي، 1 يا 2 جي ڳڻپ انگ بدران ”3 کان گهٽ“ لکي وڃي ٿي ۽ ان جي پٽي نه ٺاهي ويندي آهي. باقي هر ڳڻپ، ڪل تعداد سميت، ويجهي 5 تائين پوري ڪئي وڃي ٿي، ته جيئن هڪ ڳڻپ کي ٻي مان ڪٽي ڪو انگ معلوم نه ڪري سگهجي.
stats-method-exact = سيڪڙو ڏيکاريل پوري ڪيل ڳڻپ مان ڪڍيو وڃي ٿو. هڪ واقعو هڪ کان وڌيڪ قسمن ۾ ٿي سگهي ٿو، تنهنڪري هڪ چارٽ جي ڳڻپ ۽ سيڪڙن جو جوڙ ڪل تعداد کان وڌيڪ ٿي سگهي ٿو.
stats-method-verification = نگران لکن ٿا ته هر واقعي جي ڪيتري جاچ ٿي. هن چونڊ ۾: { $verified } جي اداري تصديق ڪئي، { $corroborated } جي ڪنهن ٻئي ذريعي يا ثبوت سان تائيد ٿي، { $unverified } جيئن ٻڌايا ويا تيئن ئي درج آهن.
stats-method-data = گمنام ڪيل واقعا اوپن ڊيٽا طور ڊائون لوڊ ڪري سگهجن ٿا؛ ڊيٽا واري صفحي تي ان جو لائسنس ڏنل آهي.

stats_report-title = رڪارڊ ٿيل واقعن جو خلاصو
stats_report-back = انگن اکرن ڏانهن واپس وڃو
stats_report-print_hint = هي صفحو ڇپائڻ يا PDF طور محفوظ ڪرڻ لاءِ پنهنجي براؤزر جو پرنٽ (Print) وارو حڪم استعمال ڪريو. رڳو هيٺ ڏنل خلاصو ڇپبو.
stats_report-years = سال
stats_report-area = علائقو
stats_report-all_years = سڀ سال
stats_report-years_range = { $from } کان { $to } تائين
stats_report-years_from = { $from } کان
stats_report-years_to = { $to } تائين
stats_report-all_areas = سڀ صوبا ۽ علائقا
stats_report-total_heading = رڪارڊ ٿيل واقعا
stats_report-verification_levels = جاچ جا درجا: ”اداري تصديق ڪئي“ جو مطلب آهي ته اداري پاڻ واقعي جي تصديق ڪئي؛ ”ٻئي ذريعي سان تائيد“ جو مطلب آهي ته ڪو ٻيو ذريعو يا ثبوت ان جي تائيد ڪري ٿو؛ ”جيئن ٻڌايو ويو“ جو مطلب آهي ته اهو ائين ئي شايع ٿيو جيئن متاثر يا شاهد ٻڌايو.
stats_report-online = اهي ئي انگ چارٽن سان گڏ آن لائن:
stats_report-generated = تيار ٿيو: { $date }.

resources-title = مدد ۽ وسيلا
resources-intro = مدد ڪٿان ملي، شڪايت ڪيئن ڪجي، قانون ڇا ٿو چوي ۽ آن لائن وڌيڪ محفوظ ڪيئن رهجي.
resources-contents = هن صفحي تي
resources-bundled_note = نمبر ۽ پتا بدلجندا رهن ٿا. جيڪڏهن ڪو نمبر يا پتو ڪم نه ڪري ته اداري جي هاڻوڪي رابطي جي معلومات ڏسو.

story_page-what_helped = ڪهڙو قدم کنيو ويو ۽ ڇا ٿيو
story_page-resources_heading = اهڙي صورتحال ۾ مدد
story_page-map_similar = ملندڙ جلندڙ واقعا نقشي تي
story_page-stats_similar = ملندڙ جلندڙ واقعن جا انگ اکر
story_page-share_heading = هيءَ ڪهاڻي شيئر ڪريو
story_page-share_label = هن ڪهاڻيءَ جي لنڪ
story_page-share_copy = لنڪ ڪاپي ڪريو
story_page-share_copied = لنڪ ڪاپي ٿي وئي.
story_page-share_email = لنڪ اي ميل ذريعي موڪليو
story_page-resource-ncii = نجي تصويرون، بليڪ ميلنگ ۽ جنسي ڀتو خوري
story_page-resource-account_recovery = هيڪ ٿيل يا جعلي اڪائونٽ واپس وٺڻ يا بند ڪرائڻ
story_page-resource-safety = پيڇو ڪرڻ ۽ جاسوسيءَ کان بچاءُ
story_page-resource-report_fia = سائبر ڪرائم جي ادارن کي شڪايت ڪيئن ڪجي
story_page-resource-helplines = هيلپ لائينون
story_page-resource-law = قانون ڇا ٿو چوي (پيڪا 2016)
