### Punjabi in Shahmukhi script (pa) messages: the site's public pages (home, report form, receipt, follow-up, evidence, errors, story pages, months, navigation, paging, quick exit).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

site-name = نقشہ
site-anonymised_note = ایتھے شائع ہوݨ والی ہر کہاݨی وچوں پچھاݨ دی ہر نشانی ہٹا دتی جاندی اے: ناں، ٹھیک تھاں، ٹھیک تاریخ تے ہر اوہ گل جس نال کسے بندے دی پچھاݨ ہو سکے، شائع ہوݨ توں پہلاں کڈھ دتی جاندی اے۔
# The visible text after this label is the other language's own name, so the label does not name it.
site-language_switch_label = ایہہ صفحہ دوجی زبان وچ پڑھو
site-fallback_note = ایہہ صفحہ حالے پوری طرح { $language } وچ ترجمہ نئیں ہویا؛ باقی حصہ { $fallback } وچ وکھایا گیا اے۔

# Between the items of a short inline list, e.g. a district and its province.
list-separator = ،{" "}

nav-report = رپورٹ کرو
nav-follow_up = رپورٹ دا حال
nav-label = مرکزی فہرست
nav-home = پہلا صفحہ

skip-to_content = سدھا اصل مواد تے جاؤ

exit-link = فوراً باہر نکلو
exit-hint = ایہہ ویب سائٹ فوراً چھڈ کے کسے ہور ویب سائٹ دا اک عام صفحہ کھولو۔ جے جاوا اسکرپٹ چل رہی ہووے تاں Esc دباݨ نال یا Shift تن واری دباݨ نال وی ایہو ہووے گا۔

home-title = ٹیکنالوجی راہیں تشدد: ریکارڈ تے نقشہ
home-intro = ایہہ پلیٹ فارم عورتاں تے جنسی اقلیتاں دے خلاف اوس تشدد نوں ریکارڈ کردا اے جیہڑا فون تے انٹرنیٹ راہیں ہوندا اے: ہراسانی، بلیک میلنگ، پچھا کرنا، جعلی پروفائل، اکاؤنٹ ہیک کرنا، نجی تصویراں پھیلاݨا تے ایہو جہیاں ہور زیادتیاں۔ متاثرین تے گواہ اپݨا ناں دسے بغیر محفوظ طریقے نال اپݨی کہاݨی سناندے نیں۔ ساڈے نگران ہر اوہ گل ہٹا دیندے نیں جس نال کسے دی پچھاݨ ہو سکے، تے ایس توں بعد ای واقعہ ایتھے شائع کردے نیں، تاں جو ایہہ سلسلہ سبھ دے ساہمݨے آوے تے اوہناں لوکاں تک اپڑایا جا سکے جیہڑے ایہنوں بدل سکدے نیں۔
home-published_total = شائع ہوئے واقعے
home-by_place_heading = صوبے یا علاقے دے حساب نال واقعے
home-place_column = صوبہ یا علاقہ
home-count_column = واقعے
home-place_not_recorded = تھاں درج نہیں
home-latest_heading = تازہ کہاݨیاں
home-empty = اجے تک کوئی کہاݨی شائع نہیں ہوئی۔

paging-label = کہاݨیاں دے صفحے
paging-newer = نویاں کہاݨیاں
paging-older = پراݨیاں کہاݨیاں
paging-position = کل { $pages } صفحیاں وچوں صفحہ { $page }

story-demo_badge = [نمونہ]
story-demo_note = ایہہ صرف وکھاݨ لئی بݨائی گئی مثال اے، اصل واقعہ نہیں۔
story-when = کدوں
story-where = کتھے
story-categories = قسماں
story-date_not_recorded = تاریخ درج نہیں
story-place_not_recorded = تھاں درج نہیں
story-only_in_en = ایہہ کہاݨی صرف انگریزی وچ موجود اے۔
story-only_in_ur = ایہہ کہاݨی صرف اردو وچ موجود اے۔
story-shown_in_en = کہاݨیاں انگریزی تے اردو وچ شائع ہوندیاں نیں؛ ایہہ کہاݨی انگریزی وچ وکھائی گئی اے۔
story-shown_in_ur = کہاݨیاں انگریزی تے اردو وچ شائع ہوندیاں نیں؛ ایہہ کہاݨی اردو وچ وکھائی گئی اے۔
story-back = ساریاں کہاݨیاں ول واپس جاؤ

month-1 = جنوری
month-2 = فروری
month-3 = مارچ
month-4 = اپریل
month-5 = مئی
month-6 = جون
month-7 = جولائی
month-8 = اگست
month-9 = ستمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر

error-go_home = پہلے صفحے تے جاؤ
error-reference = ویب سائٹ دی ٹیم لئی حوالہ: { $id }
error-not_found-title = صفحہ نہیں لبھیا
error-not_found-body = ایس پتے تے کجھ نہیں اے۔ ہو سکدا اے کہاݨی واپس لے لئی گئی ہووے، یا لنک غلط لکھیا گیا ہووے۔
error-unknown_language-body = ایہہ سائٹ اوس بولی وچ نئیں ملدی جہڑی ایہہ پتہ منگدا اے۔ ملدیاں بولیاں وچوں کوئی اک چنو۔
error-unknown_language-title = ایہہ بولی نئیں ملدی
error-languages_heading = ایہہ سائٹ انہاں زباناں وچ موجود اے:
error-bad_request-title = ایہہ درخواست سمجھ نہیں آئی
error-bad_request-back-body = جس صفحے تے واپس جاݨا سی اوہ پڑھیا نہیں جا سکیا۔ اگے جاݨ لئی مینو ورتو۔
error-bad_request-form-body = فارم پڑھیا نہیں جا سکیا۔ مہربانی کر کے واپس جا کے فیر بھیجو۔
error-forbidden-title = اجازت نہیں
error-forbidden-role = تہاڈے اکاؤنٹ دے کردار وچ ایہدی اجازت نہیں۔ لوڑ ہووے تاں کسے ایڈمن نوں آکھو۔
error-forbidden-csrf = ایہہ فارم پراݨا ہو چکیا اے یا ایس سائٹ توں نہیں آیا۔ واپس جاؤ، صفحہ دوبارہ کھولو تے فیر بھیجو۔
error-forbidden-locked = ایس سرور کول تہاڈے سائن اِن لئی ادارے دی چابی نہیں، ایس لئی ایتھے اصل رپورٹاں نہیں وکھائیاں جا سکدیاں۔ ورک اسپیس کھولو تے ایس سرور تے اوہناں نوں کھولݨ لئی اپݨا پاس ورڈ پاؤ۔
error-internal-title = کجھ خرابی ہو گئی
error-internal-body = خرابی ساڈے ول اے، تہاڈے ول نہیں۔ مہربانی کر کے تھوڑی دیر بعد فیر کوشش کرو۔
error-unavailable-title = مہربانی کر کے اک منٹ بعد کوشش کرو
error-unavailable-body = ساڈا ڈیٹا بیس ایس ویلے جواب نہیں دے رہیا، ایس لئی ایہہ کم ہݨے نہیں ہو سکدا۔ تہاڈے ول کوئی خرابی نہیں؛ مہربانی کر کے اک منٹ بعد فیر کوشش کرو۔
error-unavailable-report_api = رپورٹ ہݨے محفوظ نہیں ہو سکی، تے کجھ وی محفوظ نہیں ہویا۔ مہربانی کر کے اک منٹ بعد فیر بھیجو۔
error-page_number-body = صفحہ نمبر 1 یا ایس توں وڈا کوئی پورا عدد ہوݨا چاہیدا اے۔

report-title = دسو کیہ ہویا
report-intro = تہانوں اکاؤنٹ بݨاݨ یا اپݨا ناں دسݨ دی لوڑ نہیں۔ صرف پہلا خانہ ضروری اے؛ باقی سبھ کجھ سانوں ایہہ سمجھݨ تے گݨن وچ مدد دیندا اے کہ کیہ ہو رہیا اے۔
report-privacy_heading = شروع کرن توں پہلاں
report-privacy_no_account = اسیں تہاڈا آئی پی ایڈریس، تہاڈا فون یا کمپیوٹر، یا کوئی کوکی ریکارڈ نہیں کردے۔ ایس سائٹ توں فوراً نکلݨ لئی اُتے لال بٹن دباؤ۔
report-privacy_sealed = تسیں جو کجھ وی لکھو، اوہ محفوظ ہوݨ توں پہلاں اک اجیہی چابی نال بند کر دتا جاندا اے جیہڑی صرف ساڈے نگراناں کول اے۔ جے کوئی سرور لے وی جاوے تاں وی اوہ ایہنوں پڑھ نہیں سکدا۔
report-privacy_published = تہاڈی لکھی کوئی گل جیویں دی تیویں شائع نہیں ہوندی۔ جے تسیں اجازت دیو تاں اک نگران ناواں، نمبراں تے پتیاں توں بغیر اک چھوٹا گمنام خلاصہ لکھدا اے، جس وچ صرف ضلع یا صوبہ تے مہینہ ہوندا اے۔
report-problems_heading = مہربانی کر کے فارم ویکھ لوو
report-required = ضروری
report-not_sure = پکا پتہ نہیں
report-prefer_not_to_say = دسݨا نہیں چاہندی / چاہندا
report-what_happened = کیہ ہویا؟
report-what_happened_hint = اپݨے لفظاں وچ دسو — اردو، انگریزی یا رومن اردو وچ۔ ناں، نمبر یا پتے لکھݨ دی لوڑ نہیں؛ جے لکھو تاں شائع ہوݨ توں پہلاں اسیں اوہناں نوں ہٹا دیندے آں۔
report-month = مہینہ
report-year = سال
report-when = ایہہ کدوں ہویا؟
report-when_hint = مہینہ تے سال کافی نیں۔ جے پکا پتہ نہ ہووے تاں ”لگ بھگ“ تے نشان لاؤ۔
report-approximate = ایہہ اندازہ اے (لگ بھگ)
report-danger_now = مینوں ہݨے خطرہ اے
report-danger_now_hint = ایس تے نشان لاؤ تاں تہاڈی رپورٹ باقیاں توں پہلاں پڑھی جاوے گی۔ جے تہاڈی جان نوں خطرہ اے تاں پولیس نوں 15 تے، یا ایس صفحے دے اخیر وچ دتی گئی ہیلپ لائن تے وی فون کرو۔
report-place = ایہہ کتھے ہویا؟
report-place_hint = ضلع چݨو، یا صرف صوبہ۔ گلی یا گھر دا پتہ کدی نہ دیو۔
report-place_none = میں دسݨا نہیں چاہندی / چاہندا
report-place_whole_province = { $province } — ضلع نہیں دسیا
report-place_text = شہر یا قصبہ (اختیاری)
report-place_text_hint = صرف جے تہاڈا ضلع فہرست وچ نہ ہووے۔ گلی یا گھر نہیں۔
report-details_hint = جیہڑیاں گلاں ٹھیک ہوݨ اوہناں تے نشان لاؤ۔ تسیں ایہناں وچوں کوئی وی سوال چھڈ سکدے او۔
report-whose_question = ایہہ کہدی کہاݨی اے؟
report-source_url = خبر دا لنک (جے ہووے)
report-source_url_hint = صرف جے ایہہ واقعہ خبراں وچ آیا ہووے۔
report-consent_question = اسیں تہاڈی کہاݨی نال کیہ کر سکدے آں؟
report-approve_first = شائع ہوݨ توں پہلاں مینوں گمنام خلاصہ وکھاؤ
report-approve_first_hint = فیر تہاڈے جواب تک تہاڈی رپورٹ وچوں کجھ وی شائع نہیں ہووے گا: اپݨی رسید لے کے «رپورٹ دا حال» تے واپس آؤ تے خلاصہ پڑھو، اوہنوں منظور کرو، تبدیلی منگو یا انکار کرو۔
report-contact_hint = صرف جے تسیں چاہندیاں او کہ اسیں تہاڈے نال رابطہ کریئے۔ تہاڈے رابطے دی تفصیل وی تہاڈی رپورٹ وانگ بند رکھی جاندی اے تے کدی شائع نہیں ہوندی۔ تسیں ملݨ والی رسید نال خود وی حال پتہ کر سکدیاں او۔
report-contact_phone = فون نمبر
report-contact_email = ای میل ایڈریس
report-contact_safety = کیہ ایس فون تے تہاڈے نال رابطہ کرنا محفوظ اے؟
report-contact_safe_call = مینوں فون کرنا محفوظ اے
report-contact_safe_text = مینوں میسج بھیجݨا محفوظ اے
report-contact_safety_hint = جے تسیں کسے تے وی نشان نہ لاؤ تاں اسیں تہانوں نہ فون کراں گے نہ میسج بھیجاں گے؛ تسیں فیر وی اپݨی رسید نال خود حال پتہ کر سکدیاں او۔
report-contact_safe_times = تہاڈے نال کدوں رابطہ کرنا محفوظ اے؟ (اختیاری)
report-contact_safe_times_hint = مثلاً: عام دناں وچ شام 4 وجے توں بعد، ایتوار نوں کدی نہیں۔
report-self_description = اپݨے لفظاں وچ (اختیاری)
report-optional_intro = تھلے سبھ کجھ اختیاری اے۔ کوئی حصہ تاں ای کھولو جے تسیں سانوں ہور دسݨا چاہو۔
report-evidence_hint = اسکرین شاٹ یا تصویراں (JPEG، PNG یا WebP) تے PDF دستاویزاں، ودھ توں ودھ 5 فائلاں تے ہر اک 10 MB تک۔ اسیں تصویراں وچ لُکی تھاں تے کیمرے دی جاݨکاری ہٹا دیندے آں۔ فائلاں کدی شائع نہیں ہوندیاں۔
report-evidence_enough = دھمکی یا میسج دا اک اسکرین شاٹ کافی اے۔ تہانوں کدی وی سانوں اپݨیاں نجی تصویراں بھیجݨ دی لوڑ نہیں۔
report-evidence = فائلاں چݨو
report-evidence_none = کوئی فائل نہیں چݨی گئی
report-evidence_kept = جیہڑیاں فائلاں تسیں پہلاں لائیاں سن اوہ رکھیاں ہوئیاں نیں
report-pow_note = ایس ویلے بہت ساریاں رپورٹاں آ رہیاں نیں۔ بھیجݨ توں پہلاں تہاڈا براؤزر اک چھوٹی جانچ کر رہیا اے؛ ایہدے وچ کجھ سیکنڈ لگ سکدے نیں۔
report-submit = میری رپورٹ بھیجو
report-section-what = کیہ ہویا
report-section-when_where = کدوں تے کتھے
report-section-details = ہور تفصیل (اختیاری)
report-section-whose = کہدی کہاݨی
report-section-about = تہاڈے تے ایس کہاݨی بارے (اختیاری)
report-section-consent = کیہ شائع ہو سکدا اے
report-section-contact = رابطہ (اختیاری)
report-section-evidence = ثبوت (اختیاری)
report-whose-own = میری اپݨی کہاݨی
report-whose-other_with_consent = کسے ہور دی کہاݨی، اوہناں دی اجازت نال
report-whose-news_report = خبراں وچ آئی کہاݨی
report-consent-publish = میری کہاݨی دا گمنام خلاصہ شائع کرو
report-consent-publish_hint = پہلاں اک نگران ناں، نمبر تے ضلع توں نکیاں تھاواں دے ناں ہٹا دیندا اے۔
report-consent-statistics_only = صرف اعداد و شمار وچ گݨو
report-consent-statistics_only_hint = کوئی لکھت شائع نہیں ہوندی تے ایہہ کدی کہاݨی دے طور تے نہیں وکھائی جاندی۔ ایہنوں (زیادتی دی قسم، ضلع تے مہینے نال) کل گݨتی، نقشے تے اعداد و شمار وچ گݨیا جاندا اے۔
report-consent-private = ایہنوں نجی رکھو
report-consent-private_hint = نہ شائع ہوندی اے نہ گݨی جاندی اے؛ صرف ساڈی ٹیم ایہنوں پڑھدی اے۔
report-error-text_required = مہربانی کر کے دسو کہ کیہ ہویا۔
report-error-text_too_long = ایہہ لکھت 20,000 اکھراں توں لمی اے۔ مہربانی کر کے ایہنوں چھوٹا کرو، یا باقی حصہ بعد وچ اپݨی رسید راہیں بھیجو۔
report-error-text_invalid = لکھت وچ کجھ اجیہے اکھر نیں جیہڑے محفوظ نہیں ہو سکدے۔ مہربانی کر کے فیر لکھو۔
report-error-when_incomplete = مہربانی کر کے مہینہ تے سال دوویں چݨو، یا دوویں خالی چھڈ دیو۔
report-error-when_future = ایہہ تاریخ اجے آئی نہیں۔
report-error-when_invalid = مہربانی کر کے فہرست وچوں مہینہ تے سال چݨو۔
report-error-place_unknown = مہربانی کر کے فہرست وچوں تھاں چݨو۔
report-error-place_text_too_long = مہربانی کر کے شہر یا قصبے دا ناں 120 اکھراں دے اندر رکھو۔
report-error-label_unknown = اک چوݨ پچھاݨی نہیں گئی۔ مہربانی کر کے فیر چݨو۔
report-error-label_single = جتھے صرف اک جواب دی اجازت اے اوتھے اک ای چݨو۔
report-error-choice_invalid = مہربانی کر کے دتیاں گئیاں چوݨاں وچوں اک چݨو۔
report-error-source_url = ایہہ ویب لنک نہیں لگدا۔ ایہہ https:// نال شروع ہوݨا چاہیدا اے۔
report-error-phone = ایہہ فون نمبر نہیں لگدا۔
report-error-email = ایہہ ای میل ایڈریس نہیں لگدا۔
report-error-self_description = مہربانی کر کے ایہنوں 100 اکھراں تک رکھو۔
report-error-safe_times = مہربانی کر کے ایہنوں 200 اکھراں تک رکھو۔
report-error-throttled =
    { $minutes ->
        [one] تہاڈے نیٹ ورک توں تھوڑے ویلے وچ بہت ساریاں رپورٹاں آئیاں نیں۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر بھیجو۔
       *[other] تہاڈے نیٹ ورک توں تھوڑے ویلے وچ بہت ساریاں رپورٹاں آئیاں نیں۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر بھیجو۔
    }
report-error-form_expired = ایہہ فارم بہت دیر کھلا رہیا تے ایہدی مدت مک گئی اے۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے فیر بھیجو۔
report-error-already_sent = ایہہ فارم پہلاں ای بھیجیا جا چکیا اے تے تہاڈی رپورٹ مل گئی اے۔ جے تہانوں اپݨی رسید چاہیدی اے تاں اوہ بھیجݨ توں بعد وکھائی گئی سی۔
report-error-unavailable = اسیں ہݨے تہاڈی رپورٹ محفوظ نہیں کر سکے، ایس لئی کجھ وی نہیں بھیجیا گیا۔ تہاڈی لکھت تے فائلاں تھلے محفوظ نیں؛ مہربانی کر کے اک منٹ بعد فیر بھیجو۔

receipt-title = تہاڈی رپورٹ مل گئی اے
receipt-thanks = سانوں دسݨ دا شکریہ۔ تہاڈی رپورٹ محفوظ کر کے بند کر دتی گئی اے تاں جو صرف ساڈے نگران ایہنوں پڑھ سکݨ۔
receipt-heading = تہاڈی رسید
receipt-explain = ایس رسید نال تسیں ویکھ سکدیاں او کہ تہاڈی رپورٹ نال کیہ ہویا، ہور جاݨکاری شامل کر سکدیاں او، یا ایہنوں واپس لے سکدیاں او۔ تہاڈے تے تہاڈی رپورٹ وچکار بس ایہو اک جوڑ اے۔
receipt-digits_intro = ایہو رسید ہندسیاں وچ، جے ایہنوں لکھݨا سوکھا ہووے:
receipt-digits_first_intro = تہاڈی رسید ہندسیاں وچ: پنج پنج ہندسیاں دے ست گروپ۔
receipt-copy_hint = سارے ہندسے چݨن لئی اوہناں تے اک واری ٹیپ کرو، فیر کاپی کر لوو، یا اک اک گروپ کر کے لکھ لوو۔
receipt-urdu_words_intro = ایہو رسید اردو دے ست لفظاں وچ (ایہناں وچوں کوئی اک شکل کافی اے):
receipt-english_words_intro = ایہو رسید انگریزی لفظاں وچ:
receipt-advice_write = ایہنوں کاغذ تے یا کسے محفوظ تھاں لکھ لوو۔ لفظ یا ہندسے، دوہاں وچوں کوئی اک کافی اے۔
receipt-advice_once = ایہہ صرف اک واری وکھائی جاندی اے۔ اسیں ایہنوں محفوظ نہیں کردے تے تہانوں دوبارہ نہیں بھیج سکدے۔
receipt-advice_safe = جس کول وی ایہہ رسید ہووے اوہ تہاڈی رپورٹ دا حال ویکھ سکدا اے تے ایہنوں واپس لے سکدا اے۔ ایہنوں اوہناں لوکاں توں دور رکھو جیہڑے تہانوں نقصان پہنچا سکدے نیں۔
receipt-follow_up_link = رپورٹ دا حال پتہ کرو
receipt-replies_heading = ساڈے ولوں جواب
receipt-replies = جے ساڈی ٹیم تہانوں لکھے تاں میسج صرف «رپورٹ دا حال» والے صفحے تے آوے گا۔ ہر کجھ دناں بعد اپݨی رسید نال ایہہ صفحہ ویکھ لیا کرو۔
receipt-no_notifications = اسیں تہانوں ای میل یا نوٹیفکیشن نہیں بھیجدے، نواں میسج آوݨ تے وی نہیں۔

evidence-empty = اک فائل خالی اے۔
evidence-unsupported_type = اک فائل JPEG، PNG یا WebP تصویر یا PDF دستاویز نہیں اے۔
evidence-heic = اک فائل HEIC تصویر اے (اوہ فارمیٹ جیہڑا آئی فون ورتدے نیں)۔ اسیں اجے ایہدے وچوں تھاں دی جاݨکاری نہیں ہٹا سکدے، ایس لئی ایہہ رکھی نہیں گئی: مہربانی کر کے ایہنوں JPEG یا اسکرین شاٹ بݨا کے بھیجو۔
evidence-too_large = اک فائل 10 MB توں وڈی اے۔
evidence-too_many_pixels = اک تصویر بہت وڈی اے (40 میگا پکسل توں ودھ)۔
evidence-corrupt = اک فائل خراب یا ادھوری اے تے پڑھی نہیں جا سکدی۔
evidence-polyglot = اک فائل دے اندر کوئی ہور فائل لُکی ہوئی اے، ایس لئی اوہ رد کر دتی گئی۔
evidence-pdf_active_content = اک PDF دستاویز وچ اسکرپٹ یا نال لگیاں فائلاں نیں، ایس لئی اوہ رد کر دتی گئی۔ مہربانی کر کے ایہدی تھاں اسکرین شاٹ بھیجو۔
evidence-pdf_uncheckable = اک PDF دستاویز دی حفاظتی جانچ نہیں ہو سکی۔ مہربانی کر کے ایہدی تھاں اسکرین شاٹ بھیجو۔
evidence-too_many_files = مہربانی کر کے ودھ توں ودھ 5 فائلاں لاؤ۔
evidence-total_too_large = ساریاں فائلاں رل کے 25 MB توں وڈیاں نیں۔
evidence-processing_failed = اک تصویر تے کارروائی نہیں ہو سکی۔ مہربانی کر کے کوئی ہور فائل یا اسکرین شاٹ بھیج کے ویکھو۔
evidence-busy = سرور ایس ویلے ہور فائلاں جانچ رہیا اے، ایس لئی تہاڈیاں فائلاں رکھیاں نہیں گئیاں۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے اک منٹ بعد فائلاں فیر لا کے بھیجو۔
evidence-draft_lost = جیہڑیاں فائلاں تسیں پہلاں لائیاں سن اوہ ہݨ رکھیاں ہوئیاں نہیں (فارم بہت دیر کھلا رہیا، یا سرور وچ تھاں گھٹ سی)۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے فائلاں فیر لاؤ۔

followup-try_again = فیر کوشش کرو
followup-title = اپݨی رپورٹ دا حال پتہ کرو
followup-intro = رپورٹ بھیجݨ توں بعد جیہڑی رسید ملی سی اوہ لکھو: ست لفظ (انگریزی یا اردو)، یا ہندسے۔
followup-receipt_label = تہاڈی رسید
followup-receipt_hint = مثلاً: خالی تھاں یا نویں سطر نال وکھ کیتے انگریزی یا اردو دے ست لفظ، یا پنج پنج ہندسیاں دے ست گروپ۔
followup-submit = میری رپورٹ دا حال وکھاؤ
followup-status_heading = حال
followup-read_story = شائع ہوئی گمنام کہاݨی پڑھو
followup-add_heading = ہور جاݨکاری شامل کرو
followup-add_label = تسیں کیہ شامل کرنا چاہندیاں او؟
followup-add_hint = ایہہ وی تہاڈی رپورٹ وانگ بند کر کے اوہدے نال جوڑ دتی جاندی اے۔ ایہنوں صرف ساڈے نگران پڑھ سکدے نیں۔
followup-add_submit = میری رپورٹ وچ شامل کرو
followup-added = تہاڈی جاݨکاری تہاڈی رپورٹ وچ شامل کر دتی گئی اے۔
followup-withdraw_heading = اپݨی رپورٹ واپس لوو
followup-withdraw_explain = واپس لیݨ نال تہاڈی رپورٹ، تہاڈی شامل کیتی ہر گل، تہاڈیاں فائلاں تے ایہدے توں شائع ہوئی کوئی وی کہاݨی مٹا دتی جاندی اے۔ ایہہ کم واپس نہیں ہو سکدا۔
followup-withdraw_confirm = جی ہاں، میری رپورٹ تے ایہدے توں شائع ہوئی ہر شے مٹا دیو
followup-withdraw_submit = میری رپورٹ واپس لوو
followup-withdrawn_done = تہاڈی رپورٹ واپس لے لئی گئی اے تے مٹا دتی گئی اے۔
followup-status-new = مل گئی
followup-status-new_explain = تہاڈی رپورٹ محفوظ اے تے کسے نگران دی اڈیک وچ اے۔
followup-status-in_review = جانچ وچ
followup-status-in_review_explain = اک نگران تہاڈی رپورٹ پڑھ رہیا اے تے ایہنوں تیار کر رہیا اے۔
followup-status-published = شائع ہو گئی
followup-status-published_explain = تہاڈی کہاݨی دا گمنام خلاصہ سبھ دے ساہمݨے اے۔
followup-status-statistics_only = اعداد و شمار وچ گݨی گئی
followup-status-statistics_only_explain = تہاڈی رپورٹ عوامی گݨتی وچ شامل اے؛ ایہدی کوئی لکھت شائع نہیں ہوئی۔
followup-status-kept = رکھی ہوئی، شائع نہیں ہوئی
followup-status-kept_explain = تہاڈی رپورٹ ساڈی ٹیم کول رکھی ہوئی اے تے شائع نہیں ہوئی۔
followup-status-withdrawn = واپس لے لئی گئی
followup-status-withdrawn_explain = ایہہ رپورٹ واپس لے کے مٹا دتی گئی اے۔
followup-error-unavailable = اسیں ہݨے ایہہ کم نہیں کر سکے، ایس لئی کجھ وی نہیں بدلیا۔ مہربانی کر کے اک منٹ بعد فیر کوشش کرو۔
followup-error-receipt_format = ایہہ پوری رسید نہیں اے۔ مہربانی کر کے ست لفظ یا ہندسیاں دے ست گروپ فیر ویکھو۔
followup-error-not_found = ایس رسید نال کوئی رپورٹ نہیں لبھی۔ مہربانی کر کے ایہنوں جانچ کے فیر کوشش کرو۔
followup-error-throttled =
    { $minutes ->
        [one] تہاڈے نیٹ ورک توں بہت ساریاں کوششاں ہوئیاں نیں۔ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر کوشش کرو۔
       *[other] تہاڈے نیٹ ورک توں بہت ساریاں کوششاں ہوئیاں نیں۔ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر کوشش کرو۔
    }
followup-error-form_expired = ایہہ صفحہ بہت دیر کھلا رہیا۔ مہربانی کر کے اپݨی رسید فیر لکھو۔
followup-error-text_required = مہربانی کر کے لکھو کہ تسیں کیہ شامل کرنا چاہندیاں او۔
followup-error-confirm_withdraw = رپورٹ واپس لیݨ دی تصدیق لئی مہربانی کر کے خانے تے نشان لاؤ۔
