### auth messages of the staff workspace (ur). Every key must also be in the other language.

admin-site = نقشہ ورک اسپیس
admin-busy = سرور اس وقت دوسرے پاس ورڈ جانچنے میں مصروف ہے۔ براہِ کرم ایک منٹ بعد دوبارہ کوشش کریں۔
admin-nav-label = ورک اسپیس مینو
admin-nav-inbox = ان باکس
admin-nav-cases = کیسز
admin-nav-users = عملہ
admin-nav-audit = آڈٹ لاگ
admin-nav-quality = کوڈنگ کا معیار
admin-nav-logout = سائن آؤٹ
admin-role-admin = ایڈمن
admin-role-coordinator = کوآرڈینیٹر
admin-role-moderator = ماڈریٹر
admin-role-analyst = تجزیہ کار
admin-login-title = سائن اِن
admin-login-intro = تنظیم کے عملے کے لیے۔ سائن اِن صرف اس سیشن کے لیے رپورٹیں کھولتا ہے؛ سائن آؤٹ کرنے یا ۳۰ منٹ کچھ نہ کرنے پر وہ پھر بند ہو جاتی ہیں۔
admin-login-username = صارف نام
admin-login-password = پاس ورڈ
admin-login-submit = سائن اِن
admin-login-wrong = صارف نام یا پاس ورڈ غلط ہے۔
admin-login-throttled =
    { $minutes ->
        [one] اس اکاؤنٹ کی بہت سی ناکام کوششیں ہوئیں۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
       *[other] اس اکاؤنٹ کی بہت سی ناکام کوششیں ہوئیں۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
    }
admin-login-network_throttled =
    { $minutes ->
        [one] آپ کے نیٹ ورک سے سائن اِن کی بہت سی کوششیں ہوئیں۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
       *[other] آپ کے نیٹ ورک سے سائن اِن کی بہت سی کوششیں ہوئیں۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
    }
admin-password-current = وہ پاس ورڈ جس سے آپ نے سائن اِن کیا
admin-password-current_hint = اس سرور کے پاس ابھی آپ کے سائن اِن کے لیے رپورٹوں کی کلید نہیں۔ جس پاس ورڈ سے آپ نے سائن اِن کیا وہ ایک بار پھر لکھیں، تاکہ یہ کلید کو آپ کے نئے پاس ورڈ کے تحت رکھ سکے۔
admin-password-title = اپنا پاس ورڈ چنیں
admin-password-intro = آپ کا پاس ورڈ ایک بار کے لیے دیا گیا تھا اور بدلنا ضروری ہے۔ کم از کم { $min } حروف استعمال کریں؛ چند بے جوڑ الفاظ یاد رکھنا آسان اور اندازہ لگانا مشکل ہوتا ہے۔
admin-password-new = نیا پاس ورڈ
admin-password-repeat = نیا پاس ورڈ دوبارہ
admin-password-submit = پاس ورڈ محفوظ کریں
admin-password-mismatch = دونوں پاس ورڈ ایک جیسے نہیں۔
admin-password-too_short = پاس ورڈ میں کم از کم { $min } حروف ہونے چاہییں۔
admin-enrol-title = دوسرا مرحلہ ترتیب دیں
admin-enrol-intro = ہر سائن اِن کے لیے آپ کے فون کی authenticator ایپ (مثلاً Aegis، FreeOTP یا Google Authenticator) کا کوڈ درکار ہے۔ یہ کوڈ ایپ سے اسکین کریں، پھر ایپ میں دکھائے گئے چھ ہندسے لکھیں۔
admin-enrol-qr_caption = اپنی authenticator ایپ سے اسکین کریں
admin-enrol-manual = اسکین نہیں ہو رہا؟ یہ کلید ایپ میں لکھیں:
admin-enrol-submit = تصدیق کریں
admin-totp-title = اپنا کوڈ لکھیں
admin-totp-intro = اپنی authenticator ایپ کھولیں اور اس سائٹ کے لیے دکھایا گیا چھ ہندسوں کا کوڈ لکھیں۔
admin-totp-code = چھ ہندسوں کا کوڈ
admin-totp-submit = جاری رکھیں
admin-totp-wrong = یہ کوڈ درست نہیں یا پہلے استعمال ہو چکا ہے۔ اگلے کوڈ کا انتظار کریں اور دوبارہ کوشش کریں۔
admin-unlock-title = اس سرور پر رپورٹیں کھولیں
admin-unlock-intro = آپ سائن اِن ہیں، لیکن اس سرور کے پاس ابھی آپ کے سائن اِن کے لیے رپورٹوں کی کلید نہیں: آپ نے تنظیم کے کسی دوسرے سرور سے سائن اِن کیا، یا یہ سرور دوبارہ شروع ہوا۔ انہیں یہاں کھولنے کے لیے اپنا پاس ورڈ درج کریں۔ آپ کا سائن اِن ہر صورت میں برقرار رہے گا۔
admin-unlock-unsent = آپ نے جو بھیجا وہ محفوظ نہیں ہوا۔ پاس ورڈ درج کرنے کے بعد واپس جائیں اور اسے دوبارہ بھیجیں۔
admin-unlock-submit = کھولیں
admin-unlock-wrong = یہ پاس ورڈ درست نہیں۔
