### Punjabi in Shahmukhi script (pa) messages: the statistics pages, the resources page (help and resources) and the additions to the story page (story_page-*).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

stats-title = اعداد و شمار
stats-intro = درج کیتے گئے تے گمنام کیتے گئے واقعیاں وچوں کنے واقعے ہر قسم وچ آندے نیں۔ گݨتی محدود کرن لئی قسماں، سال یا صوبہ چݨو؛ ایہو فلٹر نقشے تے وی کم کردا اے۔
stats-total_label = ایس چوݨ وچ گݨے گئے واقعے
stats-empty = کوئی گݨیا گیا واقعہ ایس چوݨ نال نہیں ملدا۔
# "fewer than 3": a published count of 1 or 2 (the map, the home page, statistics).
stats-fewer_than = { $k } توں گھٹ
stats-recorded = { $total } واقعیاں وچوں { $recorded } لئی درج اے۔
stats-by_province = صوبہ یا علاقہ
stats-none_recorded = ایس چوݨ دے کسے واقعے لئی درج نہیں۔
stats-by_year = سال
stats-filter-legend = گݨتی محدود کرو
stats-filter-from = ایس سال توں
stats-filter-to = ایس سال تک
stats-filter-any_year = کوئی وی سال
stats-filter-province = صوبہ یا علاقہ
stats-filter-all_provinces = ہر صوبہ تے علاقہ
stats-filter-also = ایہہ فلٹر وی لگے نیں:
stats-filter-apply = وکھاؤ
stats-filter-clear = فلٹر ہٹاؤ
stats-link-report = چھاپݨ جوگا خلاصہ
stats-link-map = ایہہ واقعے نقشے تے
stats-link-data = ڈیٹا ڈاؤن لوڈ کرو
stats-chart-desc = ہر قسم لئی اک پٹی: پٹی جنی لمی، واقعے اونے ودھ۔ ایہو گݨتی چارٹ دے تھلے والی جدول وچ وی اے۔
stats-table-show = جدول دی شکل وچ وکھاؤ
stats-table-category = قسم
stats-table-cases = واقعے
stats-table-share = واقعیاں وچ حصہ
stats-method-title = ایہہ گݨتی کیویں بݨدی اے
stats-method-anonymised = ایتھے گݨیا گیا ہر واقعہ کسے متاثرہ، گواہ یا خبر نے دسیا، تے نگران نے اوہنوں ناں، ٹھیک تھاں تے ٹھیک تاریخ ہٹاݨ توں بعد ای شائع کیتا۔ تھاں ضلع یا صوبہ اے؛ تاریخ مہینہ اے۔
stats-method-counted = ایتھے، نقشے تے تے اعداد و شمار دے API وچ ہر شائع ہوئی کہاݨی گݨی جاندی اے، تے ہر اوہ واقعہ وی جیہدی متاثرہ نے ”صرف اعداد و شمار وچ گݨو“ چݨیا۔ اجیہے واقعے کدی کہاݨی دے طور تے نہیں وکھائے جاندے، کسے فہرست وچ نہیں آندے تے کھلے ڈیٹا دے ڈاؤن لوڈ وچ شامل نہیں ہوندے؛ صرف اوہناں دی قسم، ضلع یا صوبہ تے مہینہ گݨیا جاندا اے۔
stats-method-small_cells = تاں جے کسے دی پچھاݨ نہ ہو سکے، 1 یا 2 دی گݨتی عدد دی تھاں ”3 توں گھٹ“ لکھی جاندی اے تے اوہدی پٹی نہیں بݨائی جاندی۔ باقی ہر گݨتی، کل گݨتی سمیت، نیڑے دے 5 تک پوری کیتی جاندی اے، تاں جے اک گݨتی نوں دوجی توں گھٹا کے کوئی عدد پتہ نہ کیتا جا سکے۔
stats-method-exact = فیصد وکھائی گئی پوری کیتی گݨتی توں کڈھے جاندے نیں۔ اک واقعہ اک توں ودھ قسماں وچ ہو سکدا اے، ایس لئی اک چارٹ دی گݨتی تے فیصد دا جوڑ کل گݨتی توں ودھ ہو سکدا اے۔
stats-method-verification = نگران درج کردے نیں پئی ہر واقعے دی کنی جانچ ہوئی۔ ایس چوݨ وچ: { $verified } دی ادارے نے تصدیق کیتی، { $corroborated } دی کسے دوجے ذریعے یا ثبوت نال تائید ہوئی، { $unverified } جیویں دسے گئے اوویں ای درج نیں۔
stats-method-data = گمنام کیتے گئے واقعے کھلے ڈیٹا دے طور تے ڈاؤن لوڈ کیتے جا سکدے نیں؛ ڈیٹا والے صفحے تے اوہدا لائسنس لکھیا اے۔

stats_report-title = درج کیتے گئے واقعیاں دا خلاصہ
stats_report-back = اعداد و شمار ول واپس جاؤ
stats_report-print_hint = ایہہ صفحہ چھاپݨ یا PDF دے طور تے محفوظ کرن لئی اپݨے براؤزر دا پرنٹ (Print) والا حکم ورتو۔ صرف تھلے دتا گیا خلاصہ چھپے گا۔
stats_report-years = سال
stats_report-area = علاقہ
stats_report-all_years = سارے سال
stats_report-years_range = { $from } توں { $to } تک
stats_report-years_from = { $from } توں
stats_report-years_to = { $to } تک
stats_report-all_areas = سارے صوبے تے علاقے
stats_report-total_heading = درج کیتے گئے واقعے
stats_report-verification_levels = جانچ دے درجے: ”ادارے نے تصدیق کیتی“ دا مطلب اے پئی ادارے نے آپ واقعے دی تصدیق کیتی؛ ”دوجے ذریعے نال تائید“ دا مطلب اے پئی کوئی ہور ذریعہ یا ثبوت ایہدی تائید کردا اے؛ ”جیویں دسیا گیا“ دا مطلب اے پئی ایہہ اوویں ای شائع ہویا جیویں متاثرہ یا گواہ نے دسیا۔
stats_report-online = ایہو گݨتی چارٹاں نال آن لائن:
stats_report-generated = تیار ہویا: { $date }۔

resources-title = مدد تے وسائل
resources-intro = مدد کتھوں ملے، شکایت کیویں کرنی اے، قانون کیہ آکھدا اے تے آن لائن کیویں ودھ محفوظ رہیا جاوے۔
resources-contents = ایس صفحے تے
resources-bundled_note = نمبر تے پتے بدلدے رہندے نیں۔ جے کوئی کم نہ کرے تاں ادارے دی ہݨ والی رابطہ جاݨکاری ویکھ لوو۔

story_page-what_helped = کیہ قدم چکیا گیا تے کیہ ہویا
story_page-resources_heading = اجیہی حالت وچ مدد
story_page-map_similar = ملدے جلدے واقعے نقشے تے
story_page-stats_similar = ملدے جلدے واقعیاں دے اعداد و شمار
story_page-share_heading = ایہہ کہاݨی شیئر کرو
story_page-share_label = ایس کہاݨی دا لنک
story_page-share_copy = لنک کاپی کرو
story_page-share_copied = لنک کاپی ہو گیا۔
story_page-share_email = لنک ای میل راہیں بھیجو
story_page-resource-ncii = نجی تصویراں، بلیک میلنگ تے جنسی بھتہ خوری
story_page-resource-account_recovery = ہیک یا جعلی اکاؤنٹ واپس لیݨا یا بند کرواݨا
story_page-resource-safety = پچھا کرن تے جاسوسی توں بچاؤ
story_page-resource-report_fia = سائبر کرائم دے اداریاں نوں شکایت کیویں کرنی اے
story_page-resource-helplines = ہیلپ لائناں
story_page-resource-law = قانون کیہ آکھدا اے (پیکا 2016)
