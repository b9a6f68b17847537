### federation messages of the staff workspace (ur): the instances this one follows. Every key must also be in the other language.

admin-nav-federation = وفاق
admin-federation-title = جن نقشوں کی پیروی کی جاتی ہے
admin-federation-intro =
    { $minutes ->
        [one] نقشہ ہر منٹ ہر اس نقشے کی دستخط شدہ فیڈ لیتا ہے جس کی وہ پیروی کرتا ہے، ہر صفحے کا دستخط اور ہر کیس جانچتا ہے، اور کیس عالمی نقشے پر اپنے کیسوں کے ساتھ دکھاتا ہے۔ جو صفحہ کسی جانچ میں ناکام ہو، وہ پورا رد ہوتا ہے اور پہلے سے موجود کیس رکھے جاتے ہیں۔
       *[other] نقشہ ہر { $minutes } منٹ بعد ہر اس نقشے کی دستخط شدہ فیڈ لیتا ہے جس کی وہ پیروی کرتا ہے، ہر صفحے کا دستخط اور ہر کیس جانچتا ہے، اور کیس عالمی نقشے پر اپنے کیسوں کے ساتھ دکھاتا ہے۔ جو صفحہ کسی جانچ میں ناکام ہو، وہ پورا رد ہوتا ہے اور پہلے سے موجود کیس رکھے جاتے ہیں۔
    }
admin-federation-none = یہ نقشہ کسی اور کی پیروی نہیں کرتا۔ naqsha federation follow سے، یا ترتیبات میں [federation] follow کے تحت شامل کریں۔
admin-federation-url = پتا
admin-federation-key = عوامی کلید
admin-federation-cases = موجود کیس
admin-federation-last_ok = آخری کامیاب وصولی
admin-federation-next_pull = اگلی وصولی
admin-federation-never = کبھی نہیں
admin-federation-refused_page = آخری وصولی رد ہوئی؛ موجود کیس آخری کامیاب وصولی والے ہیں
admin-federation-failures =
    { $count ->
        [one] { $count } ناکام وصولی؛ ٹھیک ہونے تک کم کم کوشش ہو گی
       *[other] لگاتار { $count } ناکام وصولیاں؛ ٹھیک ہونے تک کم کم کوشش ہو گی
    }
admin-federation-refused_items =
    { $count ->
        [one] آخری وصولی میں { $count } چیز رد ہوئی
       *[other] آخری وصولی میں { $count } چیزیں رد ہوئیں
    }
admin-federation-pull_now = ابھی وصول کریں
admin-federation-mapping = درجہ بندی کی مطابقت
admin-federation-mapping_intro = دوسری درجہ بندی والے نقشوں کے کیس مشترکہ تبادلے کے زمروں میں مطابقت کی فائل { $path } کے ذریعے گنے جاتے ہیں (naqsha federation mapping --write اسے لکھتا ہے)۔ جن اصطلاحات کی اس میں کوئی سطر نہیں، وہ یہاں دکھائی جاتی ہیں، اندازے سے نہیں جوڑی جاتیں۔
admin-federation-all_mapped = پیروی والے کیسوں کی ہر اصطلاح کی مطابقت موجود ہے (یا ماخذ کی اپنی مطابقت استعمال ہوتی ہے)۔
admin-federation-cases_n =
    { $count ->
        [one] { $count } کیس
       *[other] { $count } کیس
    }
admin-federation-done-pulled = وصول ہو گیا۔
admin-federation-done-refused = وصولی رد ہوئی؛ وجہ نیچے دکھائی گئی ہے اور موجود کیس رکھے گئے ہیں۔
admin-federation-done-busy = اس وقت کوئی اور سرور یہ نقشہ وصول کر رہا ہے۔
admin-federation-done-off = اس سرور پر وصولی بند ہے (ایچ ٹی ٹی پی کلائنٹ نہیں)؛ لاگ دیکھیں۔
admin-federation-undecided = { $source }: مطابقت کی فائل میں آپ کے فیصلے کے لیے نشان زد (فیصلے تک کسی مشترکہ زمرے میں نہیں گنی جاتیں)
admin-federation-unmapped = { $source }: وہ اصطلاحات جن کی مطابقت کی فائل میں کوئی سطر نہیں (کسی مشترکہ زمرے میں نہیں گنی جاتیں)
