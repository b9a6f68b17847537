### Sindhi (sd) messages: the public data pages (open data, downloads, licence, data dictionary, API, federation).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

data-title = کليل ڊيٽا
data-intro = هن سائيٽ تي شايع ٿيل هر واقعو ڊائون لوڊ ڪري ٻيهر استعمال ڪري سگهجي ٿو: تحقيق، صحافت، وڪالت يا پنهنجن نقشن ۽ چارٽن لاءِ.
data-count =
    { $count ->
        [one] هن ڊائون لوڊ ۾ { $count } شايع ٿيل واقعو آهي.
       *[other] هن ڊائون لوڊ ۾ { $count } شايع ٿيل واقعا آهن.
    }
data-contains-cases = هر قطار هڪ شايع ٿيل واقعو آهي: ان جا عنوان، قسم، جاءِ، مهينو ۽ اهو ته ان جي ڪيتري جاچ ٿي.
data-contains-generalised = جايون ضلعا يا صوبا آهن، ڪڏهن به پتا نه، ۽ تاريخون مهينا آهن، ڪڏهن به ڏينهن نه. نقشي تي واقعي جو نقطو ان جي ضلعي يا صوبي جو نقطو آهي.
data-contains-never = اصل رپورٽن جا لفظ، رابطي جا تفصيل ۽ متاثر کي بيان ڪندڙ قسم (جهڙوڪ عمر يا جنس) انهن فائلن ۾ ڪڏهن به شامل نه هوندا آهن.
data-contains-counted = جن واقعن جي متاثرن ”رڳو انگن اکرن ۾ ڳڻيو“ چونڊيو، اهي انهن فائلن ۾ ناهن: اهي ڪڏهن به ڪهاڻيءَ يا قطار طور نه ڏيکاريا ويندا آهن. انهن کي انهن جي قسم، ضلعي يا صوبي ۽ مهيني سان ڪل تعداد، نقشي، انگن اکرن واري صفحي ۽ انگن اکرن جي API ۾ ڳڻيو ويندو آهي.
data-contains-rounded = هيءَ سائيٽ جيڪا به ڳڻپ شايع ڪري ٿي (نقشو، انگ اکر، انگن اکرن جو API) ان ۾ 1 يا 2 کي ”3 کان گهٽ“ لکيو وڃي ٿو ۽ باقي هر ڳڻپ ويجهي 5 تائين پوري ڪئي وڃي ٿي، تنهنڪري انهن ئي واقعن جي ڳڻپ انهن فائلن جي قطارن جي تعداد کان مختلف ٿي سگهي ٿي.
data-contains-demo = نمونو طور نشان لڳل واقعا فرضي مثال آهن، اصل رپورٽون نه.
data-downloads-heading = ڊائون لوڊ
data-downloads-filtered = انهن ڊائون لوڊن ۾ رڳو اهي واقعا آهن جيڪي توهان جي چونڊيل فلٽرن سان ملن ٿا.
data-downloads-all = ان بدران سڀ واقعا ڊائون لوڊ ڪريو
data-downloads-csv_note = CSV فائل بائيٽ آرڊر مارڪ سان UTF-8 ۾ آهي، تنهنڪري اسپريڊ شيٽ پروگرام اردو صحيح ڏيکارين ٿا. ڪيترن اصطلاحن وارا قسم سيمي ڪولن سان الڳ ڪيل آهن.
data-downloads-feed = تازيون شايع ٿيل ڪهاڻيون (عنوان، جايون، مهينا ۽ قسم، انهن جي لکت نه) ايٽم فيڊ طور به موجود آهن، هر ٻوليءَ ۾، نقشي وارن فلٽرن سان:
data-download-csv = اسپريڊ شيٽ (هر واقعي جي هڪ قطار)
data-download-geojson = QGIS جهڙي GIS سافٽ ويئر لاءِ نقشي جي تهه
data-download-json = پروگرامن لاءِ رڪارڊ
data-licence-heading = لائسنس
data-licence-body = هيءَ ڊيٽا ڪرئيٽو ڪامنز انتساب 4.0 بين الاقوامي لائسنس (Creative Commons Attribution 4.0 International) تحت شايع ڪئي وئي آهي:
data-licence-name = سي سي بي واءِ 4.0 (CC BY 4.0)
data-licence-attribution = توهان ان کي ڪنهن به مقصد لاءِ شيئر ۽ تبديل ڪري سگهو ٿا، بشرطيڪ توهان { $site } جو حوالو ڏيو ۽ هن صفحي جي لنڪ ڏيو.
data-dictionary-heading = ڊيٽا جي لغت
data-dictionary-intro = CSV فائل جا ڪالم، جيڪي هر GeoJSON فيچر ۽ JSON رڪارڊ جون خاصيتون به آهن (جتي قسم categories هيٺ فهرستن جي صورت ۾ آهن).
data-dictionary-names = GeoJSON فيچرن ۽ JSON رڪارڊن ۾ place_names ۽ province_names به آهن: جاءِ ۽ ان جي صوبي جا نالا هر ان ٻوليءَ ۾ جنهن ۾ اهي لکيل آهن، ٻوليءَ جي ڪوڊ سان (en ۽ ur، ۽ جتي لکيل هجن اتي sd، ps يا pa).
data-dictionary-name = نالو
data-dictionary-meaning = مطلب
data-dictionary-example = مثال
data-field-id = واقعي جي منفرد سڃاڻپ.
data-field-url = هن سائيٽ تي واقعي جي ڪهاڻيءَ جو پتو.
data-field-title_en = انگريزيءَ ۾ عنوان، جيڪڏهن لکيل هجي.
data-field-title_ur = اردوءَ ۾ عنوان، جيڪڏهن لکيل هجي.
data-field-category = قسم: { $dimension }. اصطلاحن جون ڪنجيون، سيمي ڪولن سان الڳ؛ انهن جا نالا /api/v1/taxonomy تي آهن.
data-field-place_id = شايع ٿيل جاءِ جي سڃاڻپ: ضلعو يا صوبو.
data-field-place_level = جاءِ ضلعو آهي يا صوبو.
data-field-place_name_en = جاءِ جو انگريزي نالو.
data-field-place_name_ur = جاءِ جو اردو نالو.
data-field-district_id = ضلعي جي سڃاڻپ، جڏهن جاءِ ضلعو هجي.
data-field-province_id = صوبي يا علائقي جي سڃاڻپ.
data-field-province_name_en = صوبي جو انگريزي نالو.
data-field-province_name_ur = صوبي جو اردو نالو.
data-field-month = واقعي جو مهينو (سال ۽ مهينو).
data-field-year = واقعي جو سال.
data-field-verification = ڪيتري جاچ ٿي: unverified (اڻ تصديق ٿيل)، corroborated (تائيد ٿيل) يا verified (تصديق ٿيل).
data-field-published_at = پهريون ڀيرو ڪهڙي مهيني شايع ٿيو، YYYY-MM جي صورت ۾. ڏينهن ڪڏهن به نه: ان سان واقعي جو مهينو ضرورت کان وڌيڪ ٻڌائي ڇڏي ها.
data-field-demo = فرضي نمونن واقعن لاءِ true.
data-field-longitude = جاءِ جي نقطي جو طول البلد؛ جاءِ نه هجي ته خالي.
data-field-latitude = جاءِ جي نقطي جو عرض البلد؛ جاءِ نه هجي ته خالي.

api-heading = اي پي آءِ (API)
api-intro = اها ئي ڊيٽا پروگرامن لاءِ JSON ۾ موجود آهي. جواب هڪ منٽ تائين محفوظ (ڪيش) ڪري سگهجن ٿا ۽ انهن ۾ ETag هوندو آهي.
api-cases = شايع ٿيل واقعا GeoJSON ۾، نقشي وارن فلٽرن سان، هڪ وقت ۾ هڪ صفحو
api-stats = قسم، صوبي، سال يا مهيني موجب ڳڻپ، ننڍيون ڳڻپون لڪايل
api-reference = قسم ۽ جايون، انهن جي انگريزي ۽ اردو نالن سان
api-openapi = API جو پورو بيان (OpenAPI 3.1)
api-error-limit = صفحي جي ماپ (limit) 1 کان 1000 تائين ڪو پورو انگ هجڻ گهرجي.
api-error-cursor = صفحي جي اها لنڪ (cursor) صحيح ناهي. پهرين صفحي کان ٻيهر شروع ڪريو.
api-error-group_by = چونڊيو ته ڇا موجب ڳڻڻو آهي: kind، act، platform، harm، perpetrator، province، year يا month.
# The open-data page's section for people running another Naqsha instance.
data-federation-heading = ڪنهن ٻئي نقشہ مان هن نقشي کي فالو ڪريو
data-federation-intro = نقشہ جي ڪا ٻي سائيٽ هن نقشي کي فالو ڪري سگهي ٿي: اها شايع ٿيل ڪهاڻين جي هيءَ فيڊ پڙهي ٿي، جيڪا هن سائيٽ جي ڪنجيءَ سان دستخط ٿيل هوندي آهي، ۽ انهن کي پنهنجي عالمي نقشي تي پنهنجين ڪهاڻين سان گڏ ڏيکاري ٿي. رڳو اهو ئي وڃي ٿو جيڪو هتي جون ڪهاڻيون اڳ ۾ ئي ڏيکارين ٿيون: عنوان، قسم، ضلعو يا صوبو، مهينو. رڳو انگن اکرن ۾ ڳڻيل واقعا ڪڏهن به ٻاهر نه ويندا آهن.
data-federation-feed = فيڊ جو پتو
data-federation-key = عوامي ڪنجي
data-federation-key_check = پنهنجي سائيٽ کي هيءَ ڪنجي ڏيو، ۽ ان کي ان ڪنجيءَ سان ملائي ڏسو جيڪا هن سائيٽ کي هلائيندڙ توهان کي ڏين (ڪمانڊ naqsha federation key به اها ڏيکاري ٿي).
data-federation-unsent =
    { $count ->
        [one] { $count } شايع ٿيل ڪهاڻي فيڊ ۾ ناهي: ان جو مهينو يا جاءِ درج ناهي.
       *[other] { $count } شايع ٿيل ڪهاڻيون فيڊ ۾ ناهن: انهن جو مهينو يا جاءِ درج ناهي.
    }
data-federation-unavailable = ڪنجي هن وقت ڏيکاري نٿي سگهجي؛ هڪ منٽ کان پوءِ ٻيهر ڪوشش ڪريو.
