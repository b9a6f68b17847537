### Pashto (ps) messages: the public data pages (open data, downloads, licence, data dictionary, API, federation).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

data-title = خلاصه ډېټا
data-intro = په دې سایټ کې خپره شوې هره پېښه ډاونلوډ او بیا کارول کېدای شي: د څېړنې، ژورنالیزم، مدافعې یا ستاسو د خپلو نقشو او چارټونو لپاره۔
data-count =
    { $count ->
        [one] په دې ډاونلوډ کې { $count } خپره شوې پېښه ده۔
       *[other] په دې ډاونلوډ کې { $count } خپرې شوې پېښې دي۔
    }
data-contains-cases = هره کرښه یوه خپره شوې پېښه ده: د هغې سرلیکونه، ډولونه، ځای، میاشت او دا چې تر کومه حده وڅېړل شوه۔
data-contains-generalised = ځایونه ضلعې یا صوبې دي، هېڅکله پتې نه، او نېټې میاشتې دي، هېڅکله ورځې نه۔ پر نقشه د پېښې ټکی د هغې د ضلعې یا صوبې ټکی دی۔
data-contains-never = د اصلي راپورونو الفاظ، د اړیکې معلومات او هغه ډولونه چې متاثره کس بیانوي (لکه عمر یا جنسیت) هېڅکله په دې فایلونو کې نه وي۔
data-contains-counted = هغه پېښې چې د هغو متاثره کسانو ”یوازې یې په احصایو کې وشمېرئ“ غوره کړی، په دې فایلونو کې نشته: هېڅکله د کیسې یا کرښې په توګه نه ښودل کېږي۔ دا پېښې د خپل ډول، ضلعې یا صوبې او میاشتې سره په ټولو شمېرو، نقشه، د احصایو په پاڼه او د احصایو په API کې شمېرل کېږي۔
data-contains-rounded = دا سایټ چې هر شمېر خپروي (نقشه، احصایې، د احصایو API)، په هغه کې 1 یا 2 د ”له 3 لږ“ په توګه ښودل کېږي او هر بل شمېر تر ټولو نږدې 5 ته پوره کېږي، نو د همدغو پېښو شمېر کېدای شي د دې فایلونو د کرښو له شمېر سره توپیر ولري۔
data-contains-demo = هغه پېښې چې د نمونې په توګه نښه شوې، خیالي بېلګې دي، رښتیني راپورونه نه دي۔
data-downloads-heading = ډاونلوډونه
data-downloads-filtered = په دې ډاونلوډونو کې یوازې هغه پېښې دي چې ستاسو له ټاکل شویو فلټرونو سره سمون لري۔
data-downloads-all = د دې پر ځای ټولې پېښې ډاونلوډ کړئ
data-downloads-csv_note = CSV فایل د بایټ آرډر مارک سره په UTF-8 کې دی، نو د سپرېډشیټ پروګرامونه اردو سمه ښيي۔ هغه ډولونه چې څو اصطلاحګانې لري، په سیمي کولن سره بېل شوي دي۔
data-downloads-feed = تر ټولو نوې خپرې شوې کیسې (سرلیکونه، ځایونه، میاشتې او ډولونه، نه د هغو متن) د اټم فیډ په توګه هم شته، په هره ژبه، د نقشې له همغو فلټرونو سره:
data-download-csv = سپرېډشیټ (د هرې پېښې لپاره یوه کرښه)
data-download-geojson = د QGIS په څېر د GIS سافټویر لپاره د نقشې پوړ
data-download-json = د پروګرامونو لپاره ریکارډونه
data-licence-heading = جواز (لایسنس)
data-licence-body = دا ډېټا د کرییټیو کامنز د انتساب 4.0 نړیوال جواز (Creative Commons Attribution 4.0 International) لاندې خپره شوې ده:
data-licence-name = سي سي بي وای 4.0 (CC BY 4.0)
data-licence-attribution = تاسو یې د هر هدف لپاره شریکولی او بدلولی شئ، په دې شرط چې { $site } ته حواله ورکړئ او دې پاڼې ته لینک ورکړئ۔
data-dictionary-heading = د ډېټا قاموس
data-dictionary-intro = د CSV فایل ستنې، چې د هر GeoJSON فیچر او JSON ریکارډ ځانګړتیاوې هم دي (چېرې چې ډولونه د categories لاندې د لړلیکونو په بڼه دي)۔
data-dictionary-names = GeoJSON فیچرونه او JSON ریکارډونه place_names او province_names هم لري: د ځای او د هغې د صوبې نومونه په هره هغه ژبه چې پکې لیکل شوي، د ژبې د کوډ له مخې (en او ur، او چېرې چې لیکل شوي وي sd، ps یا pa)۔
data-dictionary-name = نوم
data-dictionary-meaning = مانا
data-dictionary-example = بېلګه
data-field-id = د پېښې ځانګړی پېژند۔
data-field-url = په دې سایټ کې د پېښې د کیسې پته۔
data-field-title_en = سرلیک په انګرېزي، که لیکل شوی وي۔
data-field-title_ur = سرلیک په اردو، که لیکل شوی وي۔
data-field-category = ډولونه: { $dimension }۔ د اصطلاحګانو کلیدونه، په سیمي کولن سره بېل شوي؛ د هغو نومونه په /api/v1/taxonomy کې دي۔
data-field-place_id = د خپاره شوي ځای پېژند: ضلع یا صوبه۔
data-field-place_level = ځای ضلع ده که صوبه۔
data-field-place_name_en = د ځای انګرېزي نوم۔
data-field-place_name_ur = د ځای اردو نوم۔
data-field-district_id = د ضلعې پېژند، کله چې ځای ضلع وي۔
data-field-province_id = د صوبې یا سیمې پېژند۔
data-field-province_name_en = د صوبې انګرېزي نوم۔
data-field-province_name_ur = د صوبې اردو نوم۔
data-field-month = د پېښې میاشت (کال او میاشت)۔
data-field-year = د پېښې کال۔
data-field-verification = تر کومه حده وڅېړل شوه: unverified (نه دی تایید شوی)، corroborated (ملاتړ شوی) یا verified (تایید شوی)۔
data-field-published_at = هغه میاشت چې لومړی ځل پکې خپره شوه، د YYYY-MM په بڼه۔ هېڅکله ورځ نه: له ورځې سره به د پېښې میاشت له اړتیا ډېر څه ویلي وای۔
data-field-demo = د خیالي نمونه پېښو لپاره true۔
data-field-longitude = د ځای د ټکي طول البلد؛ که ځای نه وي، خالي۔
data-field-latitude = د ځای د ټکي عرض البلد؛ که ځای نه وي، خالي۔

api-heading = اې پي آی (API)
api-intro = همدا ډېټا د پروګرامونو لپاره په JSON کې شته۔ ځوابونه تر یوې دقیقې پورې ساتل (کېش) کېدای شي او ETag لري۔
api-cases = خپرې شوې پېښې په GeoJSON کې، د نقشې له همغو فلټرونو سره، په یو وخت کې یوه پاڼه
api-stats = د ډول، صوبې، کال یا میاشتې له مخې شمېرې، کوچنۍ شمېرې پټې شوې
api-reference = ډولونه او ځایونه، د هغو له انګرېزي او اردو نومونو سره
api-openapi = د API بشپړه تشریح (OpenAPI 3.1)
api-error-limit = د پاڼې اندازه (limit) باید له 1 تر 1000 پورې یو بشپړ عدد وي۔
api-error-cursor = د پاڼې دا لینک (cursor) سم نه دی۔ له لومړۍ پاڼې بیا پیل وکړئ۔
api-error-group_by = وټاکئ چې د څه له مخې وشمېرل شي: kind، act، platform، harm، perpetrator، province، year یا month۔
# The open-data page's section for people running another Naqsha instance.
data-federation-heading = د نقشه له بل سایټ څخه دا نقشه تعقیب کړئ
data-federation-intro = د نقشه بل سایټ کولی شي دا نقشه تعقیب کړي: هغه د خپرو شویو کیسو دا فیډ لولي، چې د دې سایټ په کلید لاسلیک شوی، او هغه کیسې په خپله نړیواله نقشه کې د خپلو کیسو تر څنګ ښيي۔ یوازې هغه څه ځي چې دلته کیسې یې دمخه ښيي: سرلیکونه، ډولونه، ضلع یا صوبه، میاشت۔ هغه پېښې چې یوازې په احصایو کې شمېرل شوې، هېڅکله بهر نه ځي۔
data-federation-feed = د فیډ پته
data-federation-key = عامه کلید
data-federation-key_check = خپل سایټ ته دا کلید ورکړئ، او له هغه کلید سره یې پرتله کړئ چې د دې سایټ چلوونکي یې تاسو ته درکوي (د naqsha federation key کمانډ هم دا ښيي)۔
data-federation-unsent =
    { $count ->
        [one] { $count } خپره شوې کیسه په فیډ کې نشته: میاشت یا ځای یې نه دی ثبت شوی۔
       *[other] { $count } خپرې شوې کیسې په فیډ کې نشته: میاشت یا ځای یې نه دی ثبت شوی۔
    }
data-federation-unavailable = کلید اوس نه شي ښودل کېدای؛ یوه دقیقه وروسته بیا هڅه وکړئ۔
