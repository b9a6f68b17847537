### Pashto (ps) messages: referrals, the public list of helplines and services a moderator can send with a reply (only the public referrals-* messages).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

referrals-kind-cybercrime = د سایبر جرم شکایت
referrals-kind-helpline = هېلپ لاینونه
referrals-kind-legal_aid = قانوني مشوره او مرسته
referrals-kind-counselling = کونسلنګ (رواني مشوره)
referrals-kind-shelter = پناه ځایونه او د بحران مرکزونه
referrals-call = زنګ ووهئ
referrals-website = ویب سایټ
referrals-email = ای مېل
referrals-hours = وختونه
referrals-check = تایید شوی نه دی: له لېږلو مخکې تفصیلات وګورئ
referrals-picker-legend = هغه ادارې چې له دې ځواب سره لېږل کېږي
referrals-picker-hint = پر هغو ادارو نښه ولګوئ چې له دې ځواب سره یې لېږل غواړئ۔ هغه ادارې چې “وړاندیز شوې” پرې لیکل شوي، د دې پېښې له صوبې او د تاوتریخوالي له ډول سره سمون لري؛ ستاسو پر ځای پر هېڅ یوه نښه نه ده لګول شوې۔
referrals-picker-suggested = وړاندیز شوې
