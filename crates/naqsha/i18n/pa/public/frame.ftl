### Punjabi in Shahmukhi script (pa) messages: the frame of every public page (menu, help box) and the advice for a shared phone.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

frame-get_help = مدد لوو
frame-nav_stats = اعداد و شمار
frame-nav_data = ڈیٹا
frame-nav_help = مدد

help_box-heading = ہݨے کسے نال گل کرو
help_box-free = مفت تے راز وچ۔ تہانوں اپݨا ناں دسݨ دی لوڑ نہیں۔
help_box-more = ہور ہیلپ لائناں تے مشورے
help_box-no_number = ہیلپ لائناں، شکایت کیویں کرنی اے تے قانون کیہ آکھدا اے:

hide_visit-heading = جے ایہہ فون ہور لوک وی ورتدے نیں
hide_visit-private = پرائیویٹ یا اِنکوگنیٹو ونڈو ورتو (کروم وچ: ⋮ فیر “New Incognito tab”): ایہدے وچ ایس وزٹ دی ہسٹری محفوظ نہیں ہوندی۔
hide_visit-clear = نہیں تاں کم مکݨ توں بعد براؤزر دی ہسٹری وچوں ایہہ ویب سائٹ مٹا دیو تے ایہہ ٹیب بند کر دیو۔
hide_visit-exit = ہر صفحے دے اُتے “فوراً باہر نکلو” دباݨ نال ایہہ ویب سائٹ فوراً چھڈ کے کسے ہور ویب سائٹ دا اک عام صفحہ کھل جاندا اے۔
