### Referrals: services a moderator points a reporter to (data/referrals), as the reporter's
### reply and the staff pages show them.

admin-nav-referrals = رہنمائی کے ادارے

referrals-kind-cybercrime = سائبر کرائم کی شکایت
referrals-kind-helpline = ہیلپ لائنز
referrals-kind-legal_aid = قانونی مشورہ اور مدد
referrals-kind-counselling = کونسلنگ
referrals-kind-shelter = پناہ گاہیں اور بحران مراکز
referrals-call = کال کریں
referrals-website = ویب سائٹ
referrals-email = ای میل
referrals-hours = اوقات
referrals-check = تصدیق شدہ نہیں: بھیجنے سے پہلے تفصیلات دیکھ لیں
referrals-picker-legend = اس جواب کے ساتھ بھیجنے کے لیے ادارے
referrals-picker-hint = جو ادارے اس جواب کے ساتھ بھیجنے ہیں ان پر نشان لگائیں۔ تجویز کردہ ادارے اس کیس کے صوبے اور تشدد کی قسم سے میل کھاتے ہیں؛ آپ کی جگہ کسی پر نشان نہیں لگایا گیا۔
referrals-picker-suggested = تجویز کردہ
referrals-admin-title = رہنمائی کے ادارے
referrals-admin-intro = وہ ادارے جو موڈریٹر کسی جواب کے ساتھ بھیج سکتا ہے، اسی طرح جیسے رپورٹ کرنے والا فرد انہیں فالو اپ صفحے پر دیکھتا ہے۔ یہ فہرست سرور پر ایک فائل ہے: data/referrals/pk.toml کو ڈیٹا ڈائریکٹری میں referrals.toml کے نام سے کاپی کر کے اس میں تبدیلی کریں (data/referrals/README.md دیکھیں)۔ جواب میں ادارے ویسے ہی رہتے ہیں جیسے بھیجے گئے تھے۔
referrals-admin-problem = ڈیٹا ڈائریکٹری میں رہنمائی کے اداروں کی فائل استعمال نہیں ہو سکتی، اس لیے ساتھ آنے والی فہرست دکھائی جا رہی ہے۔ مسئلہ یہ ہے:
referrals-admin-source_override = یہ ادارے کی اپنی فہرست ہے (ڈیٹا ڈائریکٹری میں referrals.toml)۔
referrals-admin-source_bundled = یہ وہ فہرست ہے جو نقشہ کے ساتھ آتی ہے۔
referrals-admin-none = دکھانے کے لیے کوئی ادارہ نہیں۔
referrals-admin-scope = ہر ادارہ کہاں اور کس کے لیے تجویز ہوتا ہے
referrals-admin-where = صوبے: { $provinces }۔ تشدد کی اقسام: { $harms }۔
referrals-admin-nationwide = پورا ملک
referrals-admin-any_harm = کوئی بھی
referrals-admin-list_separator = ،{" "}
