### Sindhi (sd) messages: the public site (home page, report form, receipt, follow-up page, evidence upload, errors, story pages, months, navigation, paging, quick exit).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

site-name = نقشہ
site-anonymised_note = هتي شايع ٿيل هر ڪهاڻيءَ مان سڃاڻپ جي هر نشاني هٽائي وئي آهي: نالا، صحيح جايون، صحيح تاريخون ۽ ٻي هر اها ڳالهه جنهن سان ڪنهن ماڻهوءَ کي سڃاڻي سگهجي، شايع ڪرڻ کان اڳ ڪڍي ڇڏي وڃي ٿي.
site-language_switch_label = هي صفحو اردوءَ ۾ پڙهو

# Between the items of a short inline list, e.g. a district and its province.
list-separator = ،{" "}

nav-report = رپورٽ ڪريو
nav-follow_up = رپورٽ جو حال
nav-label = مکيه مينيو
nav-home = مکيه صفحو

skip-to_content = سڌو اصل مواد ڏانهن وڃو

exit-link = فوراً ٻاهر نڪرو
exit-hint = هيءَ ويب سائيٽ هڪدم ڇڏي ڪنهن ٻي ويب سائيٽ جو هڪ عام صفحو کوليو. جيڪڏهن جاوا اسڪرپٽ هلندڙ هجي ته Esc دٻائڻ يا Shift ٽي ڀيرا دٻائڻ سان به ائين ئي ٿيندو.

home-title = ٽيڪنالاجيءَ ذريعي تشدد: رڪارڊ ۽ نقشو
home-intro = هي پليٽ فارم عورتن ۽ جنسي اقليتن خلاف اُن تشدد کي رڪارڊ ڪري ٿو جيڪو فون ۽ انٽرنيٽ ذريعي ٿئي ٿو: هراساني، بليڪ ميلنگ، پيڇو ڪرڻ، جعلي پروفائل، اڪائونٽ هيڪ ڪرڻ، نجي تصويرون ڦهلائڻ ۽ ٻيون اهڙيون زيادتيون. متاثر ۽ شاهد پنهنجو نالو ٻڌائڻ کانسواءِ محفوظ طريقي سان پنهنجي ڪهاڻي ٻڌائين ٿا. اسان جا نگران هر اها ڳالهه هٽائي ڇڏيندا آهن جنهن سان ڪنهن جي سڃاڻپ ٿي سگهي، ۽ ان کان پوءِ ئي واقعو هتي شايع ڪندا آهن، ته جيئن اهو سلسلو سڀني جي سامهون اچي ۽ انهن ماڻهن اڳيان رکي سگهجي جيڪي ان کي بدلائي سگهن ٿا.
home-published_total = شايع ٿيل واقعا
home-by_place_heading = صوبي يا علائقي موجب واقعا
home-place_column = صوبو يا علائقو
home-count_column = واقعا
home-place_not_recorded = جاءِ درج ناهي
home-latest_heading = تازيون ڪهاڻيون
home-empty = اڃا تائين ڪا به ڪهاڻي شايع نه ٿي آهي.

paging-label = ڪهاڻين جا صفحا
paging-newer = نيون ڪهاڻيون
paging-older = پراڻيون ڪهاڻيون
paging-position = ڪل { $pages } صفحن مان صفحو { $page }

story-demo_badge = [نمونو]
story-demo_note = هي رڳو ڏيکارڻ لاءِ ٺاهيل مثال آهي، اصل واقعو ناهي.
story-when = ڪڏهن
story-where = ڪٿي
story-categories = قسم
story-date_not_recorded = تاريخ درج ناهي
story-place_not_recorded = جاءِ درج ناهي
story-only_in_en = هيءَ ڪهاڻي رڳو انگريزيءَ ۾ موجود آهي.
story-only_in_ur = هيءَ ڪهاڻي رڳو اردوءَ ۾ موجود آهي.
story-back = سڀني ڪهاڻين ڏانهن واپس وڃو

month-1 = جنوري
month-2 = فيبروري
month-3 = مارچ
month-4 = اپريل
month-5 = مئي
month-6 = جون
month-7 = جولاءِ
month-8 = آگسٽ
month-9 = سيپٽمبر
month-10 = آڪٽوبر
month-11 = نومبر
month-12 = ڊسمبر

error-go_home = مکيه صفحي تي وڃو
error-reference = ويب سائيٽ جي ٽيم لاءِ حوالو: { $id }
error-not_found-title = صفحو نه مليو
error-not_found-body = هن پتي تي ڪجهه به ناهي. ٿي سگهي ٿو ڪهاڻي واپس ورتي وئي هجي، يا لنڪ غلط لکيل هجي.
error-bad_request-title = هيءَ درخواست سمجهه ۾ نه آئي
error-bad_request-back-body = جنهن صفحي ڏانهن واپس وڃڻو هو، اهو پڙهي نه سگهيو ويو. اڳتي وڃڻ لاءِ مينيو استعمال ڪريو.
error-bad_request-form-body = فارم پڙهي نه سگهيو ويو. مهرباني ڪري واپس وڃي ٻيهر موڪليو.
error-forbidden-title = اجازت ناهي
error-forbidden-role = توهان جي اڪائونٽ جي ڪردار ۾ ان جي اجازت ناهي. ضرورت هجي ته ڪنهن ايڊمن کي چئو.
error-forbidden-csrf = هن فارم جو وقت پورو ٿي ويو آهي يا اهو هن سائيٽ تان نه آيو آهي. واپس وڃو، صفحو ٻيهر کوليو ۽ پوءِ موڪليو.
error-forbidden-locked = هن سرور وٽ توهان جي سائن اِن لاءِ اداري جي چاٻي ناهي، تنهن ڪري هتي اصل رپورٽون ڏيکاري نٿيون سگهجن. ورڪ اسپيس کوليو ۽ انهن کي هن سرور تي کولڻ لاءِ پنهنجو پاسورڊ لکو.
error-internal-title = ڪا خرابي ٿي وئي
error-internal-body = خرابي اسان جي پاسي آهي، توهان جي پاسي ناهي. مهرباني ڪري ٿوري دير کان پوءِ ٻيهر ڪوشش ڪريو.
error-unavailable-title = مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر ڪوشش ڪريو
error-unavailable-body = اسان جو ڊيٽابيس هن وقت جواب نٿو ڏئي، تنهن ڪري هي ڪم اڃا نٿو ٿي سگهي. توهان جي پاسي ڪا خرابي ناهي؛ مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر ڪوشش ڪريو.
error-unavailable-report_api = رپورٽ هن وقت محفوظ نه ٿي سگهي، ۽ ڪجهه به محفوظ نه ٿيو. مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر موڪليو.
error-page_number-body = صفحي جو نمبر 1 يا ان کان وڏو ڪو پورو انگ هجڻ گهرجي.

report-title = ٻڌايو ته ڇا ٿيو
report-intro = توهان کي نه اڪائونٽ جي ضرورت آهي، نه پنهنجو نالو ٻڌائڻ جي. رڳو پهريون خانو ضروري آهي؛ باقي سڀ ڪجهه اسان کي اهو سمجهڻ ۽ ڳڻڻ ۾ مدد ڏئي ٿو ته ڇا ٿي رهيو آهي.
report-privacy_heading = شروع ڪرڻ کان اڳ
report-privacy_no_account = اسان توهان جو آءِ پي ايڊريس، توهان جو فون يا ڪمپيوٽر، يا ڪا به ڪوڪي رڪارڊ نٿا ڪريون. هن سائيٽ مان هڪدم نڪرڻ لاءِ مٿي ڳاڙهو بٽڻ دٻايو.
report-privacy_sealed = توهان جيڪو لکو ٿا، اهو محفوظ ٿيڻ کان اڳ هڪ اهڙي چاٻيءَ سان بند ڪيو وڃي ٿو جيڪا رڳو اسان جي نگرانن وٽ آهي. سرور ڪنهن جي هٿ لڳي وڃي، تڏهن به ڪو ان کي پڙهي نٿو سگهي.
report-privacy_published = توهان جي لکيل ڪا به ڳالهه جيئن جو تيئن شايع نه ٿيندي آهي. جيڪڏهن توهان اجازت ڏيو ته هڪ نگران نالن، نمبرن ۽ پتن کانسواءِ هڪ مختصر گمنام خلاصو لکي ٿو، جنهن ۾ رڳو ضلعو يا صوبو ۽ مهينو هوندو آهي.
report-problems_heading = مهرباني ڪري فارم ٻيهر ڏسو
report-required = ضروري
report-not_sure = پڪ ناهي
report-prefer_not_to_say = ٻڌائڻ نٿي چاهيان / نٿو چاهيان
report-what_happened = ڇا ٿيو؟
report-what_happened_hint = پنهنجن لفظن ۾ ٻڌايو — اردو، انگريزي يا رومن اردو ۾. نالا، نمبر يا پتا لکڻ جي ضرورت ناهي؛ جيڪڏهن لکو ته ڪجهه به شايع ٿيڻ کان اڳ اسان اهي هٽائي ڇڏيندا آهيون.
report-month = مهينو
report-year = سال
report-when = اهو ڪڏهن ٿيو؟
report-when_hint = مهينو ۽ سال ڪافي آهن. جيڪڏهن پڪ نه هجي ته ”لڳ ڀڳ“ تي نشان لڳايو.
report-approximate = هي اندازو آهي (لڳ ڀڳ)
report-danger_now = مون کي هن وقت خطرو آهي
report-danger_now_hint = هن تي نشان لڳايو ته توهان جي رپورٽ ٻين کان اڳ پڙهي ويندي. جيڪڏهن توهان جي جان کي خطرو آهي ته پوليس کي 15 تي، يا هن صفحي جي آخر ۾ ڏنل هيلپ لائين تي به فون ڪريو.
report-place = اهو ڪٿي ٿيو؟
report-place_hint = ضلعو چونڊيو، يا رڳو صوبو. گهٽيءَ يا گهر جو پتو ڪڏهن به نه ڏيو.
report-place_none = مان ٻڌائڻ نٿي چاهيان / نٿو چاهيان
report-place_whole_province = { $province } — ضلعو نه ٻڌايو ويو
report-place_text = شهر يا قصبو (اختياري)
report-place_text_hint = رڳو تڏهن جڏهن توهان جو ضلعو فهرست ۾ نه هجي. گهٽي يا گهر نه لکو.
report-details_hint = جيڪي ڳالهيون لاڳو ٿين، انهن تي نشان لڳايو. توهان انهن مان ڪو به سوال ڇڏي سگهو ٿا.
report-whose_question = هيءَ ڪنهن جي ڪهاڻي آهي؟
report-source_url = خبر جو لنڪ (جيڪڏهن هجي)
report-source_url_hint = رڳو تڏهن جڏهن هيءَ ڪهاڻي خبرن ۾ آئي هجي.
report-consent_question = اسان توهان جي ڪهاڻيءَ سان ڇا ڪري سگهون ٿا؟
report-approve_first = شايع ٿيڻ کان اڳ مون کي گمنام خلاصو ڏيکاريو
report-approve_first_hint = پوءِ توهان جي جواب تائين توهان جي رپورٽ مان ڪجهه به شايع نه ٿيندو: پنهنجي رسيد سان ”رپورٽ جو حال“ تي موٽي اچو ۽ خلاصو پڙهو، ان کي منظور ڪريو، تبديلي گهرو يا انڪار ڪريو.
report-contact_hint = رڳو جيڪڏهن توهان چاهيو ٿا ته اسان توهان سان رابطو ڪريون. توهان جي رابطي جا تفصيل به توهان جي رپورٽ وانگر بند رکيا وڃن ٿا ۽ ڪڏهن به شايع نه ٿيندا آهن. توهان ملندڙ رسيد سان پاڻ به رپورٽ جو حال معلوم ڪري سگهو ٿا.
report-contact_phone = فون نمبر
report-contact_email = اي ميل ايڊريس
report-contact_safety = ڇا هن فون تي توهان سان رابطو ڪرڻ محفوظ آهي؟
report-contact_safe_call = مون کي ڪال ڪرڻ محفوظ آهي
report-contact_safe_text = مون کي ٽيڪسٽ ميسيج موڪلڻ محفوظ آهي
report-contact_safety_hint = جيڪڏهن توهان ڪنهن تي به نشان نه لڳايو ته اسان توهان کي نه ڪال ڪنداسين، نه ميسيج موڪلينداسين؛ توهان پوءِ به پنهنجي رسيد سان پاڻ رپورٽ جو حال معلوم ڪري سگهو ٿا.
report-contact_safe_times = توهان سان ڪڏهن رابطو ڪرڻ محفوظ آهي؟ (اختياري)
report-contact_safe_times_hint = مثال طور: ڪم وارن ڏينهن ۾ شام 4 وڳي کان پوءِ، آچر تي ڪڏهن به نه.
report-self_description = پنهنجن لفظن ۾ (اختياري)
report-optional_intro = هيٺ ڏنل سڀ ڪجهه اختياري آهي. ڪو حصو رڳو تڏهن کوليو جڏهن توهان اسان کي وڌيڪ ٻڌائڻ چاهيو.
report-evidence_hint = اسڪرين شاٽ يا تصويرون (JPEG، PNG يا WebP) ۽ PDF دستاويز، وڌ ۾ وڌ 5 فائلون ۽ هر هڪ 10 MB تائين. اسان تصويرن مان لڪيل جاءِ ۽ ڪئميرا جي معلومات هٽائي ڇڏيندا آهيون. فائلون ڪڏهن به شايع نه ٿينديون آهن.
report-evidence_enough = ڌمڪيءَ يا پيغام جو هڪ اسڪرين شاٽ ڪافي آهي. توهان کي پنهنجون نجي تصويرون اسان کي موڪلڻ جي ڪڏهن به ضرورت ناهي.
report-evidence = فائلون چونڊيو
report-evidence_none = ڪا به فائل چونڊيل ناهي
report-evidence_kept = توهان جون اڳ ۾ شامل ڪيل فائلون محفوظ آهن
report-pow_note = هن وقت گهڻيون رپورٽون اچي رهيون آهن. موڪلڻ کان اڳ توهان جو برائوزر هڪ ننڍي جانچ ڪري رهيو آهي؛ ان ۾ ڪجهه سيڪنڊ لڳي سگهن ٿا.
report-submit = منهنجي رپورٽ موڪليو
report-section-what = ڇا ٿيو
report-section-when_where = ڪڏهن ۽ ڪٿي
report-section-details = وڌيڪ تفصيل (اختياري)
report-section-whose = ڪنهن جي ڪهاڻي
report-section-about = توهان ۽ هن ڪهاڻيءَ بابت (اختياري)
report-section-consent = ڇا شايع ٿي سگهي ٿو
report-section-contact = رابطو (اختياري)
report-section-evidence = ثبوت (اختياري)
report-whose-own = منهنجي پنهنجي ڪهاڻي
report-whose-other_with_consent = ڪنهن ٻئي جي ڪهاڻي، انهن جي اجازت سان
report-whose-news_report = خبرن ۾ آيل ڪهاڻي
report-consent-publish = منهنجي ڪهاڻيءَ جو گمنام خلاصو شايع ڪريو
report-consent-publish_hint = پهريان هڪ نگران نالا، نمبر ۽ ضلعي کان ننڍين جاين جا نالا هٽائي ٿو.
report-consent-statistics_only = رڳو انگن اکرن ۾ ڳڻيو
report-consent-statistics_only_hint = ڪا به لکت شايع نه ٿيندي آهي ۽ هيءَ ڪڏهن به ڪهاڻيءَ طور نه ڏيکاري ويندي آهي. ان کي (ان جي زيادتيءَ جي قسم، ضلعي ۽ مهيني سان) ڪل تعداد، نقشي ۽ انگن اکرن ۾ ڳڻيو ويندو آهي.
report-consent-private = ان کي نجي رکو
report-consent-private_hint = هيءَ نه شايع ٿيندي آهي، نه ڳڻي ويندي آهي؛ رڳو اسان جي ٽيم ان کي پڙهندي آهي.
report-error-text_required = مهرباني ڪري ٻڌايو ته ڇا ٿيو.
report-error-text_too_long = هيءَ لکت 20,000 اکرن کان ڊگهي آهي. مهرباني ڪري ان کي مختصر ڪريو، يا باقي حصو پوءِ پنهنجي رسيد ذريعي موڪليو.
report-error-text_invalid = لکت ۾ اهڙا اکر آهن جيڪي محفوظ نٿا ٿي سگهن. مهرباني ڪري ٻيهر لکو.
report-error-when_incomplete = مهرباني ڪري مهينو ۽ سال ٻئي چونڊيو، يا ٻئي خالي ڇڏيو.
report-error-when_future = هيءَ تاريخ اڃا آئي ئي ناهي.
report-error-when_invalid = مهرباني ڪري فهرست مان مهينو ۽ سال چونڊيو.
report-error-place_unknown = مهرباني ڪري فهرست مان جاءِ چونڊيو.
report-error-place_text_too_long = مهرباني ڪري شهر يا قصبي جو نالو 120 اکرن اندر رکو.
report-error-label_unknown = هڪ چونڊ سڃاتي نه وئي. مهرباني ڪري ٻيهر چونڊيو.
report-error-label_single = جتي رڳو هڪ جواب جي اجازت آهي، اتي رڳو هڪ چونڊيو.
report-error-choice_invalid = مهرباني ڪري ڏنل اختيارن مان هڪ چونڊيو.
report-error-source_url = هي ويب لنڪ نٿو لڳي. اهو https:// سان شروع ٿيڻ گهرجي.
report-error-phone = هي فون نمبر نٿو لڳي.
report-error-email = هي اي ميل ايڊريس نٿو لڳي.
report-error-self_description = مهرباني ڪري ان کي 100 اکرن تائين رکو.
report-error-safe_times = مهرباني ڪري ان کي 200 اکرن تائين رکو.
report-error-throttled =
    { $minutes ->
        [one] توهان جي نيٽ ورڪ مان ٿوري وقت ۾ تمام گهڻيون رپورٽون آيون آهن. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر موڪليو.
       *[other] توهان جي نيٽ ورڪ مان ٿوري وقت ۾ تمام گهڻيون رپورٽون آيون آهن. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر موڪليو.
    }
report-error-form_expired = هي فارم گهڻي دير تائين کليل رهيو ۽ ان جو وقت پورو ٿي ويو. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري ٻيهر موڪليو.
report-error-already_sent = هي فارم اڳ ۾ ئي موڪليو ويو آهي ۽ توهان جي رپورٽ ملي وئي آهي. جيڪڏهن توهان کي رسيد گهرجي، ته اها موڪلڻ کان پوءِ ڏيکاري وئي هئي.
report-error-unavailable = اسان هن وقت توهان جي رپورٽ محفوظ نه ڪري سگهياسين، تنهن ڪري ڪجهه به نه موڪليو ويو. توهان جي لکت ۽ فائلون هيٺ محفوظ آهن؛ مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر موڪليو.

receipt-title = توهان جي رپورٽ ملي وئي آهي
receipt-thanks = اسان کي ٻڌائڻ جي مهرباني. توهان جي رپورٽ محفوظ ڪري بند ڪئي وئي آهي ته جيئن رڳو اسان جا نگران ان کي پڙهي سگهن.
receipt-heading = توهان جي رسيد
receipt-explain = هن رسيد سان توهان ڏسي سگهو ٿا ته توهان جي رپورٽ سان ڇا ٿيو، وڌيڪ معلومات شامل ڪري سگهو ٿا، يا ان کي واپس وٺي سگهو ٿا. توهان ۽ توهان جي رپورٽ جي وچ ۾ رڳو اهو ئي ڳانڍاپو آهي.
receipt-digits_intro = ساڳي رسيد انگن ۾، جيڪڏهن ان کي لکڻ آسان هجي:
receipt-digits_first_intro = توهان جي رسيد انگن ۾: پنجن پنجن انگن جا ست گروپ.
receipt-copy_hint = سڀ انگ چونڊڻ لاءِ انهن تي هڪ ڀيرو ٽيپ ڪريو، پوءِ ڪاپي ڪريو، يا هڪ هڪ گروپ ڪري لکي وٺو.
receipt-urdu_words_intro = ساڳي رسيد اردوءَ جي ستن لفظن ۾ (انهن مان ڪا به هڪ صورت ڪافي آهي):
receipt-english_words_intro = ساڳي رسيد انگريزي لفظن ۾:
receipt-advice_write = ان کي ڪاغذ تي يا ڪنهن محفوظ جاءِ تي لکي رکو. لفظ يا انگ، ٻنهي مان ڪو هڪ ڪافي آهي.
receipt-advice_once = هيءَ رسيد رڳو هڪ ڀيرو ڏيکاري وڃي ٿي. اسان ان کي محفوظ نٿا ڪريون ۽ توهان کي ٻيهر موڪلي نٿا سگهون.
receipt-advice_safe = جنهن وٽ به هيءَ رسيد هجي، اهو توهان جي رپورٽ جي صورتحال ڏسي سگهي ٿو ۽ ان کي واپس وٺي سگهي ٿو. ان کي انهن ماڻهن کان پري رکو جيڪي توهان کي نقصان پهچائي سگهن ٿا.
receipt-follow_up_link = رپورٽ جو حال معلوم ڪريو
receipt-replies_heading = اسان جي طرفان جواب
receipt-replies = جيڪڏهن اسان جي ٽيم توهان کي لکي، ته پيغام رڳو فالو اپ صفحي تي ايندو. هر ڪجهه ڏينهن کان پوءِ پنهنجي رسيد سان اهو صفحو ڏسندا رهو.
receipt-no_notifications = اسان توهان کي اي ميل يا نوٽيفڪيشن نٿا موڪليون، نئون پيغام اچڻ تي به نه.

evidence-empty = هڪ فائل خالي آهي.
evidence-unsupported_type = هڪ فائل نه JPEG، PNG يا WebP تصوير آهي، نه PDF دستاويز.
evidence-heic = هڪ فائل HEIC فوٽو آهي (اهو فارميٽ جيڪو آءِ فون استعمال ڪن ٿا). اسان اڃا ان مان جاءِ جي معلومات هٽائي نٿا سگهون، تنهن ڪري اها محفوظ نه ڪئي وئي: مهرباني ڪري ان کي JPEG يا اسڪرين شاٽ جي صورت ۾ موڪليو.
evidence-too_large = هڪ فائل 10 MB کان وڏي آهي.
evidence-too_many_pixels = هڪ تصوير تمام وڏي آهي (40 ميگا پڪسل کان وڌيڪ).
evidence-corrupt = هڪ فائل خراب يا اڻپوري آهي ۽ پڙهي نٿي سگهجي.
evidence-polyglot = هڪ فائل اندر ٻي ڪا فائل لڪيل آهي، تنهن ڪري اها قبول نه ڪئي وئي.
evidence-pdf_active_content = هڪ PDF دستاويز ۾ اسڪرپٽ يا ڳنڍيل فائلون آهن، تنهن ڪري اهو قبول نه ڪيو ويو. مهرباني ڪري ان جي بدران اسڪرين شاٽ موڪليو.
evidence-pdf_uncheckable = هڪ PDF دستاويز جي حفاظتي جانچ نه ٿي سگهي. مهرباني ڪري ان جي بدران اسڪرين شاٽ موڪليو.
evidence-too_many_files = مهرباني ڪري وڌ ۾ وڌ 5 فائلون شامل ڪريو.
evidence-total_too_large = سڀ فائلون گڏجي 25 MB کان وڏيون آهن.
evidence-processing_failed = هڪ تصوير تي ڪم نه ٿي سگهيو. مهرباني ڪري ڪا ٻي فائل يا اسڪرين شاٽ آزمايو.
evidence-busy = سرور هن وقت ٻين فائلن جي جانچ ۾ مصروف آهي، تنهن ڪري توهان جون فائلون محفوظ نه ٿيون. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري فائلون ٻيهر لڳايو ۽ هڪ منٽ کان پوءِ موڪليو.
evidence-draft_lost = توهان اڳ ۾ جيڪي فائلون لڳايون هيون، اهي هاڻي محفوظ ناهن (فارم گهڻي دير کليل رهيو، يا سرور ۾ جاءِ گهٽ هئي). توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري فائلون ٻيهر لڳايو.

followup-try_again = ٻيهر ڪوشش ڪريو
followup-title = پنهنجي رپورٽ جو حال معلوم ڪريو
followup-intro = رپورٽ موڪلڻ کان پوءِ توهان کي جيڪا رسيد ملي هئي، اها لکو: ست لفظ (انگريزي يا اردو)، يا انگ.
followup-receipt_label = توهان جي رسيد
followup-receipt_hint = مثال طور: خالي جاءِ يا نئين سٽ سان الڳ ڪيل انگريزي يا اردوءَ جا ست لفظ، يا پنجن پنجن انگن جا ست گروپ.
followup-submit = منهنجي رپورٽ جي صورتحال ڏيکاريو
followup-status_heading = صورتحال
followup-read_story = شايع ٿيل گمنام ڪهاڻي پڙهو
followup-add_heading = وڌيڪ معلومات شامل ڪريو
followup-add_label = توهان ڇا شامل ڪرڻ چاهيو ٿا؟
followup-add_hint = هيءَ به توهان جي رپورٽ وانگر بند ڪري ان سان ملائي وڃي ٿي. ان کي رڳو اسان جا نگران پڙهي سگهن ٿا.
followup-add_submit = منهنجي رپورٽ ۾ شامل ڪريو
followup-added = توهان جي معلومات توهان جي رپورٽ ۾ شامل ڪئي وئي.
followup-withdraw_heading = پنهنجي رپورٽ واپس وٺو
followup-withdraw_explain = واپس وٺڻ سان توهان جي رپورٽ، توهان جي شامل ڪيل هر ڳالهه، توهان جون فائلون ۽ ان مان شايع ٿيل ڪا به ڪهاڻي ميٽي ڇڏي ويندي. اهو عمل واپس نٿو ٿي سگهي.
followup-withdraw_confirm = ها، منهنجي رپورٽ ۽ ان مان شايع ٿيل سڀ ڪجهه ميٽي ڇڏيو
followup-withdraw_submit = منهنجي رپورٽ واپس وٺو
followup-withdrawn_done = توهان جي رپورٽ واپس ورتي وئي آهي ۽ ميٽي وئي آهي.
followup-status-new = ملي وئي
followup-status-new_explain = توهان جي رپورٽ محفوظ آهي ۽ ڪنهن نگران جو انتظار ڪري رهي آهي.
followup-status-in_review = جائزي هيٺ
followup-status-in_review_explain = هڪ نگران توهان جي رپورٽ پڙهي رهيو آهي ۽ ان کي تيار ڪري رهيو آهي.
followup-status-published = شايع ٿي وئي
followup-status-published_explain = توهان جي ڪهاڻيءَ جو گمنام خلاصو سڀني لاءِ کليل آهي.
followup-status-statistics_only = انگن اکرن ۾ ڳڻيل
followup-status-statistics_only_explain = توهان جي رپورٽ عام انگن اکرن ۾ ڳڻي وئي آهي؛ ان جي ڪا به لکت شايع نه ٿي آهي.
followup-status-kept = محفوظ، شايع نه ٿيل
followup-status-kept_explain = توهان جي رپورٽ اسان جي ٽيم وٽ محفوظ آهي ۽ شايع نه ٿي آهي.
followup-status-withdrawn = واپس ورتل
followup-status-withdrawn_explain = هيءَ رپورٽ واپس وٺي ميٽي وئي آهي.
followup-error-unavailable = اسان هن وقت اهو ڪم نه ڪري سگهياسين، تنهن ڪري ڪجهه به تبديل نه ٿيو. مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر ڪوشش ڪريو.
followup-error-receipt_format = هيءَ پوري رسيد ناهي. مهرباني ڪري ست لفظ يا انگن جا ست گروپ ٻيهر ڏسو.
followup-error-not_found = هن رسيد سان ڪا به رپورٽ نه ملي. مهرباني ڪري رسيد جانچي ٻيهر ڪوشش ڪريو.
followup-error-throttled =
    { $minutes ->
        [one] توهان جي نيٽ ورڪ مان تمام گهڻيون ڪوششون ٿيون آهن. مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر ڪوشش ڪريو.
       *[other] توهان جي نيٽ ورڪ مان تمام گهڻيون ڪوششون ٿيون آهن. مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر ڪوشش ڪريو.
    }
followup-error-form_expired = هي صفحو گهڻي دير تائين کليل رهيو. مهرباني ڪري پنهنجي رسيد ٻيهر لکو.
followup-error-text_required = مهرباني ڪري لکو ته توهان ڇا شامل ڪرڻ چاهيو ٿا.
followup-error-confirm_withdraw = رپورٽ واپس وٺڻ جي تصديق لاءِ مهرباني ڪري خاني تي نشان لڳايو.
