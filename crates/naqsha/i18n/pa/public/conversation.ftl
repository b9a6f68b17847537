### Punjabi in Shahmukhi script (pa) messages: the survivor's conversation with the organisation on the follow-up page.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

conversation-heading = میسج
conversation-empty = اجے کوئی میسج نہیں۔ جدوں ساڈی ٹیم تہانوں لکھے گی تاں میسج ایتھے نظر آوے گا، تے ایہنوں صرف تہاڈی رسید کھول سکدی اے۔
conversation-from_org = ادارہ
conversation-from_you = تسیں
conversation-proposal_sent = اسیں تہاڈی منظوری لئی تہاڈی کہاݨی دا گمنام خلاصہ بھیجیا اے۔
conversation-answer_label = سانوں لکھو
conversation-answer_hint = ایہہ ایس طرح بند کیتا جاندا اے کہ ایہنوں صرف ساڈے نگران تے تہاڈی رسید کھول سکݨ۔ اجیہے ناں یا نمبر نہ لکھو جیہڑے تسیں سانوں نہیں دیݨا چاہندیاں۔
conversation-answer_submit = بھیجو
conversation-answered = تہاڈا میسج بھیج دتا گیا۔
conversation-chose-approved = تسیں ایہہ خلاصہ منظور کر دتا۔ ہݨ ایہہ اوسے طرح شائع ہو سکدا اے جیویں تسیں ویکھیا۔
conversation-chose-changes = تسیں تبدیلیاں منگیاں نیں۔ کجھ وی شائع ہوݨ توں پہلاں اسیں تہانوں نواں خلاصہ بھیجاں گے۔
conversation-chose-statistics_only = تہاڈی چوݨ: کہاݨی شائع نہ کیتی جاوے، صرف اعداد و شمار وچ گݨی جاوے۔
conversation-chose-private = تہاڈی چوݨ: نہ شائع کیتی جاوے تے نہ گݨی جاوے۔
conversation-approval-heading = شائع ہوݨ توں پہلاں تہاڈی منظوری
conversation-approval-intro = تسیں آکھیا سی کہ شائع ہوݨ توں پہلاں تسیں گمنام خلاصہ ویکھݨا چاہندیاں او۔ ایہہ اوہ اے جیہڑا سبھ دے ساہمݨے آوے گا۔ تہاڈے جواب تک کجھ وی شائع نہیں ہووے گا۔
conversation-approval-in_en = انگریزی وچ خلاصہ
conversation-approval-in_ur = اردو وچ خلاصہ
conversation-approval-question = تسیں کیہ چاہندیاں او کہ اسیں کریئے؟
conversation-approval-text_label = کیہ بدلݨا چاہیدا اے؟ (تبدیلی منگو تاں ضروری)
conversation-approval-text_hint = کسے ہور جواب نال وی تسیں کوئی گل لکھ سکدیاں او۔
conversation-approval-confirm = میں سمجھدی آں: «صرف گݨو» یا «نہ شائع کرو نہ گݨو» چݨن نال کہاݨی شائع نہیں ہووے گی، تے ایہدے وچوں جو کجھ پہلاں توں سبھ دے ساہمݨے اے اوہ ہٹا دتا جاوے گا۔
conversation-approval-submit = میرا جواب بھیجو
conversation-approval-answer-approved = جیویں وکھایا گیا اے اونج ای شائع کرو
conversation-approval-answer-changes = پہلاں ایہدے وچ تبدیلی کرو
conversation-approval-answer-statistics_only = کہاݨی شائع نہ کرو؛ صرف اعداد و شمار وچ گݨو
conversation-approval-answer-private = نہ شائع کرو تے نہ گݨو
conversation-error-text_required = مہربانی کر کے اپݨا میسج لکھو۔
conversation-error-too_long = ایہہ 4,000 اکھراں توں لما اے۔ مہربانی کر کے ایہنوں چھوٹا کرو، یا دو میسجاں وچ بھیجو۔
conversation-error-answer_required = مہربانی کر کے جواباں وچوں اک چݨو۔
conversation-error-changes_text_required = مہربانی کر کے لکھو کہ کیہ بدلݨا چاہیدا اے۔
conversation-error-confirm_statistics_only = ایس جواب نال تہاڈی کہاݨی شائع نہیں ہووے گی: اوہ صرف اعداد و شمار وچ گݨی جاوے گی، تے ایہدے توں پہلاں شائع ہوئی کہاݨی ہٹا دتی جاوے گی۔ تصدیق لئی مہربانی کر کے خانے تے نشان لاؤ۔
conversation-error-confirm_private = ایس جواب نال تہاڈی کہاݨی نہ شائع ہووے گی نہ گݨی جاوے گی، تے ایہدے وچوں جو کجھ پہلاں توں سبھ دے ساہمݨے اے اوہ ہٹا دتا جاوے گا۔ تصدیق لئی مہربانی کر کے خانے تے نشان لاؤ۔
conversation-error-stale = ایس خلاصے دی تھاں نواں خلاصہ آ چکیا اے، یا ایہدا جواب پہلاں دتا جا چکیا اے، ایس لئی تہاڈا جواب محفوظ نہیں ہویا۔ مہربانی کر کے ہݨ وکھایا گیا خلاصہ پڑھو۔
