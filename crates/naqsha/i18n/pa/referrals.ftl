### Punjabi in Shahmukhi script (pa) messages: the public list of services (helplines, legal aid, shelters) sent with a reply.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

referrals-kind-cybercrime = سائبر کرائم دی شکایت
referrals-kind-helpline = ہیلپ لائناں
referrals-kind-legal_aid = قانونی مشورہ تے مدد
referrals-kind-counselling = کونسلنگ
referrals-kind-shelter = پناہ گاہواں تے بحران دے مرکز
referrals-call = کال کرو
referrals-website = ویب سائٹ
referrals-email = ای میل
referrals-hours = ویلے
referrals-check = تصدیق نہیں ہوئی: بھیجݨ توں پہلاں تفصیل جانچ لوو
referrals-picker-legend = ایس جواب نال بھیجݨ لئی ادارے
referrals-picker-hint = جیہڑے ادارے ایس جواب نال بھیجݨے نیں اوہناں تے نشان لاؤ۔ تجویز کردہ ادارے ایس کیس دے صوبے تے تشدد دی قسم نال میل کھاندے نیں؛ تہاڈی تھاں کسے تے وی نشان نہیں لایا گیا۔
referrals-picker-suggested = تجویز کردہ
