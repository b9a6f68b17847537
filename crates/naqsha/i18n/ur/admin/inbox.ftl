### inbox messages of the staff workspace (ur). Every key must also be in the other language.

admin-inbox-title = موصولہ رپورٹیں
admin-inbox-intro = ہر ذریعے سے آنے والی رپورٹیں، فوری توجہ والی سب سے پہلے، پھر نئی۔ یہاں کسی رپورٹ کا متن نہیں دکھایا جاتا، اس لیے یہ فہرست مشترکہ اسکرین پر بھی محفوظ ہے: پڑھنے کے لیے رپورٹ کھولیں۔
admin-inbox-filters = رپورٹیں چھانٹیں
admin-inbox-status = حیثیت
admin-inbox-channel = ذریعہ
admin-inbox-kind = تشدد کی قسم
admin-inbox-province = صوبہ یا علاقہ
admin-inbox-any = کوئی بھی
admin-inbox-flagged_only = صرف نشان زدہ (ہجوم کے دوران آئیں)
admin-inbox-urgent_only = صرف فوری توجہ والی
admin-inbox-status_open = نئی اور زیرِ جائزہ
admin-inbox-status_any = ہر حیثیت
admin-inbox-sort_label = ترتیب
admin-inbox-choose = منتخب کریں
admin-inbox-choose_row = { $received } کو موصول ہونے والی رپورٹ منتخب کریں
admin-inbox-urgent_because = فوری: { $why }
admin-inbox-apply = چھانٹیں
admin-inbox-clear = چھانٹی ختم کریں
admin-inbox-count =
    { $count ->
        [one] { $count } رپورٹ
       *[other] { $count } رپورٹیں
    }
admin-inbox-workload_you =
    { $count ->
        [one] آج آپ نے { $count } رپورٹ کھولی۔
       *[other] آج آپ نے { $count } رپورٹیں کھولیں۔
    }
admin-inbox-workload_team =
    { $count ->
        [one] آج ٹیم نے { $count } رپورٹ کھولی۔
       *[other] آج ٹیم نے { $count } رپورٹیں کھولیں۔
    }
admin-inbox-empty = کوئی رپورٹ نہیں ملی۔
admin-inbox-received = موصول ہوئی
admin-inbox-assignee = ذمہ دار
admin-inbox-duplicates = ایک ہی واقعہ؟
admin-inbox-flagged = نشان زدہ
admin-inbox-nobody = کوئی نہیں
admin-inbox-take = اپنے ذمے لیں
admin-inbox-release = ذمہ داری چھوڑیں
admin-inbox-assign_to = کس کے ذمے
admin-inbox-assign = ذمے لگائیں
admin-inbox-duplicate_of = اس کی نقل:
admin-inbox-unlink = نقل نہیں ہے
admin-inbox-hints = شاید یہی واقعہ
admin-inbox-similar = { $percent }٪ مشابہ
admin-inbox-link = اس کی نقل قرار دیں
admin-inbox-pages = رپورٹوں کے صفحات
admin-inbox-newer = نئی رپورٹیں
admin-inbox-older = پرانی رپورٹیں
admin-inbox-position = صفحہ { $page } از { $pages }
admin-inbox-assigned-label = ذمہ داری
admin-inbox-assigned-open = میری یا کسی کی نہیں
admin-inbox-assigned-anyone = کوئی بھی
admin-inbox-assigned-me = میری
admin-inbox-assigned-nobody = کسی کی نہیں
admin-inbox-consent-label = اجازت
admin-inbox-consent-publish = شائع کریں
admin-inbox-consent-statistics_only = صرف اعداد و شمار
admin-inbox-consent-private = نجی
admin-inbox-sort-urgent = فوری توجہ والی پہلے، پھر نئی
admin-inbox-sort-newest = نئی سب سے پہلے
admin-inbox-sort-oldest = پرانی سب سے پہلے
admin-inbox-urgency-danger = وہ کہتی ہیں کہ انہیں ابھی خطرہ ہے
admin-inbox-urgency-self_harm = خود کو نقصان پہنچانے کی بات
admin-inbox-urgency-violence = تشدد کی دھمکی
admin-inbox-urgency-leak = تصاویر یا بات چیت پھیلانے کی دھمکی
admin-inbox-urgency-threat = دھمکیاں
admin-inbox-urgency-moderator = ماڈریٹر نے فوری قرار دیا
admin-inbox-wave-summary =
    { $count ->
        [one] ایک لہر: { $hour } والے گھنٹے میں { $count } تقریباً ایک جیسی رپورٹ آئی۔
       *[other] ایک لہر: { $hour } والے گھنٹے میں { $count } تقریباً ایک جیسی رپورٹیں آئیں۔
    }
admin-inbox-wave-show = انہیں دکھائیں
admin-inbox-wave-archive =
    { $count ->
        [one] اسے فضول قرار دے کر محفوظ شدہ میں ڈالیں
       *[other] تمام { $count } کو فضول قرار دے کر محفوظ شدہ میں ڈالیں
    }
admin-inbox-wave-alone =
    { $count ->
        [one] ایک لہر: { $hour } والے گھنٹے کی { $count } تقریباً ایک جیسی رپورٹ۔ پڑھنے کے لیے کوئی بھی کھولیں۔
       *[other] ایک لہر: { $hour } والے گھنٹے کی { $count } تقریباً ایک جیسی رپورٹیں۔ پڑھنے کے لیے کوئی بھی کھولیں۔
    }
admin-inbox-wave-gone = یہ رپورٹ اب کسی لہر کا حصہ نہیں: اسے اکیلا دکھایا گیا ہے۔
admin-inbox-wave-back = تمام رپورٹوں پر واپس
admin-inbox-wave-note = لہر
admin-inbox-bulk-title = منتخب رپورٹوں کے ساتھ
admin-inbox-bulk-hint = فہرست میں رپورٹیں منتخب کریں، کام چنیں، پھر لاگو کریں۔ یہ صرف نئی یا زیرِ جائزہ رپورٹوں پر لاگو ہوتا ہے{ $scope }؛ ہر ایک آڈٹ لاگ میں لکھی جاتی ہے۔
admin-inbox-bulk-hint_scope_mine = {" "}جو آپ کے یا کسی کے ذمے نہ ہوں
admin-inbox-bulk-action = کام
admin-inbox-bulk-archive = محفوظ شدہ میں ڈالیں
admin-inbox-bulk-duplicate = کسی اور رپورٹ کی نقل قرار دیں
admin-inbox-bulk-assign = ذمے لگائیں
admin-inbox-bulk-urgent = فوری قرار دیں
admin-inbox-bulk-not_urgent = فوری کا نشان ہٹائیں
admin-inbox-bulk-reason = محفوظ شدہ میں ڈالنے کی وجہ
admin-inbox-bulk-note = آڈٹ لاگ کے لیے نوٹ (اختیاری، کوئی نام نہیں)
admin-inbox-bulk-of = اصل رپورٹ کی شناخت (پہلے 8 حروف کافی ہیں)
admin-inbox-bulk-to = کس کے ذمے
admin-inbox-bulk-to_me = میرے
admin-inbox-bulk-to_nobody = کسی کے نہیں
admin-inbox-bulk-apply = منتخب رپورٹوں پر لاگو کریں
admin-inbox-bulk-done-archive = { $chosen } منتخب رپورٹوں میں سے { $count } محفوظ شدہ میں ڈال دی گئیں۔
admin-inbox-bulk-done-duplicate = { $chosen } منتخب رپورٹوں میں سے { $count } کو نقل قرار دے کر محفوظ شدہ میں ڈال دیا گیا۔
admin-inbox-bulk-done-assign = { $chosen } منتخب رپورٹوں میں سے { $count } ذمے لگا دی گئیں۔
admin-inbox-bulk-done-urgent = { $chosen } منتخب رپورٹوں میں سے { $count } فوری قرار دی گئیں۔
admin-inbox-bulk-done-not_urgent = { $chosen } منتخب رپورٹوں میں سے { $count } سے فوری کا نشان ہٹا دیا گیا۔
admin-inbox-bulk-skipped = باقی پہلے سے طے شدہ، واپس لی گئی، کسی اور کے ذمے یا پہلے ہی ایسی تھیں۔
admin-inbox-bulk-reasons-spam = فضول یا ٹرولنگ
admin-inbox-bulk-reasons-out_of_scope = دائرہ کار سے باہر
admin-inbox-bulk-reasons-test = آزمائش
admin-inbox-bulk-reasons-other = کوئی اور وجہ (نوٹ میں لکھیں)
admin-inbox-bulk-error-nothing = پہلے فہرست میں کم از کم ایک رپورٹ منتخب کریں۔
admin-inbox-bulk-error-too_many = ایک ساتھ بہت زیادہ رپورٹیں ہیں: کم منتخب کریں۔
admin-inbox-bulk-error-action = فارم میں دیے گئے کاموں میں سے ایک چنیں۔
admin-inbox-bulk-error-target = ایسی رپورٹ کی شناخت دیں جو موجود ہو، واپس نہ لی گئی ہو اور منتخب رپورٹوں میں سے نہ ہو۔
admin-inbox-bulk-error-assignee = رپورٹیں صرف کسی فعال عملے کے رکن کے ذمے لگائی جا سکتی ہیں جو ماڈریشن کرتا ہو۔
admin-inbox-error-filter = یہ چھانٹی فارم میں موجود نہیں۔ چھانٹی ختم کر کے دوبارہ منتخب کریں۔
admin-inbox-error-not_yours = یہ رپورٹ کسی اور کے ذمے ہے۔ رابطہ کار اسے دوبارہ کسی کے ذمے لگا سکتا ہے۔
admin-inbox-error-assignee = رپورٹ صرف ایسے فعال عملے کے رکن کے ذمے لگائی جا سکتی ہے جو جائزہ لیتا ہو۔
admin-inbox-error-withdrawn = بھیجنے والے نے یہ رپورٹ واپس لے لی ہے؛ اس پر مزید کچھ نہیں ہو سکتا۔
admin-inbox-error-duplicate = کوئی اور موجود رپورٹ منتخب کریں؛ کوئی رپورٹ اپنی ہی نقل نہیں ہو سکتی، اور دو رپورٹیں ایک دوسرے کی نقل نہیں ہو سکتیں۔
admin-status-new = نئی
admin-status-in_review = زیرِ جائزہ
admin-status-published = شائع شدہ
admin-status-statistics_only = صرف اعداد و شمار
admin-status-archived = محفوظ شدہ
admin-status-rejected = مسترد
admin-status-withdrawn = واپس لی گئی
admin-channel-web = ویب فارم
admin-channel-api = اے پی آئی
admin-channel-sms = ایس ایم ایس
admin-channel-email = ای میل
admin-channel-whatsapp = واٹس ایپ
admin-channel-telegram = ٹیلی گرام
admin-channel-news = خبر
admin-channel-import = درآمد
admin-cases-title = واقعات
admin-cases-intro = ہر حیثیت کے درجہ بند واقعات۔ یہاں صرف وہی دکھایا جاتا ہے جو جائزہ کاروں نے لکھا اور درجہ بند کیا، رپورٹ کے اپنے الفاظ کبھی نہیں۔
admin-cases-filters = واقعات چھانٹیں
admin-cases-status = حیثیت
admin-cases-kind = تشدد کی قسم
admin-cases-province = صوبہ یا علاقہ
admin-cases-any = کوئی بھی
admin-cases-apply = چھانٹیں
admin-cases-clear = چھانٹی ختم کریں
admin-cases-count =
    { $count ->
        [one] { $count } واقعہ
       *[other] { $count } واقعات
    }
admin-cases-empty = کوئی واقعہ نہیں ملا۔
admin-cases-case_title = عنوان
admin-cases-untitled = ابھی عنوان نہیں
admin-cases-place = جگہ
admin-cases-month = مہینہ
admin-cases-published = اشاعت کی تاریخ
admin-cases-pages = واقعات کے صفحات
admin-cases-newer = پچھلا صفحہ
admin-cases-older = اگلا صفحہ
admin-cases-position = صفحہ { $page } از { $pages }
admin-cases-verification-label = تصدیق
admin-cases-verification-unverified = غیر تصدیق شدہ
admin-cases-verification-corroborated = تائید شدہ
admin-cases-verification-verified = تصدیق شدہ
admin-cases-error-filter = یہ چھانٹی فارم میں موجود نہیں۔ چھانٹی ختم کر کے دوبارہ منتخب کریں۔
admin-flood-title = ہجوم کا موڈ
admin-flood-off = بند: رپورٹیں معمول کے مطابق لی جا رہی ہیں۔
admin-flood-on_traffic = { $since } سے چالو: ایک منٹ میں { $threshold } یا زیادہ رپورٹیں آئیں۔ جاوا اسکرپٹ والے براؤزر بھیجنے سے پہلے ایک چھوٹی پہیلی حل کرتے ہیں، اور اس کے بغیر آنے والی رپورٹیں نشان زد ہوتی ہیں۔ یہ { $ends } پر ختم ہو گا، اگر ایسا ہجوم جاری نہ رہے۔
admin-flood-on_setting = { $since } سے چالو، سرور کی ترتیب force_flood (NAQSHA_FORCE_FLOOD) کی وجہ سے۔ اسے صرف وہیں بند کیا جا سکتا ہے۔
admin-flood-paused = عملے نے { $until } تک بند کیا ہے: تب تک آنے والی رپورٹیں اسے چالو نہیں کرتیں۔
admin-flood-node = یہ اس سرور کی حالت ہے؛ سرور دوبارہ شروع ہونے پر بند کرنا بھول جاتا ہے۔
admin-flood-duration = کتنی دیر کے لیے بند کریں
admin-flood-hours_1 = 1 گھنٹہ
admin-flood-hours_4 = 4 گھنٹے
admin-flood-hours_24 = 24 گھنٹے
admin-flood-pause = بند کریں
admin-flood-resume = ابھی خودکار پر واپس کریں
admin-flood-bad_choice = چنیں کہ ہجوم کا موڈ کتنی دیر بند رہے۔
admin-flood-forced = ہجوم کا موڈ سرور کی ترتیب force_flood (NAQSHA_FORCE_FLOOD) کی وجہ سے چالو ہے، اس لیے اسے یہاں بند نہیں کیا جا سکتا۔
