### Punjabi in Shahmukhi script (pa) messages: responses to stories and campaigns (the section under a story, the form, the receipt, changing or deleting a response) and the "what helped others" section of the strategies page.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

responses-heading = جواب
responses-empty = ایتھے اجے تک کوئی جواب شائع نہیں ہویا۔
responses-unavailable = جواب ایس ویلے نہیں وکھائے جا سکدے۔ مہربانی کر کے اک منٹ بعد فیر ویکھو۔
responses-more = ہور جواب
responses-someone = کوئی
responses-kind-support = حمایت دا سنیہا
responses-kind-helped = مینوں کس شے توں مدد ملی
responses-kind-creative = تخلیقی جواب
responses-form-heading = جواب بھیجو
responses-form-moderated = تسیں جو کجھ وی بھیجو، اوہ اودوں تک نہیں وکھایا جاندا جدوں تک کوئی نگران اوہنوں پڑھ کے منظور نہ کر دیوے۔ مہربانی کر کے کسے دا ناں، فون نمبر یا پتہ نہ لکھو۔
responses-form-problems_heading = مہربانی کر کے اپݨا جواب ویکھ لوو
responses-form-kind = تسیں کیہ بھیجݨا چاہندیاں او؟
responses-form-text = تہاڈے لفظ
responses-form-text_hint = ودھ توں ودھ 2,000 اکھر، اردو یا انگریزی وچ۔
responses-form-pseudonym = نال وکھاݨ لئی کوئی ناں (اختیاری)
responses-form-pseudonym_hint = گمنام رہݨ لئی خالی چھڈ دیو۔ جے اپݨا اصل ناں لکھݨ نال تہانوں خطرہ ہو سکدا اے تاں اوہ نہ ورتو۔
responses-form-submit = منظوری لئی بھیجو
responses-form-manage_link = اپݨا بھیجیا ہویا جواب بدلو یا مٹاؤ
responses-error-kind = مہربانی کر کے چݨو کہ تسیں کیہ بھیجݨا چاہندیاں او۔
responses-error-text_required = مہربانی کر کے اپݨا جواب لکھو۔
responses-error-text_too_long = تہاڈا جواب بہت لما اے: مہربانی کر کے ایہنوں 2,000 اکھراں توں گھٹ رکھو۔
responses-error-text_invalid = تہاڈے جواب وچ کجھ اجیہے اکھر نیں جیہڑے محفوظ نہیں ہو سکدے۔ مہربانی کر کے اوہناں نوں ہٹا دیو۔
responses-error-pseudonym_too_long = ناں بہت لما اے: مہربانی کر کے ایہنوں 60 اکھراں توں گھٹ رکھو۔
responses-error-pseudonym_invalid = ناں وچ کجھ اجیہے اکھر نیں جیہڑے محفوظ نہیں ہو سکدے۔ مہربانی کر کے اوہناں نوں ہٹا دیو۔
responses-error-throttled =
    { $minutes ->
        [one] تہاڈے نیٹ ورک توں تھوڑے ویلے وچ بہت سارے جواب آئے نیں۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر بھیجو۔
       *[other] تہاڈے نیٹ ورک توں تھوڑے ویلے وچ بہت سارے جواب آئے نیں۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر بھیجو۔
    }
responses-error-form_expired = ایہہ فارم بہت دیر کھلا رہیا تے ایہدی مدت مک گئی اے۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے فیر بھیجو۔
responses-error-already_sent = ایہہ فارم پہلاں ای بھیجیا جا چکیا اے تے تہاڈا جواب مل گیا اے۔ ایہدی رسید بھیجݨ توں بعد وکھائی گئی سی۔
responses-error-unavailable = اسیں ہݨے تہاڈا جواب محفوظ نہیں کر سکے، ایس لئی کجھ وی نہیں بھیجیا گیا۔ تہاڈی لکھت تھلے محفوظ اے؛ مہربانی کر کے اک منٹ بعد فیر بھیجو۔
responses-receipt-title = تہاڈا جواب مل گیا اے
responses-receipt-waiting = ایہہ کسے نگران دی اڈیک وچ اے۔ جدوں تک کوئی نگران منظور نہ کرے، تہاڈا بھیجیا ہویا کجھ وی نہیں وکھایا جاندا؛ ایہدے وچ کجھ دن لگ سکدے نیں۔
responses-receipt-heading = تہاڈی رسید
responses-receipt-explain = ایس رسید نال تسیں ویکھ سکدیاں او کہ تہاڈا جواب شائع ہویا کہ نہیں، ایہدے لفظ بدل سکدیاں او یا ایہنوں مٹا سکدیاں او۔ ایہہ صرف اک واری وکھائی جاندی اے۔
responses-receipt-manage_heading = بعد وچ بدلو یا مٹاؤ
responses-receipt-manage_explain = ایہہ رسید اپݨے جواباں والے صفحے تے لکھو۔ بدلے ہوئے لفظ فیر نگران دی اڈیک کردے نیں؛ مٹایا ہویا جواب، تے اوہدے توں شائع ہوئی ہر شے، مک جاندی اے۔
responses-receipt-manage_link = اپݨے جواباں والے صفحے تے جاؤ
responses-list-title = جواب
responses-list-back = اوس صفحے تے واپس جاؤ جہدے ایہہ جواب نیں
responses-list-paging = جواباں دے صفحے
responses-list-newer = نویں جواب
responses-list-older = پراݨے جواب
responses-manage-title = تہاڈا جواب
responses-manage-intro = جواب بھیجݨ ویلے جیہڑی رسید ملی سی اوہ لکھو، تاں جو ویکھ سکو کہ اوہ کس حال وچ اے، ایہدے لفظ بدل سکو یا ایہنوں مٹا سکو۔
responses-manage-receipt_label = تہاڈی رسید
responses-manage-submit = میرا جواب لبھو
responses-manage-status_heading = کس حال وچ اے
responses-manage-read_public = ایہنوں اوتھے پڑھو جتھے ایہہ شائع ہویا اے
responses-manage-edit_heading = لفظ بدلو
responses-manage-edit_explain = جو تسیں پہلاں لکھیا سی اوہ بند اے تے ایتھے نہیں وکھایا جا سکدا: سارا جواب فیر لکھو۔ نویں لفظ نگران دی اڈیک کردے نیں؛ جے جواب شائع ہو چکیا سی تاں منظوری تک اوہنوں فوراً ہٹا دتا جاندا اے۔
responses-manage-text = نویں لفظ
responses-manage-edit_submit = نویں لفظ منظوری لئی بھیجو
responses-manage-creative_note = تخلیقی جواب بدلݨ لئی ایہنوں مٹا کے فیر بھیجو۔
responses-manage-delete_heading = ایہنوں مٹاؤ
responses-manage-delete_explain = تہاڈا جواب ہمیشہ لئی مٹا دتا جاندا اے، تے جے شائع ہو چکیا سی تاں فوراً ہٹا دتا جاندا اے۔
responses-manage-delete_confirm = جی ہاں، میرا جواب مٹا دیو
responses-manage-delete_submit = میرا جواب مٹاؤ
responses-manage-edited = تہاڈے نویں لفظ مل گئے نیں۔ اوہ نگران دی اڈیک وچ نیں۔
responses-manage-edited_was_public = تہاڈے نویں لفظ مل گئے نیں۔ جو شائع ہویا سی اوہ ہٹا دتا گیا اے؛ نویں لفظ نگران دی اڈیک وچ نیں۔
responses-manage-deleted = تہاڈا جواب، تے اوہدے توں شائع ہوئی ہر شے، مٹا دتی گئی اے۔
responses-manage-status-pending = نگران دی اڈیک
responses-manage-status-pending_explain = جدوں تک کوئی نگران منظور نہ کرے، ایہہ کسے نوں نہیں وکھایا جاندا۔
responses-manage-status-approved = شائع ہو گیا
responses-manage-status-approved_explain = اک نگران نے ایہنوں منظور کر دتا؛ ایہہ اوس دے تھلے وکھایا جاندا اے جہدا ایہہ جواب اے۔
responses-manage-status-rejected = منظور نہیں ہویا
responses-manage-status-rejected_explain = اک نگران نے ایہنوں شائع نہ کرن دا فیصلہ کیتا، تے ایہدے وچ لکھی گل مٹا دتی گئی۔
responses-manage-error-throttled =
    { $minutes ->
        [one] تہاڈے نیٹ ورک توں بہت ساریاں کوششاں ہوئیاں نیں۔ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر کوشش کرو۔
       *[other] تہاڈے نیٹ ورک توں بہت ساریاں کوششاں ہوئیاں نیں۔ مہربانی کر کے { $minutes } منٹ اڈیک کر کے فیر کوشش کرو۔
    }
responses-manage-error-form_expired = ایہہ صفحہ بہت دیر کھلا رہیا۔ مہربانی کر کے اپݨی رسید فیر لکھو۔
responses-manage-error-receipt_format = ایہہ رسید نہیں لگدی۔ مہربانی کر کے ایہنوں ویکھ کے فیر لکھو۔
responses-manage-error-not_found = ایس رسید نال کوئی جواب نہیں لبھیا۔ مہربانی کر کے ایہنوں جانچ کے فیر کوشش کرو۔
responses-manage-error-confirm_delete = جواب مٹاݨ دی تصدیق لئی مہربانی کر کے خانے تے نشان لاؤ۔
responses-manage-error-unavailable = اسیں ہݨے ایہہ کم نہیں کر سکے، ایس لئی کجھ وی نہیں بدلیا۔ مہربانی کر کے اک منٹ بعد فیر کوشش کرو۔
responses-strategies-heading = دوجیاں نوں کس شے توں مدد ملی، اوہناں دے اپݨے لفظاں وچ
responses-strategies-explain = پڑھن والیاں ولوں ”مینوں کس شے توں مدد ملی“ وجوں گھلے گئے جواب، جیہڑے نگران دے پڑھن مگروں شائع ہوئے۔ ایہہ اپݨے تجربے نیں، صلاح نئیں۔
responses-strategies-empty = حالے تک کسے نے نئیں دسیا پئی اوہناں نوں کس شے توں مدد ملی۔
responses-strategies-unavailable = ایہہ جواب ایس ویلے نئیں وکھائے جا سکدے۔ مہربانی کر کے اک منٹ مگروں فیر ویکھو۔
responses-strategies-written_under = ایہہ کتھے لکھیا گیا
