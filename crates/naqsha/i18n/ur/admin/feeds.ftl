### news monitoring messages of the staff workspace (ur). Every key must also be in the other language.

admin-nav-feeds = خبروں کی فیڈز
admin-feeds-title = خبروں کی نگرانی
admin-feeds-intro =
    { $minutes ->
        [one] نقشہ یہ آر ایس ایس اور ایٹم فیڈز ہر منٹ پڑھتا ہے۔ جو خبر کسی کلیدی لفظ کے اصول سے ملے، وہ ان باکس میں خبر کے امیدوار کے طور پر آتی ہے، ایک ہی بار، چاہے کئی ادارے وہی خبر دیں۔
       *[other] نقشہ یہ آر ایس ایس اور ایٹم فیڈز ہر { $minutes } منٹ بعد پڑھتا ہے۔ جو خبر کسی کلیدی لفظ کے اصول سے ملے، وہ ان باکس میں خبر کے امیدوار کے طور پر آتی ہے، ایک ہی بار، چاہے کئی ادارے وہی خبر دیں۔
    }
admin-feeds-feeds = فیڈز
admin-feeds-no_feeds = ابھی کوئی فیڈ نہیں۔ نیچے شامل کریں۔
admin-feeds-rules = کلیدی لفظوں کے اصول
admin-feeds-rules_intro = کوئی خبر تب امیدوار بنتی ہے جب کوئی فعال اصول اس کی سرخی یا خلاصے سے ملے۔ بڑے چھوٹے حروف، اردو حروف کی شکلیں (ي اور ی، ك اور ک) اور اعراب سے فرق نہیں پڑتا؛ جملے پورے الفاظ سے ملتے ہیں۔
admin-feeds-no_rules = ابھی کوئی اصول نہیں: اصول شامل کرنے تک کوئی خبر امیدوار نہیں بنے گی۔
admin-feeds-name = نام
admin-feeds-url = فیڈ کا پتا (آر ایس ایس یا ایٹم)
admin-feeds-feed_lang = اس کی خبروں کی زبان
admin-feeds-rule_lang = جملوں کی زبان
admin-feeds-status = حالت
admin-feeds-on = چالو
admin-feeds-off = بند
admin-feeds-last_fetched = آخری بار پڑھی گئی
admin-feeds-never = کبھی نہیں
admin-feeds-items_seen = دیکھی گئی خبریں
admin-feeds-candidates = امیدوار
admin-feeds-next_poll = اگلی جانچ
admin-feeds-actions = کارروائیاں
admin-feeds-failures =
    { $count ->
        [one] { $count } ناکام جانچ؛ ٹھیک ہونے تک کم جانچ ہو گی
       *[other] مسلسل { $count } ناکام جانچیں؛ ٹھیک ہونے تک کم جانچ ہو گی
    }
admin-feeds-edit = ترمیم
admin-feeds-enable = چالو کریں
admin-feeds-disable = بند کریں
admin-feeds-poll_now = ابھی جانچیں
admin-feeds-delete = ہٹائیں
admin-feeds-enabled = چالو
admin-feeds-add_feed = فیڈ شامل کریں
admin-feeds-add_rule = اصول شامل کریں
admin-feeds-save = محفوظ کریں
admin-feeds-edit_feed = فیڈ میں ترمیم
admin-feeds-edit_rule = اصول میں ترمیم
admin-feeds-back = خبروں کی نگرانی پر واپس
admin-feeds-phrases = الفاظ یا جملے
admin-feeds-phrases_hint = ہر سطر میں ایک، انگریزی، اردو یا رومن اردو میں، مثلاً blackmail، بلیک میل، tasveerein viral۔
admin-feeds-match = خبر تب ملتی ہے جب اس میں ہو
admin-feeds-match_any = ان میں سے کوئی ایک
admin-feeds-match_all = یہ سب
admin-feeds-hints = درجہ بندی پہلے سے بھریں
admin-feeds-hints_hint = یہاں چنی گئی اصطلاحات تب بھری جاتی ہیں جب موڈریٹر ملنے والی خبر سے کیس بنائے۔
admin-feeds-lang-en = انگریزی
admin-feeds-lang-ur = اردو
admin-feeds-lang-roman_ur = رومن اردو
admin-feeds-error-name = زیادہ سے زیادہ 100 حروف کا نام دیں۔
admin-feeds-error-url = فیڈ کا پورا پتا دیں، جو https:// یا http:// سے شروع ہو۔
admin-feeds-error-lang = فہرست میں سے زبان چنیں۔
admin-feeds-error-phrases = کم از کم ایک لفظ یا جملہ دیں، ہر سطر میں ایک، ہر ایک زیادہ سے زیادہ 200 حروف کا۔
admin-feeds-error-hints = پہلے سے بھرنے کی کوئی اصطلاح درجہ بندی میں نہیں۔ فہرست میں سے چنیں۔
admin-feeds-fetch_error-connect = فیڈ سے رابطہ نہیں ہو سکا۔
admin-feeds-fetch_error-timeout = فیڈ نے وقت پر جواب نہیں دیا۔
admin-feeds-fetch_error-status = فیڈ کے سرور نے غلطی کا جواب دیا، ایچ ٹی ٹی پی حالت
admin-feeds-fetch_error-too_large = فیڈ حد سے بڑی ہے، بائٹس میں:
admin-feeds-fetch_error-parse = یہ آر ایس ایس یا ایٹم فیڈ نہیں:
admin-feeds-fetch_error-private_address = فیڈ کا پتا کسی نجی یا مقامی نیٹ ورک پر ہے۔ نقشہ صرف عوامی پتوں سے فیڈ لاتا ہے (سرور کا ایڈمن news.allow_private_hosts سے دوسروں کی اجازت دے سکتا ہے)۔
admin-feeds-done-feed_added = فیڈ شامل ہو گئی۔ ایک منٹ میں جانچی جائے گی۔
admin-feeds-done-feed_saved = فیڈ محفوظ ہو گئی۔
admin-feeds-done-feed_deleted = فیڈ ہٹا دی گئی۔ اس سے آئے امیدوار ان باکس میں رہیں گے۔
admin-feeds-done-feed_due = فیڈ ایک منٹ میں جانچی جائے گی۔
admin-feeds-done-rule_added = اصول شامل ہو گیا۔
admin-feeds-done-rule_saved = اصول محفوظ ہو گیا۔
admin-feeds-done-rule_deleted = اصول ہٹا دیا گیا۔
admin-feeds-candidate-make_case = کیس بنائیں
admin-feeds-candidate-done = خبر سے کیس بن گیا، لنک، زبان اور تجویز کردہ زمرے بھر دیے گئے۔ عوامی عبارت لکھیں اور درجہ بندی کریں۔
admin-feeds-candidate-not_news = اس طرح صرف خبر کے امیدوار سے کیس بن سکتا ہے۔
