### Sindhi (sd) messages: referrals, the services (helplines and others) a moderator sends with a reply, as the survivor sees them.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### Only the public messages are here: admin-nav-* and referrals-admin-* are not translated yet.

referrals-kind-cybercrime = سائبر ڪرائم جي شڪايت ڪريو
referrals-kind-helpline = هيلپ لائينون
referrals-kind-legal_aid = قانوني صلاح ۽ مدد
referrals-kind-counselling = ڪائونسلنگ
referrals-kind-shelter = پناهه گاهون ۽ بحران مرڪز
referrals-call = ڪال ڪريو
referrals-website = ويب سائيٽ
referrals-email = اي ميل
referrals-hours = وقت
referrals-check = تصديق ٿيل ناهي: موڪلڻ کان اڳ تفصيل جانچي وٺو
referrals-picker-legend = هن جواب سان موڪلڻ لاءِ ادارا
referrals-picker-hint = جيڪي ادارا هن جواب سان موڪلڻا آهن، انهن تي نشان لڳايو. ”تجويز ڪيل“ ادارا هن ڪيس جي صوبي ۽ تشدد جي قسم سان ٺهڪن ٿا؛ توهان جي بدران ڪنهن تي به نشان نه لڳايو ويو آهي.
referrals-picker-suggested = تجويز ڪيل
