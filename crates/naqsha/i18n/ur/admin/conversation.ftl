### The conversation with a reporter in the staff workspace (issue 19).

admin-conversation-title = رپورٹ کرنے والی سے گفتگو
admin-conversation-back = رپورٹ پر واپس
admin-conversation-her_language = انہوں نے { $lang } میں لکھا؛ نمونے ان کی زبان میں شروع ہوتے ہیں۔
admin-conversation-no_key = جوابات شروع ہونے کے بعد انہوں نے فالو اپ نہیں کھولا؛ جب وہ کھولیں گی تو آپ لکھ سکیں گے۔
admin-conversation-messages = پیغامات
admin-conversation-none = ابھی کوئی پیغام نہیں۔
admin-conversation-referrals = حوالے
admin-conversation-notice_failed = پیغام محفوظ ہو گیا، مگر ان کے چینل پر اطلاع نہیں بھیجی جا سکی؛ تفصیل لاگ میں ہے۔
admin-conversation-link =
    { $n ->
        [one] رپورٹ کرنے والی سے گفتگو ({ $n } پیغام)
       *[other] رپورٹ کرنے والی سے گفتگو ({ $n } پیغامات)
    }
admin-conversation-approval-title = شائع کرنے سے پہلے ان کی منظوری
admin-conversation-approval-not_sent = انہوں نے شائع ہونے سے پہلے گمنام ورژن دیکھنے کو کہا ہے۔ ابھی تک نہیں بھیجا گیا۔
admin-conversation-approval-waiting = ان کی منظوری کے لیے بھیجا گیا؛ { $at } سے ان کے جواب کا انتظار ہے۔
admin-conversation-approval-approved = انہوں نے بھیجا گیا ورژن منظور کر لیا ({ $at })۔
admin-conversation-approval-changes = انہوں نے تبدیلیاں مانگی ہیں ({ $at }):
admin-conversation-approval-statistics_only = انہوں نے صرف اعداد و شمار چنا ({ $at }): ان کی کہانی شائع نہیں ہوگی، صرف گنی جائے گی۔
admin-conversation-approval-private = انہوں نے اسے نجی رکھنا چنا ({ $at }): یہ نہ شائع ہوگی نہ گنی جائے گی۔
admin-conversation-approval-round = ورژن { $n }، بھیجا گیا { $at }
admin-conversation-proposal-hint = انہیں کیس بالکل ویسے بھیجتا ہے جیسے محفوظ مسودہ اسے شائع کرے گا (عنوان، متن، جگہ، مہینہ، زمرے)۔ پہلے جائزے کا فارم محفوظ کریں۔
admin-conversation-proposal-note = ساتھ ایک نوٹ (اختیاری)
admin-conversation-proposal-submit = ان کی منظوری کے لیے بھیجیں
admin-conversation-proposal-place = جگہ
admin-conversation-proposal-month = مہینہ
admin-conversation-proposal-categories = زمرے
admin-conversation-proposal-not_asked = انہوں نے شائع ہونے سے پہلے اپنی کہانی دیکھنے کو نہیں کہا۔
admin-conversation-reply-title = انہیں لکھیں
admin-conversation-reply-templates = کسی نمونے سے شروع کریں:
admin-conversation-reply-label = آپ کا پیغام
admin-conversation-reply-hint = وہ اسے اپنی رسید کے ساتھ فالو اپ صفحے پر پڑھتی ہیں۔ ان کا نام، نمبر یا کوئی اور تفصیل کبھی شامل نہ کریں جو انہوں نے اس کے لیے نہیں دی۔
admin-conversation-reply-submit = بھیجیں
admin-conversation-template-question-label = ایک سوال
admin-conversation-template-question-text = آپ کی رپورٹ کا شکریہ۔ جو ہوا اسے سمجھنے میں ہماری مدد کے لیے، کیا آپ ہمیں مزید بتا سکتی ہیں کہ یہ کب اور کہاں ہوا؟ صرف اتنا بتائیں جتنا آپ آرام سے بتا سکیں۔
admin-conversation-template-referral-label = مدد کہاں سے ملے
admin-conversation-template-referral-text = آپ کی رپورٹ کا شکریہ۔ یہ ادارے آپ کی مدد کر سکتے ہیں۔ آپ خود ان سے رابطہ کر سکتی ہیں؛ جب تک آپ نہ بتائیں انہیں آپ کی رپورٹ کا علم نہیں۔
admin-conversation-template-published-label = آپ کی کہانی شائع ہو گئی
admin-conversation-template-published-text = آپ کی گمنام کہانی اب نقشے پر شائع ہو گئی ہے۔ اس میں کچھ بھی آپ کی شناخت ظاہر نہیں کرتا۔ آواز اٹھانے کا شکریہ۔
admin-conversation-author-her = رپورٹ کرنے والی
admin-conversation-author-unknown = عملہ (اکاؤنٹ ختم)
admin-conversation-kind-reply = جواب
admin-conversation-kind-answer = ان کا جواب
admin-conversation-kind-proposal = ان کی منظوری کے لیے ورژن
admin-conversation-kind-decision = ان کا فیصلہ
admin-conversation-answer-approved = منظور
admin-conversation-answer-changes = تبدیلیاں مانگیں
admin-conversation-answer-statistics_only = صرف اعداد و شمار
admin-conversation-answer-private = نجی رکھیں
admin-conversation-error-referral = آپ کا چنا ہوا ایک ادارہ اب فہرست میں نہیں؛ فہرست دوبارہ لوڈ کی گئی ہے، دوبارہ نشان لگائیں۔
admin-conversation-error-empty = پہلے پیغام لکھیں۔
admin-conversation-error-too_long = پیغام بہت لمبا ہے: زیادہ سے زیادہ 4,000 حروف۔
admin-conversation-error-control = پیغام میں کنٹرول حروف ہیں؛ انہیں ہٹا دیں۔
admin-conversation-error-no_key = جوابات شروع ہونے کے بعد انہوں نے فالو اپ نہیں کھولا؛ جب وہ کھولیں گی تو آپ لکھ سکیں گے۔
admin-conversation-error-note = نوٹ بہت لمبا ہے یا اس میں کنٹرول حروف ہیں۔
admin-conversation-error-no_draft = بھیجنے کے لیے کوئی محفوظ مسودہ نہیں: پہلے جائزے کا فارم محفوظ کریں۔
admin-conversation-done-reply = آپ کا پیغام مہر بند کر کے محفوظ کر دیا گیا۔ جب وہ اگلی بار فالو اپ کھولیں گی تو اسے دیکھیں گی۔
admin-conversation-done-proposal = گمنام ورژن ان کی منظوری کے لیے بھیج دیا گیا۔
admin-conversation-gate-not_sent = انہوں نے شائع ہونے سے پہلے اپنی کہانی دیکھنے کو کہا ہے: پہلے اسے ان کی منظوری کے لیے بھیجیں (گفتگو کے صفحے پر)۔
admin-conversation-gate-waiting = انہوں نے شائع ہونے سے پہلے اپنی کہانی دیکھنے کو کہا ہے، اور ابھی جواب نہیں دیا۔
admin-conversation-gate-changed = جو ورژن انہوں نے منظور کیا تھا اس کے بعد کہانی بدل گئی ہے: نیا ورژن ان کی منظوری کے لیے بھیجیں۔
admin-conversation-gate-changes = انہوں نے تبدیلیاں مانگی ہیں: انہیں نیا ورژن منظوری کے لیے بھیجیں۔
admin-conversation-gate-declined = انہوں نے اپنی کہانی شائع نہ کرنے کا انتخاب کیا۔
admin-conversation-gate-consent_changed = آپ کے فیصلے کے دوران انہوں نے بدل دیا کہ کیا شائع ہو سکتا ہے: ان کا انتخاب دیکھنے کے لیے رپورٹ دوبارہ کھولیں۔
