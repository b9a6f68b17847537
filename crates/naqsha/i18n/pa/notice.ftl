### Punjabi in Shahmukhi script (pa) messages: notices that a message waits on the follow-up page, and the moderator's line about what became of one.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### A notice never carries the message or anything of the report; the neutral wording names no organisation,
### no site and nothing about reports. Each text fits two SMS. { $site } is the site's name; { $url } its follow-up page.

notice-text-named = { $site }: تہاڈے لئی نواں میسج اے۔ ایہنوں { $url } تے اپݨی رسید نال پڑھو۔ بند: STOP
notice-text-named_no_link = { $site }: تہاڈے لئی نواں میسج اے۔ ایہنوں ساڈی ویب سائٹ دے «رپورٹ دا حال» صفحے تے اپݨی رسید نال پڑھو۔ بند: STOP
notice-text-neutral = تہاڈے لئی نواں میسج اے۔ پڑھن لئی اپݨا کوڈ ورتو۔ بند: STOP
notice-outcome-queued_sms = بغیر مواد دی اطلاع ایس ایم ایس گیٹ وے فون لئی قطار وچ اے؛ فون اگلی واری بھیجݨ والے میسج ویکھے گا تاں ایہہ چلی جاوے گی۔
notice-outcome-queued_whatsapp = بغیر مواد دی اطلاع واٹس ایپ تے بھیجی جا رہی اے۔
notice-outcome-queued_whatsapp_template = بغیر مواد دی اطلاع واٹس ایپ تے منظور شدہ ٹیمپلیٹ دے طور تے بھیجی جا رہی اے (اوہدا پچھلا میسج 24 گھنٹیاں توں پراݨا اے)۔
notice-outcome-queued_telegram = بغیر مواد دی اطلاع ٹیلی گرام تے بھیجی جا رہی اے۔
notice-outcome-replies_off_sms = کوئی اطلاع نہیں: ایس ایم ایس تے جواب بند نیں ([sms] reply دی قدر "always" نہیں)۔
notice-outcome-replies_off_whatsapp = کوئی اطلاع نہیں: واٹس ایپ تے جواب بند نیں ([whatsapp] reply دی قدر "always" نہیں)۔
notice-outcome-replies_off_telegram = کوئی اطلاع نہیں: ٹیلی گرام تے جواب بند نیں ([telegram] reply دی قدر "always" نہیں)۔
notice-outcome-stopped = کوئی اطلاع نہیں: اوہنے اپݨے چینل تے STOP بھیجیا سی۔
notice-outcome-window_closed = کوئی اطلاع نہیں: اوہدا پچھلا واٹس ایپ میسج 24 گھنٹیاں توں پراݨا اے تے کوئی میسج ٹیمپلیٹ مقرر نہیں ([whatsapp] notice_template)۔
notice-outcome-no_outbox = کوئی اطلاع نہیں: صرف ایس ایم ایس ویب ہک چالو اے، جیہڑا بغیر پچھے ایس ایم ایس نہیں بھیج سکدا (SMSSync گیٹ وے بھیج سکدا اے)۔
notice-outcome-no_address = کوئی اطلاع نہیں: بھیجݨ لئی کوئی نمبر یا آئی ڈی نہیں اے۔
notice-outcome-off_sms = کوئی اطلاع نہیں: ایس سرور تے ایس ایم ایس جڑیا ہویا نہیں۔
notice-outcome-off_whatsapp = کوئی اطلاع نہیں: ایس سرور تے واٹس ایپ جڑیا ہویا نہیں۔
notice-outcome-off_telegram = کوئی اطلاع نہیں: ایس سرور تے ٹیلی گرام جڑیا ہویا نہیں۔
notice-outcome-no_channel = کوئی اطلاع نہیں: اوہنے ایس ایم ایس، واٹس ایپ یا ٹیلی گرام راہیں رپورٹ نہیں کیتی۔ اوہ جواب «رپورٹ دا حال» والے صفحے تے اپݨی رسید نال پڑھدی اے۔
