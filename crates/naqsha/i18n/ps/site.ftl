### Pashto (ps) messages: the public interface (home page, report form, receipt, follow-up page, evidence upload, errors, story page, months, navigation, paging, quick exit).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

site-name = نقشه
site-anonymised_note = دلته هره خپره شوې کیسه بې نومه شوې ده: نومونه، دقیق ځایونه، دقیقې نېټې او هر هغه څه چې یو څوک پرې پېژندل کېدای شي، له خپرېدو مخکې لرې کېږي۔
site-language_switch_label = دا پاڼه په بله ژبه کې ولولئ
site-fallback_note = دا پاڼه لا په بشپړه توګه { $language } ته نه ده ژباړل شوې؛ پاتې برخه په { $fallback } کې ښودل شوې ده.

# Between the items of a short inline list, e.g. a district and its province.
list-separator = ،{" "}

nav-report = راپور ورکړئ
nav-follow_up = د راپور حال
nav-label = اصلي مېنو
nav-home = لومړۍ پاڼه

skip-to_content = مستقیم اصلي منځپانګې ته ورشئ

exit-link = سمدستي ووځئ
exit-hint = دا ویب سایټ سمدستي پرېږدئ او د بل ویب سایټ یوه عادي پاڼه پرانیزئ۔ که جاوا سکرېپټ چالو وي، نو Esc کېکاږل یا درې ځله Shift کېکاږل هم همدا کار کوي۔

home-title = د ټکنالوجۍ له لارې تاوتریخوالی: ثبت او نقشه
home-intro = دا پلېټفارم د ښځو او جنسي لږکیو پر وړاندې هغه تاوتریخوالی ثبتوي چې د ټیلیفون او انټرنېټ له لارې کېږي: ځورونه، بلیک میلنګ، پسې ګرځېدل او څارل، جعلي پروفایلونه، هک شوي اکاونټونه، د شخصي عکسونو خپرول او داسې نور۔ متاثره کسان او شاهدان خپله کیسه په خوندي ډول او بې له دې چې خپل نوم ووایي، بیانوي۔ زموږ نګرانان هر هغه څه لرې کوي چې د چا پېژندګلو پرې کېدای شي، او یوازې بیا پېښه دلته خپروي، ترڅو دا لړۍ ټولو ته ښکاره شي او هغو خلکو ته وړاندې شي چې بدلولی یې شي۔
home-published_total = خپرې شوې پېښې
home-by_place_heading = پېښې د صوبې یا سیمې له مخې
home-place_column = صوبه یا سیمه
home-count_column = پېښې
home-place_not_recorded = ځای نه دی ثبت شوی
home-latest_heading = تازه کیسې
home-empty = تر اوسه هېڅ کیسه نه ده خپره شوې۔

paging-label = د کیسو پاڼې
paging-newer = نوې کیسې
paging-older = زړې کیسې
paging-position = له { $pages } پاڼو څخه { $page } پاڼه

story-demo_badge = [نمونه]
story-demo_note = دا یوازې د ښودلو لپاره جوړه شوې بېلګه ده، رښتینې پېښه نه ده۔
story-when = کله
story-where = چېرته
story-categories = ډولونه
story-date_not_recorded = نېټه نه ده ثبت شوې
story-place_not_recorded = ځای نه دی ثبت شوی
story-only_in_en = دا کیسه یوازې په انګرېزي کې شته۔
story-only_in_ur = دا کیسه یوازې په اردو کې شته۔
story-shown_in_en = کیسې په انګرېزي او اردو کې خپرېږي؛ دا کیسه په انګرېزي کې ښودل شوې ده.
story-shown_in_ur = کیسې په انګرېزي او اردو کې خپرېږي؛ دا کیسه په اردو کې ښودل شوې ده.
story-back = ټولو کیسو ته بېرته

month-1 = جنوري
month-2 = فبروري
month-3 = مارچ
month-4 = اپرېل
month-5 = مۍ
month-6 = جون
month-7 = جولای
month-8 = اګست
month-9 = سپتمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = ډسمبر

error-go_home = لومړۍ پاڼې ته لاړ شئ
error-reference = د ویب سایټ د ټیم لپاره حواله: { $id }
error-not_found-title = پاڼه ونه موندل شوه
error-not_found-body = په دې پته هېڅ شی نشته۔ کېدای شي کیسه بېرته اخیستل شوې وي، یا لینک غلط لیکل شوی وي۔
error-unknown_language-body = دا وېبپاڼه په هغه ژبه نشته چې دا پته یې غواړي۔ له شته ژبو څخه یوه وټاکئ۔
error-unknown_language-title = دا ژبه نشته
error-languages_heading = دا ویب پاڼه په دې ژبو کې شته:
error-bad_request-title = په دې غوښتنه پوه نه شو
error-bad_request-back-body = هغه پاڼه چې بېرته ورته تلل غوښتل، ونه لوستل شوه۔ د مخکې تلو لپاره مېنو وکاروئ۔
error-bad_request-form-body = فورم ونه لوستل شو۔ مهرباني وکړئ بېرته لاړ شئ او بیا یې ولېږئ۔
error-forbidden-title = اجازه نشته
error-forbidden-role = ستاسو د اکاونټ رول د دې کار اجازه نه ورکوي۔ که اړتیا لرئ، له یو اډمن څخه یې وغواړئ۔
error-forbidden-csrf = د دې فورم وخت تېر شوی، یا له دې ویب سایټ څخه نه دی راغلی۔ بېرته لاړ شئ، پاڼه بیا پرانیزئ او بیا یې ولېږئ۔
error-forbidden-locked = دا سرور ستاسو د ننوتلو لپاره د ادارې کلي نه لري، نو اصلي راپورونه دلته نه شي ښودل کېدای۔ ورک سپېس پرانیزئ او خپل پاسورډ ولیکئ ترڅو راپورونه په دې سرور خلاص کړئ۔
error-internal-title = یوه ستونزه پېښه شوه
error-internal-body = ستونزه زموږ په لوري ده، ستاسو په لوري نه۔ مهرباني وکړئ لږ وروسته بیا هڅه وکړئ۔
error-unavailable-title = مهرباني وکړئ یوه دقیقه وروسته بیا هڅه وکړئ
error-unavailable-body = زموږ ډېټابېس همدا اوس ځواب نه ورکوي، نو دا کار اوس نه شي کېدای۔ ستاسو په لوري هېڅ ستونزه نشته؛ مهرباني وکړئ یوه دقیقه وروسته بیا هڅه وکړئ۔
error-unavailable-report_api = راپور همدا اوس خوندي نه شو، او هېڅ شی خوندي نه شو۔ مهرباني وکړئ یوه دقیقه وروسته یې بیا ولېږئ۔
error-page_number-body = د پاڼې شمېره باید بشپړ عدد وي، 1 یا له هغه زیات۔

report-title = ووایئ چې څه وشول
report-intro = تاسو ته اکاونټ نه دی پکار، او خپل نوم ویلو ته هم اړتیا نشته۔ یوازې لومړۍ خانه اړینه ده؛ نور هر څه له موږ سره مرسته کوي چې پوه شو څه روان دي او وې شمېرو۔
report-privacy_heading = له پیلولو مخکې
report-privacy_no_account = موږ ستاسو آی پي پته، ستاسو ټیلیفون یا کمپیوټر، یا کومه کوکي نه ثبتوو۔ د دې ویب سایټ څخه د سمدستي وتلو لپاره په پورته برخه کې سره تڼۍ وکاروئ۔
report-privacy_sealed = هغه څه چې تاسو یې لیکئ، له خوندي کېدو مخکې په داسې کلي تړل کېږي چې یوازې زموږ نګرانان یې لري۔ که څوک سرور هم په لاس راوړي، بیا هم یې نه شي لوستلای۔
report-privacy_published = ستاسو لیکلی هېڅ شی هماغسې نه خپرېږي۔ که تاسو اجازه ورکړئ، یو نګران بې له نومونو، شمېرو او پتو یو لنډ بې نومه لنډیز لیکي، چې یوازې ضلع یا صوبه او میاشت پکې ښودل کېږي۔
report-problems_heading = مهرباني وکړئ فورم وګورئ
report-required = اړین
report-not_sure = ډاډه نه یم
report-prefer_not_to_say = نه غواړم ووایم
report-what_happened = څه وشول؟
report-what_happened_hint = په خپلو خبرو یې ووایئ، په اردو، انګرېزي یا رومن اردو کې۔ نومونه، شمېرې یا پتې لیکلو ته اړتیا نشته — که یې ولیکئ، موږ یې له خپرېدو مخکې لرې کوو۔
report-month = میاشت
report-year = کال
report-when = دا کله وشول؟
report-when_hint = میاشت او کال بس دي۔ که ډاډه نه یاست، پر “تقریباً” نښه ولګوئ۔
report-approximate = دا نېټه اټکلي ده (تقریباً)
report-danger_now = زه همدا اوس په خطر کې یم
report-danger_now_hint = پر دې نښه ولګوئ، نو ستاسو راپور به له نورو مخکې ولوستل شي۔ که ستاسو ژوند په خطر کې وي، پولیسو ته په 15 هم زنګ ووهئ، یا هغه هېلپ لاین ته چې د دې پاڼې په پای کې دی۔
report-place = دا چېرته وشول؟
report-place_hint = یوه ضلع وټاکئ، یا یوازې صوبه۔ هېڅکله د کوڅې یا کور پته مه ورکوئ۔
report-place_none = نه غواړم ووایم
report-place_whole_province = { $province } — ضلع نه ده ښودل شوې
report-place_text = ښار یا ښارګوټی (اختیاري)
report-place_text_hint = یوازې که ستاسو ضلع په لړلیک کې نه وي۔ کوڅه یا کور نه۔
report-details_hint = پر هغو نښه ولګوئ چې سمون لري۔ له دې پوښتنو څخه هره یوه پرېښودلای شئ۔
report-whose_question = دا د چا کیسه ده؟
report-source_url = د خبر لینک (که وي)
report-source_url_hint = یوازې که دا کیسه په خبرونو کې راغلې وي۔
report-consent_question = موږ ستاسو له کیسې سره څه کولای شو؟
report-approve_first = له خپرېدو مخکې ماته بې نومه لنډیز وښایئ
report-approve_first_hint = بیا ستاسو له راپور څخه تر هغه هېڅ نه خپرېږي چې تاسو ځواب نه وي ورکړی: له خپل رسید سره “د راپور حال” ته بېرته راشئ، لنډیز ولولئ، منظور یې کړئ، د بدلون غوښتنه وکړئ یا انکار وکړئ۔
report-contact_hint = یوازې که غواړئ چې موږ له تاسو سره اړیکه ونیسو۔ ستاسو د اړیکې معلومات هم ستاسو د راپور په څېر تړل کېږي او هېڅکله نه خپرېږي۔ تاسو کولای شئ په هغه رسید چې درکول کېږي، پخپله هم د راپور حال معلوم کړئ۔
report-contact_phone = د ټیلیفون شمېره
report-contact_email = ای مېل پته
report-contact_safety = ایا پر دې ټیلیفون له تاسو سره اړیکه نیول خوندي دي؟
report-contact_safe_call = ماته زنګ وهل خوندي دي
report-contact_safe_text = ماته ټیکسټ پیغام لېږل خوندي دي
report-contact_safety_hint = که پر هېڅ یوه نښه ونه لګوئ، موږ به نه تاسو ته زنګ ووهو او نه پیغام درولېږو؛ تاسو بیا هم کولای شئ په خپل رسید پخپله د راپور حال معلوم کړئ۔
report-contact_safe_times = کله له تاسو سره اړیکه نیول خوندي دي؟ (اختیاري)
report-contact_safe_times_hint = د بېلګې په توګه: د کار په ورځو کې د ماسپښین له 4 بجو وروسته، یکشنبه هېڅکله نه۔
report-self_description = په خپلو خبرو (اختیاري)
report-optional_intro = لاندې هر څه اختیاري دي۔ یوه برخه یوازې هغه وخت پرانیزئ چې موږ ته نور څه ویل غواړئ۔
report-evidence_hint = سکرین شاټونه یا عکسونه (JPEG، PNG یا WebP) او PDF اسناد، تر 5 فایلونو پورې، هر یو تر 10 MB پورې۔ موږ له عکسونو څخه پټ د ځای او کمرې معلومات لرې کوو۔ فایلونه هېڅکله نه خپرېږي۔
report-evidence_enough = د ګواښ یا پیغام یو سکرین شاټ بس دی۔ تاسو ته هېڅکله اړتیا نشته چې موږ ته خپل شخصي (خصوصي) عکسونه راولېږئ۔
report-evidence = فایلونه وټاکئ
report-evidence_none = هېڅ فایل نه دی ټاکل شوی
report-evidence_kept = هغه فایلونه چې مو مخکې ورزیات کړي، ساتل شوي دي
report-pow_note = همدا اوس ډېر راپورونه راځي۔ ستاسو براوزر له لېږلو مخکې یوه لنډه کتنه کوي؛ دا ښايي څو ثانیې ونیسي۔
report-submit = زما راپور ولېږئ
report-section-what = څه وشول
report-section-when_where = کله او چېرته
report-section-details = نور تفصیلات (اختیاري)
report-section-whose = د چا کیسه
report-section-about = ستاسو او د دې کیسې په اړه (اختیاري)
report-section-consent = څه خپرېدای شي
report-section-contact = اړیکه ساتل (اختیاري)
report-section-evidence = ثبوت (اختیاري)
report-whose-own = زما خپله کیسه
report-whose-other_with_consent = د بل چا کیسه، د هغوی په اجازه
report-whose-news_report = له خبرونو یوه کیسه
report-consent-publish = زما د کیسې بې نومه لنډیز خپور کړئ
report-consent-publish_hint = لومړی یو نګران نومونه، شمېرې او له ضلعې کوچني ځایونه لرې کوي۔
report-consent-statistics_only = یوازې یې په احصایو کې وشمېرئ
report-consent-statistics_only_hint = هېڅ متن نه خپرېږي او هېڅکله د کیسې په توګه نه ښودل کېږي۔ دا (د ځورونې ډول، ضلع او میاشت) په ټولو شمېرو، نقشه او احصایو کې شمېرل کېږي۔
report-consent-private = پټ یې وساتئ
report-consent-private_hint = نه خپرېږي او نه شمېرل کېږي؛ یوازې زموږ ټیم یې لولي۔
report-error-text_required = مهرباني وکړئ موږ ته ووایئ چې څه وشول۔
report-error-text_too_long = دا له 20,000 تورو اوږد دی۔ مهرباني وکړئ لنډ یې کړئ، یا پاتې برخه وروسته له خپل رسید سره ولېږئ۔
report-error-text_invalid = په متن کې داسې توري دي چې نه شي خوندي کېدای۔ مهرباني وکړئ بیا یې ولیکئ۔
report-error-when_incomplete = مهرباني وکړئ میاشت او کال دواړه وټاکئ، یا هېڅ یو یې مه ټاکئ۔
report-error-when_future = دا نېټه په راتلونکي کې ده۔
report-error-when_invalid = مهرباني وکړئ له لړلیکونو څخه میاشت او کال وټاکئ۔
report-error-place_unknown = مهرباني وکړئ له لړلیک څخه یو ځای وټاکئ۔
report-error-place_text_too_long = مهرباني وکړئ د ښار یا ښارګوټي نوم تر 120 تورو پورې وساتئ۔
report-error-label_unknown = یو انتخاب نه دی پېژندل شوی۔ مهرباني وکړئ بیا یې وټاکئ۔
report-error-label_single = چېرې چې یوازې یو ځواب اجازه لري، مهرباني وکړئ یوازې یو وټاکئ۔
report-error-choice_invalid = مهرباني وکړئ له انتخابونو څخه یو وټاکئ۔
report-error-source_url = دا د ویب لینک په څېر نه ښکاري۔ باید په https:// پیل شي۔
report-error-phone = دا د ټیلیفون شمېرې په څېر نه ښکاري۔
report-error-email = دا د ای مېل پتې په څېر نه ښکاري۔
report-error-self_description = مهرباني وکړئ دا تر 100 تورو پورې وساتئ۔
report-error-safe_times = مهرباني وکړئ دا تر 200 تورو پورې وساتئ۔
report-error-throttled =
    { $minutes ->
        [one] ستاسو له شبکې (نېټ ورک) څخه په لږ وخت کې ډېر راپورونه راغلي دي۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ { $minutes } دقیقه انتظار وکړئ او بیا یې ولېږئ۔
       *[other] ستاسو له شبکې (نېټ ورک) څخه په لږ وخت کې ډېر راپورونه راغلي دي۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ { $minutes } دقیقې انتظار وکړئ او بیا یې ولېږئ۔
    }
report-error-form_expired = دا فورم ډېر وخت خلاص پاتې شو او وخت یې تېر شو۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ بیا یې ولېږئ۔
report-error-already_sent = دا فورم مخکې لېږل شوی و او ستاسو راپور ترلاسه شوی دی۔ که خپل رسید ته اړتیا لرئ، هغه له لېږلو وروسته ښودل شوی و۔
report-error-unavailable = موږ همدا اوس ستاسو راپور خوندي نه کړای شو، نو هېڅ شی ونه لېږل شو۔ ستاسو خبرې او فایلونه لاندې ساتل شوي دي؛ مهرباني وکړئ یوه دقیقه وروسته یې بیا ولېږئ۔

receipt-title = ستاسو راپور ترلاسه شو
receipt-thanks = مننه چې موږ ته مو ووییل۔ ستاسو راپور خوندي او تړل شوی دی، ترڅو یوازې زموږ نګرانان یې ولولای شي۔
receipt-heading = ستاسو رسید
receipt-explain = په دې رسید تاسو لیدلای شئ چې ستاسو له راپور سره څه وشول، نور معلومات ورزیاتولای شئ، یا یې بېرته اخیستلای شئ۔ دا ستاسو او ستاسو د راپور ترمنځ یوازینۍ اړیکه ده۔
receipt-digits_intro = همدا رسید په شمېرو کې، که یې لیکل اسانه وي:
receipt-digits_first_intro = ستاسو رسید په شمېرو کې: د پنځو پنځو عددونو اووه ډلې۔
receipt-copy_hint = یو ځل پر شمېرو ټک ووهئ ترڅو ټولې وټاکل شي، بیا یې کاپي کړئ، یا ډله په ډله یې ولیکئ۔
receipt-urdu_words_intro = همدا رسید په اوو اردو کلمو کې (له دې بڼو څخه هره یوه بس ده):
receipt-english_words_intro = همدا رسید په انګرېزي کلمو کې:
receipt-advice_write = پر کاغذ یا په یو خوندي ځای کې یې ولیکئ۔ کلمې یا شمېرې، هره یوه بس ده۔
receipt-advice_once = دا یوازې یو ځل ښودل کېږي۔ موږ یې نه ساتو او بیا یې تاسو ته نه شو لېږلای۔
receipt-advice_safe = هر څوک چې دا ولري، ستاسو د راپور حال لوستلای شي او بېرته یې اخیستلای شي۔ له هغو خلکو یې لرې وساتئ چې تاسو ته زیان رسولای شي۔
receipt-follow_up_link = د راپور حال معلوم کړئ
receipt-replies_heading = زموږ ځوابونه
receipt-replies = که زموږ ټیم تاسو ته ولیکي، پیغام یوازې د راپور حال په پاڼه کې ښکاري۔ هرو څو ورځو وروسته یې له خپل رسید سره وګورئ۔
receipt-no_notifications = موږ تاسو ته ای مېل یا خبرتیا نه لېږو، حتی کله چې نوی پیغام راشي۔

evidence-empty = یو فایل خالي دی۔
evidence-unsupported_type = یو فایل JPEG، PNG یا WebP عکس یا PDF سند نه دی۔
evidence-heic = یو فایل HEIC عکس دی (هغه بڼه چې آیفون یې کاروي)۔ موږ لا تر اوسه له هغه څخه د ځای معلومات نه شو لرې کولای، نو ونه ساتل شو: مهرباني وکړئ د JPEG یا سکرین شاټ په توګه یې ولېږئ۔
evidence-too_large = یو فایل له 10 MB څخه لوی دی۔
evidence-too_many_pixels = یو عکس ډېر لوی دی (له 40 میګاپکسلو زیات)۔
evidence-corrupt = یو فایل خراب یا نیمګړی دی او نه شي لوستل کېدای۔
evidence-polyglot = په یوه فایل کې بل پټ فایل دی، نو رد شو۔
evidence-pdf_active_content = په یوه PDF سند کې سکرېپټونه یا نښتي فایلونه دي، نو رد شو۔ مهرباني وکړئ پر ځای یې سکرین شاټ ولېږئ۔
evidence-pdf_uncheckable = د یوه PDF سند خوندیتوب ونه کتل شو۔ مهرباني وکړئ پر ځای یې سکرین شاټ ولېږئ۔
evidence-too_many_files = مهرباني وکړئ تر 5 فایلونو زیات مه ورزیاتوئ۔
evidence-total_too_large = ټول فایلونه یوځای له 25 MB څخه لوی دي۔
evidence-processing_failed = یو عکس پروسس نه شو۔ مهرباني وکړئ بل فایل یا سکرین شاټ وازمایئ۔
evidence-busy = سرور اوس د نورو فایلونو په کتلو بوخت دی، نو ستاسو فایلونه ونه ساتل شول۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ فایلونه بیا ورونښلوئ او یوه دقیقه وروسته یې ولېږئ۔
evidence-draft_lost = هغه فایلونه چې مو مخکې نښلولي وو، نور نه دي ساتل شوي (فورم ډېر وخت خلاص و، یا په سرور کې ځای کم و)۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ فایلونه بیا ورونښلوئ۔

followup-try_again = بیا هڅه وکړئ
followup-title = د خپل راپور حال معلوم کړئ
followup-intro = هغه رسید ولیکئ چې د راپور له لېږلو وروسته درکړل شو: اووه کلمې (انګرېزي یا اردو)، یا شمېرې۔
followup-receipt_label = ستاسو رسید
followup-receipt_hint = د بېلګې په توګه: اووه انګرېزي یا اردو کلمې چې په تشو ځایونو یا نویو کرښو بېلې شوې وي، یا د پنځو پنځو عددونو اووه ډلې۔
followup-submit = زما د راپور حال وښایئ
followup-status_heading = حال
followup-read_story = خپره شوې بې نومه کیسه ولولئ
followup-add_heading = معلومات ورزیات کړئ
followup-add_label = څه ورزیاتول غواړئ؟
followup-add_hint = دا هم ستاسو د راپور په څېر تړل کېږي او له هغه سره یوځای کېږي۔ یوازې زموږ نګرانان یې لوستلای شي۔
followup-add_submit = زما په راپور کې یې ورزیات کړئ
followup-added = ستاسو معلومات ستاسو په راپور کې ورزیات شول۔
followup-withdraw_heading = خپل راپور بېرته واخلئ
followup-withdraw_explain = بېرته اخیستل ستاسو راپور، هر هغه څه چې تاسو ورزیات کړي، ستاسو فایلونه او له دې راپور څخه خپره شوې هره کیسه پاکوي۔ دا کار بېرته نه شي اړول کېدای۔
followup-withdraw_confirm = هو، زما راپور او له هغه څخه خپور شوی هر څه پاک کړئ
followup-withdraw_submit = زما راپور بېرته واخلئ
followup-withdrawn_done = ستاسو راپور بېرته واخیستل شو او پاک شو۔
followup-status-new = ترلاسه شو
followup-status-new_explain = ستاسو راپور خوندي دی او د یو نګران انتظار کوي۔
followup-status-in_review = د کتنې لاندې
followup-status-in_review_explain = یو نګران ستاسو راپور لولي او چمتو کوي یې۔
followup-status-published = خپور شو
followup-status-published_explain = ستاسو د کیسې بې نومه لنډیز ټولو ته خپور دی۔
followup-status-statistics_only = په احصایو کې شمېرل شوی
followup-status-statistics_only_explain = ستاسو راپور په عامو شمېرو کې شمېرل شوی؛ له هغه څخه هېڅ متن نه دی خپور شوی۔
followup-status-kept = ساتل شوی، خپور شوی نه دی
followup-status-kept_explain = ستاسو راپور زموږ ټیم سره ساتل شوی او خپور شوی نه دی۔
followup-status-withdrawn = بېرته اخیستل شوی
followup-status-withdrawn_explain = دا راپور بېرته اخیستل شوی او پاک شوی دی۔
followup-error-unavailable = موږ همدا اوس دا کار ونه کړای شو، نو هېڅ شی بدل نه شو۔ مهرباني وکړئ یوه دقیقه وروسته بیا هڅه وکړئ۔
followup-error-receipt_format = دا بشپړ رسید نه دی۔ مهرباني وکړئ اووه کلمې یا د شمېرو اووه ډلې وګورئ۔
followup-error-not_found = په دې رسید هېڅ راپور ونه موندل شو۔ مهرباني وکړئ رسید وګورئ او بیا هڅه وکړئ۔
followup-error-throttled =
    { $minutes ->
        [one] ستاسو له شبکې څخه ډېرې هڅې شوې دي۔ مهرباني وکړئ { $minutes } دقیقه انتظار وکړئ او بیا هڅه وکړئ۔
       *[other] ستاسو له شبکې څخه ډېرې هڅې شوې دي۔ مهرباني وکړئ { $minutes } دقیقې انتظار وکړئ او بیا هڅه وکړئ۔
    }
followup-error-form_expired = دا پاڼه ډېر وخت خلاصه پاتې شوه۔ مهرباني وکړئ خپل رسید بیا ولیکئ۔
followup-error-text_required = مهرباني وکړئ ولیکئ چې څه ورزیاتول غواړئ۔
followup-error-confirm_withdraw = مهرباني وکړئ پر خانه نښه ولګوئ ترڅو تایید کړئ چې خپل راپور بېرته اخیستل غواړئ۔
