### عوام کے جوابات (ur): کہانی کے نیچے جوابات، فارم، رسید، جواب بدلنا یا مٹانا، اور حکمتِ عملی کے
### صفحے پر "مجھے کس چیز سے مدد ملی"۔ ہر کلید دوسری زبان میں بھی ہونی چاہیے۔

responses-heading = جوابات
responses-empty = یہاں ابھی تک کوئی جواب شائع نہیں ہوا۔
responses-unavailable = جوابات اس وقت نہیں دکھائے جا سکتے۔ براہِ کرم ایک منٹ بعد دوبارہ دیکھیں۔
responses-more = مزید جوابات
responses-someone = کوئی
responses-kind-support = حمایت کا پیغام
responses-kind-helped = مجھے کس چیز سے مدد ملی
responses-kind-creative = تخلیقی جواب
responses-form-heading = جواب بھیجیں
responses-form-moderated = آپ جو بھیجیں گی وہ اس وقت تک نہیں دکھایا جائے گا جب تک کوئی ماڈریٹر اسے پڑھ کر منظور نہ کر لے۔ براہِ کرم کسی کا نام، فون نمبر یا پتہ نہ لکھیں۔
responses-form-problems_heading = براہِ کرم اپنا جواب دیکھ لیں
responses-form-kind = آپ کیا بھیج رہی ہیں؟
responses-form-text = آپ کے الفاظ
responses-form-text_hint = زیادہ سے زیادہ ۲۰۰۰ حروف، اردو یا انگریزی میں۔
responses-form-pseudonym = ساتھ دکھانے کے لیے کوئی نام (اختیاری)
responses-form-pseudonym_hint = گمنام رہنے کے لیے خالی چھوڑ دیں۔ اگر اپنا اصل نام لکھنے سے آپ کو خطرہ ہو سکتا ہے تو وہ نہ لکھیں۔
responses-form-submit = منظوری کے لیے بھیجیں
responses-form-manage_link = اپنا بھیجا ہوا جواب بدلیں یا مٹائیں
responses-error-kind = براہِ کرم چنیں کہ آپ کیا بھیج رہی ہیں۔
responses-error-text_required = براہِ کرم اپنا جواب لکھیں۔
responses-error-text_too_long = آپ کا جواب بہت لمبا ہے: براہِ کرم اسے ۲۰۰۰ حروف سے کم رکھیں۔
responses-error-text_invalid = آپ کے جواب میں ایسے حروف ہیں جو محفوظ نہیں کیے جا سکتے۔ براہِ کرم انہیں ہٹا دیں۔
responses-error-pseudonym_too_long = نام بہت لمبا ہے: براہِ کرم اسے ۶۰ حروف سے کم رکھیں۔
responses-error-pseudonym_invalid = نام میں ایسے حروف ہیں جو محفوظ نہیں کیے جا سکتے۔ براہِ کرم انہیں ہٹا دیں۔
responses-error-throttled =
    { $minutes ->
        [one] آپ کے نیٹ ورک سے تھوڑے وقت میں بہت سے جوابات آئے ہیں۔ آپ کی تحریر نیچے محفوظ ہے؛ براہِ کرم { $minutes } منٹ انتظار کر کے دوبارہ بھیجیں۔
       *[other] آپ کے نیٹ ورک سے تھوڑے وقت میں بہت سے جوابات آئے ہیں۔ آپ کی تحریر نیچے محفوظ ہے؛ براہِ کرم { $minutes } منٹ انتظار کر کے دوبارہ بھیجیں۔
    }
responses-error-form_expired = یہ فارم بہت دیر تک کھلا رہا اور اس کی مدت ختم ہو گئی۔ آپ کی تحریر نیچے محفوظ ہے؛ براہِ کرم دوبارہ بھیجیں۔
responses-error-already_sent = یہ فارم پہلے ہی بھیجا جا چکا ہے اور آپ کا جواب مل گیا ہے۔ اس کی رسید بھیجنے کے بعد دکھائی گئی تھی۔
responses-error-unavailable = ہم ابھی آپ کا جواب محفوظ نہیں کر سکے، اس لیے کچھ بھی نہیں بھیجا گیا۔ آپ کی تحریر نیچے محفوظ ہے؛ براہِ کرم ایک منٹ بعد دوبارہ بھیجیں۔
responses-receipt-title = آپ کا جواب مل گیا
responses-receipt-waiting = یہ ماڈریٹر کا انتظار کر رہا ہے۔ جب تک کوئی ماڈریٹر منظور نہ کرے، آپ کا بھیجا ہوا کچھ بھی نہیں دکھایا جاتا؛ اس میں چند دن لگ سکتے ہیں۔
responses-receipt-heading = آپ کی رسید
responses-receipt-explain = اس رسید سے آپ دیکھ سکتی ہیں کہ آپ کا جواب شائع ہوا یا نہیں، اس کے الفاظ بدل سکتی ہیں یا اسے مٹا سکتی ہیں۔ یہ صرف ایک بار دکھائی جاتی ہے۔
responses-receipt-manage_heading = بعد میں بدلیں یا مٹائیں
responses-receipt-manage_explain = یہ رسید اپنے جوابات کے صفحے پر لکھیں۔ بدلے ہوئے الفاظ دوبارہ ماڈریٹر کا انتظار کرتے ہیں؛ مٹایا ہوا جواب، اور اس سے شائع ہونے والی ہر چیز، ختم ہو جاتی ہے۔
responses-receipt-manage_link = اپنے جوابات کے صفحے پر جائیں
responses-list-title = جوابات
responses-list-back = اس صفحے پر واپس جائیں جس کا یہ جواب ہیں
responses-list-paging = جوابات کے صفحات
responses-list-newer = نئے جوابات
responses-list-older = پرانے جوابات
responses-manage-title = آپ کا جواب
responses-manage-intro = جواب بھیجتے وقت ملنے والی رسید لکھیں، تاکہ آپ دیکھ سکیں کہ وہ کہاں ہے، اس کے الفاظ بدل سکیں یا اسے مٹا سکیں۔
responses-manage-receipt_label = آپ کی رسید
responses-manage-submit = میرا جواب تلاش کریں
responses-manage-status_heading = یہ کہاں ہے
responses-manage-read_public = اسے وہاں پڑھیں جہاں یہ شائع ہوا ہے
responses-manage-edit_heading = الفاظ بدلیں
responses-manage-edit_explain = آپ نے پہلے جو لکھا وہ مقفل ہے اور یہاں نہیں دکھایا جا سکتا: پورا جواب دوبارہ لکھیں۔ نئے الفاظ ماڈریٹر کا انتظار کرتے ہیں؛ اگر جواب شائع ہو چکا تھا تو منظوری تک اسے فوراً ہٹا دیا جاتا ہے۔
responses-manage-text = نئے الفاظ
responses-manage-edit_submit = نئے الفاظ منظوری کے لیے بھیجیں
responses-manage-creative_note = تخلیقی جواب بدلنے کے لیے اسے مٹا کر دوبارہ بھیجیں۔
responses-manage-delete_heading = اسے مٹائیں
responses-manage-delete_explain = آپ کا جواب ہمیشہ کے لیے مٹا دیا جاتا ہے، اور اگر شائع ہو چکا تھا تو فوراً ہٹا دیا جاتا ہے۔
responses-manage-delete_confirm = جی ہاں، میرا جواب مٹا دیں
responses-manage-delete_submit = میرا جواب مٹائیں
responses-manage-edited = آپ کے نئے الفاظ مل گئے۔ وہ ماڈریٹر کا انتظار کر رہے ہیں۔
responses-manage-edited_was_public = آپ کے نئے الفاظ مل گئے۔ جو شائع ہوا تھا وہ ہٹا دیا گیا ہے؛ نئے الفاظ ماڈریٹر کا انتظار کر رہے ہیں۔
responses-manage-deleted = آپ کا جواب، اور اس سے شائع ہونے والی ہر چیز، مٹا دی گئی۔
responses-manage-status-pending = ماڈریٹر کا انتظار
responses-manage-status-pending_explain = جب تک کوئی ماڈریٹر منظور نہ کرے، یہ کسی کو نہیں دکھایا جاتا۔
responses-manage-status-approved = شائع شدہ
responses-manage-status-approved_explain = ماڈریٹر نے اسے منظور کر لیا؛ یہ اس کے نیچے دکھایا جاتا ہے جس کا یہ جواب ہے۔
responses-manage-status-rejected = منظور نہیں ہوا
responses-manage-status-rejected_explain = ماڈریٹر نے اسے شائع نہ کرنے کا فیصلہ کیا، اور اس میں لکھی بات مٹا دی گئی۔
responses-manage-error-throttled =
    { $minutes ->
        [one] آپ کے نیٹ ورک سے بہت زیادہ کوششیں ہوئی ہیں۔ براہِ کرم { $minutes } منٹ انتظار کر کے دوبارہ کوشش کریں۔
       *[other] آپ کے نیٹ ورک سے بہت زیادہ کوششیں ہوئی ہیں۔ براہِ کرم { $minutes } منٹ انتظار کر کے دوبارہ کوشش کریں۔
    }
responses-manage-error-form_expired = یہ صفحہ بہت دیر تک کھلا رہا۔ براہِ کرم اپنی رسید دوبارہ لکھیں۔
responses-manage-error-receipt_format = یہ رسید نہیں لگتی۔ براہِ کرم اسے دیکھ کر دوبارہ لکھیں۔
responses-manage-error-not_found = اس رسید کا کوئی جواب نہیں ملا۔ براہِ کرم اسے دیکھ کر دوبارہ کوشش کریں۔
responses-manage-error-confirm_delete = جواب مٹانے کی تصدیق کے لیے براہِ کرم خانے پر نشان لگائیں۔
responses-manage-error-unavailable = ہم ابھی یہ نہیں کر سکے، اس لیے کچھ نہیں بدلا۔ براہِ کرم ایک منٹ بعد دوبارہ کوشش کریں۔
responses-strategies-heading = دوسروں کو کس چیز سے مدد ملی، ان کے اپنے الفاظ میں
responses-strategies-explain = قارئین کے "مجھے کس چیز سے مدد ملی" کے طور پر بھیجے گئے جوابات، جو ماڈریٹر کے پڑھنے کے بعد شائع ہوئے۔ یہ ذاتی تجربات ہیں، مشورہ نہیں۔
responses-strategies-empty = ابھی تک کسی نے نہیں بتایا کہ انہیں کس چیز سے مدد ملی۔
responses-strategies-unavailable = یہ جوابات اس وقت نہیں دکھائے جا سکتے۔ براہِ کرم ایک منٹ بعد دوبارہ دیکھیں۔
responses-strategies-written_under = یہ کہاں لکھا گیا
