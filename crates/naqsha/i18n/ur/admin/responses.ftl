### The moderation queue of responses from the public (ur). Every key must also be in the other language.

admin-nav-responses = جوابات
admin-nav-waiting =
    { $count ->
        [one] { $count } منتظر
       *[other] { $count } منتظر
    }
admin-responses-title = منتظر جوابات
admin-responses-one_title = ایک جواب
admin-responses-intro = عوام کے بھیجے ہوئے حمایت کے پیغامات، کیا مددگار رہا، اور تخلیقی جوابات، پرانے پہلے۔ آپ کی منظوری سے پہلے یہاں کچھ بھی عوامی نہیں۔ تقریباً ایک جیسے جوابات ایک گروپ میں لپیٹ دیے گئے ہیں۔ نمایاں الفاظ ذاتی معلومات ہو سکتے ہیں: ایسا جواب کبھی اکٹھے منظور نہیں ہوتا؛ اسے کھولیں، ضرورت ہو تو ترمیم کریں، اور اکیلا منظور کریں۔
admin-responses-filters = جوابات چھانٹیں
admin-responses-apply = چھانٹیں
admin-responses-clear = فلٹر ہٹائیں
admin-responses-count =
    { $count ->
        [one] { $count } جواب منتظر ہے ({ $flagged } نشان زدہ)۔
       *[other] { $count } جوابات منتظر ہیں ({ $flagged } نشان زدہ)۔
    }
admin-responses-capped = سب سے پرانے { $count } دکھائے اور گروپ کیے گئے ہیں؛ نئے جوابات ان کے فیصلے کے بعد نظر آئیں گے۔
admin-responses-empty = کوئی جواب منتظر نہیں۔
admin-responses-for = برائے:
admin-responses-campaign = مہم
admin-responses-flagged_mark = نشان زدہ
admin-responses-check = منظوری سے پہلے جانچیں
admin-responses-pseudonym = فرضی نام
admin-responses-title_label = عنوان
admin-responses-licence_label = لائسنس
admin-responses-link = لنک (کھولا نہیں گیا)
admin-responses-image = تصویر
admin-responses-image_alt = اس جواب کے ساتھ بھیجی گئی تصویر
admin-responses-choose = منتخب کریں
admin-responses-choose_first = اس گروپ کا پہلا جواب منتخب کریں
admin-responses-pages = جوابات کے صفحات
admin-responses-previous = پچھلا صفحہ
admin-responses-next = اگلا صفحہ
admin-responses-position = صفحہ { $page } از { $pages }
admin-responses-back = جوابات پر واپس
admin-responses-suggestions = ممکنہ ذاتی معلومات
admin-responses-no_suggestions = ذاتی معلومات جیسی کوئی چیز نہیں ملی۔
admin-responses-suggestions_hint = اگر یہ کسی کی شناخت کرواتی ہیں تو منظوری سے پہلے نیچے متن یا فرضی نام میں انہیں ہٹا دیں یا بدل دیں۔
admin-responses-edit = جو شائع ہو گا
admin-responses-text = متن
admin-responses-optional = (اختیاری)
admin-responses-approve_one = منظور کر کے شائع کریں
admin-responses-reject_one = مسترد کر کے مٹا دیں
admin-responses-decided_note = منظور ہونے پر اس کا مواد عوامی ہے اور مسترد ہونے پر مٹا دیا گیا ہے؛ یہاں مزید کچھ نہیں دکھایا جاتا۔
admin-responses-reject_flagged =
    { $count ->
        [one] { $count } نشان زدہ جواب مسترد کریں
       *[other] تمام { $count } نشان زدہ جوابات مسترد کریں
    }
admin-responses-flagged-label = نشان زدہ
admin-responses-flagged-any = نشان زدہ ہوں یا نہ ہوں
admin-responses-flagged-only = صرف نشان زدہ (سیلاب میں آئے)
admin-responses-flagged-not = صرف غیر نشان زدہ
admin-responses-kind-label = قسم
admin-responses-kind-any = کوئی بھی
admin-responses-kind-support = حمایت کا پیغام
admin-responses-kind-helped = کیا مددگار رہا
admin-responses-kind-creative = تخلیقی جواب
admin-responses-licence-cc_by = کری ایٹو کامنز انتساب (CC BY 4.0)
admin-responses-licence-cc_by_nc = کری ایٹو کامنز انتساب، غیر تجارتی (CC BY-NC 4.0)
admin-responses-licence-all_rights_reserved = جملہ حقوق محفوظ
admin-responses-status-pending = منتظر
admin-responses-status-approved = پہلے ہی منظور ہو چکا
admin-responses-status-rejected = پہلے ہی مسترد ہو چکا
admin-responses-bulk-title = منتخب جوابات
admin-responses-bulk-hint = اکٹھے منظور کرنے پر ممکنہ ذاتی معلومات والے جوابات منتظر رہتے ہیں۔
admin-responses-bulk-approve = منتخب منظور کریں
admin-responses-bulk-reject = منتخب مسترد کریں
admin-responses-group-summary =
    { $count ->
        [one] { $count } تقریباً ایک جیسا جواب
       *[other] { $count } تقریباً ایک جیسے جوابات
    }
admin-responses-group-more =
    { $count ->
        [one] اور { $count } مزید
       *[other] اور { $count } مزید
    }
admin-responses-group-to_check =
    { $count ->
        [one] { $count } منظوری سے پہلے جانچنا ہے
       *[other] { $count } منظوری سے پہلے جانچنے ہیں
    }
admin-responses-group-reject = یہ گروپ مسترد کریں
admin-responses-group-approve = یہ گروپ منظور کریں
admin-responses-group-show = گروپ کے جوابات دکھائیں
admin-responses-done-approved =
    { $count ->
        [one] { $count } منظور ہوا
       *[other] { $count } منظور ہوئے
    }
admin-responses-done-rejected =
    { $count ->
        [one] { $count } مسترد ہوا
       *[other] { $count } مسترد ہوئے
    }
admin-responses-done-stale =
    { $count ->
        [one] { $count } کا فیصلہ کوئی اور پہلے ہی کر چکا تھا
       *[other] { $count } کا فیصلہ کوئی اور پہلے ہی کر چکا تھا
    }
admin-responses-done-held =
    { $count ->
        [one] { $count } منتظر چھوڑا گیا: منظوری سے پہلے اسے جانچیں
       *[other] { $count } منتظر چھوڑے گئے: منظوری سے پہلے ہر ایک کو جانچیں
    }
admin-responses-done-separator = ،{" "}
admin-responses-error-filter = یہ فلٹر درست نہیں۔
admin-responses-error-action = منظور یا مسترد میں سے ایک چنیں۔
admin-responses-error-nothing = کم از کم ایک جواب منتخب کریں۔
admin-responses-error-too_many = ایک ساتھ بہت زیادہ جوابات: کم منتخب کریں۔
admin-responses-error-text = یہ متن جوں کا توں استعمال نہیں ہو سکتا: کنٹرول حروف ہٹا دیں۔
admin-responses-error-too_long = متن بہت لمبا ہے (زیادہ سے زیادہ 2,000 حروف)۔
admin-responses-error-text_needed = اس قسم کے جواب کے لیے متن ضروری ہے۔
admin-responses-error-pseudonym = یہ فرضی نام جوں کا توں استعمال نہیں ہو سکتا: ایک سطر، کنٹرول حروف کے بغیر۔
admin-responses-error-pseudonym_long = فرضی نام بہت لمبا ہے (زیادہ سے زیادہ 60 حروف)۔
