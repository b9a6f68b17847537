### Punjabi in Shahmukhi script (pa) messages: the public data pages (open data, downloads, licence, data dictionary, API, federation).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

data-title = کھلا ڈیٹا
data-intro = ایس سائٹ تے شائع ہوݨ والا ہر واقعہ ڈاؤن لوڈ کر کے فیر ورتیا جا سکدا اے: کھوج، صحافت، وکالت یا اپݨے نقشیاں تے چارٹاں لئی۔
data-count =
    { $count ->
        [one] ایس ڈاؤن لوڈ وچ { $count } شائع ہویا واقعہ اے۔
       *[other] ایس ڈاؤن لوڈ وچ { $count } شائع ہوئے واقعے نیں۔
    }
data-contains-cases = ہر قطار اک شائع ہویا واقعہ اے: اوہدے عنوان، قسماں، تھاں، مہینہ تے ایہہ پئی اوہدی کنی جانچ ہوئی۔
data-contains-generalised = تھاواں ضلعے یا صوبے نیں، کدی پتے نہیں، تے تاریخاں مہینے نیں، کدی دن نہیں۔ نقشے تے واقعے دا نقطہ اوہدے ضلعے یا صوبے دا نقطہ اے۔
data-contains-never = اصل رپورٹاں دے لفظ، رابطے دیاں تفصیلاں تے متاثرہ بندے نوں بیان کرن والیاں قسماں (جیویں عمر یا صنف) ایہناں فائلاں وچ کدی شامل نہیں ہوندیاں۔
data-contains-counted = جنہاں واقعیاں دے متاثریاں نے ”صرف اعداد و شمار وچ گݨو“ چݨیا، اوہ ایہناں فائلاں وچ نہیں: اوہ کدی کہاݨی یا قطار دے طور تے نہیں وکھائے جاندے۔ اوہناں نوں اوہناں دی قسم، ضلعے یا صوبے تے مہینے نال کل گݨتی، نقشے، اعداد و شمار والے صفحے تے اعداد و شمار دے API وچ گݨیا جاندا اے۔
data-contains-rounded = ایہہ سائٹ جیہڑی وی گݨتی شائع کردی اے (نقشہ، اعداد و شمار، اعداد و شمار دا API) اوہدے وچ 1 یا 2 نوں ”3 توں گھٹ“ لکھیا جاندا اے تے باقی ہر گݨتی نیڑے دے 5 تک پوری کیتی جاندی اے، ایس لئی اوہناں ای واقعیاں دی گݨتی ایہناں فائلاں دیاں قطاراں دی گݨتی توں وکھری ہو سکدی اے۔
data-contains-demo = نمونے دے طور تے نشان لگے واقعے فرضی مثالاں نیں، اصل رپورٹاں نہیں۔
data-downloads-heading = ڈاؤن لوڈ
data-downloads-filtered = ایہناں ڈاؤن لوڈاں وچ صرف اوہ واقعے نیں جیہڑے تہاڈے چݨے ہوئے فلٹراں نال ملدے نیں۔
data-downloads-all = ایہدی تھاں سارے واقعے ڈاؤن لوڈ کرو
data-downloads-csv_note = CSV فائل بائٹ آرڈر مارک نال UTF-8 وچ اے، ایس لئی اسپریڈ شیٹ پروگرام اردو ٹھیک وکھاندے نیں۔ کئی اصطلاحاں والیاں قسماں سیمی کولن نال وکھ کیتیاں گئیاں نیں۔
data-downloads-feed = سبھ توں نویاں شائع ہوئیاں کہاݨیاں (عنوان، تھاواں، مہینے تے قسماں، اوہناں دی لکھت نہیں) ایٹم فیڈ دے طور تے وی ملدیاں نیں، ہر بولی وچ، نقشے والے فلٹراں نال:
data-download-csv = اسپریڈ شیٹ (ہر واقعے دی اک قطار)
data-download-geojson = QGIS ورگے GIS سافٹ ویئر لئی نقشے دی تہہ
data-download-json = پروگراماں لئی ریکارڈ
data-licence-heading = لائسنس
data-licence-body = ایہہ ڈیٹا کریئیٹو کامنز انتساب 4.0 عالمی لائسنس (Creative Commons Attribution 4.0 International) دے تحت شائع کیتا گیا اے:
data-licence-name = سی سی بی وائی 4.0 (CC BY 4.0)
data-licence-attribution = تسیں ایہنوں کسے وی مقصد لئی شیئر تے تبدیل کر سکدے او، شرط ایہہ اے پئی تسیں { $site } دا حوالہ دیو تے ایس صفحے دا لنک دیو۔
data-dictionary-heading = ڈیٹا دی لغت
data-dictionary-intro = CSV فائل دے کالم، جیہڑے ہر GeoJSON فیچر تے JSON ریکارڈ دیاں خاصیتاں وی نیں (جتھے قسماں categories تھلے فہرستاں دی شکل وچ نیں)۔
data-dictionary-names = GeoJSON فیچراں تے JSON ریکارڈاں وچ place_names تے province_names وی نیں: تھاں تے اوہدے صوبے دے ناں ہر اوس بولی وچ جیہدے وچ اوہ لکھے گئے نیں، بولی دے کوڈ نال (en تے ur، تے جتھے لکھے گئے ہوݨ اوتھے sd، ps یا pa)۔
data-dictionary-name = ناں
data-dictionary-meaning = مطلب
data-dictionary-example = مثال
data-field-id = واقعے دی وکھری پچھاݨ۔
data-field-url = ایس سائٹ تے واقعے دی کہاݨی دا پتہ۔
data-field-title_en = انگریزی وچ عنوان، جے لکھیا گیا ہووے۔
data-field-title_ur = اردو وچ عنوان، جے لکھیا گیا ہووے۔
data-field-category = قسماں: { $dimension }۔ اصطلاحاں دیاں کنجیاں، سیمی کولن نال وکھ؛ اوہناں دے ناں /api/v1/taxonomy تے نیں۔
data-field-place_id = شائع ہوئی تھاں دی پچھاݨ: ضلع یا صوبہ۔
data-field-place_level = تھاں ضلع اے یا صوبہ۔
data-field-place_name_en = تھاں دا انگریزی ناں۔
data-field-place_name_ur = تھاں دا اردو ناں۔
data-field-district_id = ضلعے دی پچھاݨ، جدوں تھاں ضلع ہووے۔
data-field-province_id = صوبے یا علاقے دی پچھاݨ۔
data-field-province_name_en = صوبے دا انگریزی ناں۔
data-field-province_name_ur = صوبے دا اردو ناں۔
data-field-month = واقعے دا مہینہ (سال تے مہینہ)۔
data-field-year = واقعے دا سال۔
data-field-verification = کنی جانچ ہوئی: unverified (تصدیق نہیں ہوئی)، corroborated (تائید ہوئی) یا verified (تصدیق ہوئی)۔
data-field-published_at = پہلی وار کس مہینے شائع ہویا، YYYY-MM دی شکل وچ۔ دن کدی نہیں: اوہدے نال واقعے دا مہینہ لوڑ توں ودھ دس دیندا۔
data-field-demo = فرضی نمونہ واقعیاں لئی true۔
data-field-longitude = تھاں دے نقطے دا طول بلد؛ تھاں نہ ہووے تاں خالی۔
data-field-latitude = تھاں دے نقطے دا عرض بلد؛ تھاں نہ ہووے تاں خالی۔

api-heading = اے پی آئی (API)
api-intro = ایہو ڈیٹا پروگراماں لئی JSON وچ ملدا اے۔ جواب اک منٹ تک محفوظ (کیش) کیتے جا سکدے نیں تے اوہناں وچ ETag ہوندا اے۔
api-cases = شائع ہوئے واقعے GeoJSON وچ، نقشے والے فلٹراں نال، اک ویلے اک صفحہ
api-stats = قسم، صوبے، سال یا مہینے دے حساب نال گݨتی، نکی گݨتی لکائی ہوئی
api-reference = قسماں تے تھاواں، اوہناں دے انگریزی تے اردو ناواں نال
api-openapi = API دی پوری تفصیل (OpenAPI 3.1)
api-error-limit = صفحے دا سائز (limit) 1 توں 1000 تک دا پورا عدد ہوݨا چاہیدا اے۔
api-error-cursor = صفحے دا ایہہ لنک (cursor) ٹھیک نہیں۔ پہلے صفحے توں فیر شروع کرو۔
api-error-group_by = چݨو پئی کس حساب نال گݨنا اے: kind، act، platform، harm، perpetrator، province، year یا month۔
# The open-data page's section for people running another Naqsha instance.
data-federation-heading = کسے ہور نقشہ توں ایس نقشے نوں فالو کرو
data-federation-intro = نقشہ دی کوئی ہور سائٹ ایس نقشے نوں فالو کر سکدی اے: اوہ شائع ہوئیاں کہاݨیاں دی ایہہ فیڈ پڑھدی اے، جیہدے اُتے ایس سائٹ دی کنجی نال دستخط ہوندے نیں، تے اوہناں نوں اپݨے دنیا دے نقشے تے اپݨیاں کہاݨیاں دے نال وکھاندی اے۔ صرف اوہی جاندا اے جو ایتھے دیاں کہاݨیاں پہلاں ای وکھاندیاں نیں: عنوان، قسماں، ضلع یا صوبہ، مہینہ۔ صرف اعداد و شمار وچ گݨے گئے واقعے کدی باہر نہیں جاندے۔
data-federation-feed = فیڈ دا پتہ
data-federation-key = عوامی کنجی
data-federation-key_check = اپݨی سائٹ نوں ایہہ کنجی دیو، تے ایہنوں اوس کنجی نال ملا لوو جیہڑی ایس سائٹ نوں چلاݨ والے تہانوں دیݨ (کمانڈ naqsha federation key وی ایہنوں وکھاندی اے)۔
data-federation-unsent =
    { $count ->
        [one] { $count } شائع ہوئی کہاݨی فیڈ وچ نہیں: اوہدا مہینہ یا تھاں درج نہیں۔
       *[other] { $count } شائع ہوئیاں کہاݨیاں فیڈ وچ نہیں: اوہناں دا مہینہ یا تھاں درج نہیں۔
    }
data-federation-unavailable = کنجی ایس ویلے نہیں وکھائی جا سکدی؛ اک منٹ بعد فیر کوشش کرو۔
