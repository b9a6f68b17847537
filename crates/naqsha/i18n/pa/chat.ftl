### Punjabi in Shahmukhi script (pa) messages: replies sent by WhatsApp and Telegram.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### { $site } is the site's name; { $receipt } the receipt as seven groups of digits; { $minutes } the join window.

chat-reply-received = { $site }: تہاڈی رپورٹ مل گئی اے۔ تہاڈی رسید: { $receipt }۔ ایہنوں کسے نوں نہ وکھاؤ۔ رپورٹ دا حال جاݨن لئی STATUS تے رسید بھیجو۔ جے ساڈے ولوں ہور میسج نہیں چاہیدے تاں STOP بھیجو۔ ساڈے جواب ساڈی ویب سائٹ دے «رپورٹ دا حال» والے صفحے تے آوندے نیں، جتھے تسیں اوہناں نوں ایسے رسید نال کھولدیاں او۔ جے کوئی ہور ایہہ فون ویکھ سکدا اے تاں ایہہ چیٹ مٹا دیو۔
chat-reply-status = { $site }: { $status }۔ { $explain }
chat-reply-not_found = { $site }: ایس رسید نال کوئی رپورٹ نہیں لبھی۔ مہربانی کر کے ہندسے جانچ کے فیر کوشش کرو۔
chat-reply-receipt_format = { $site }: ایہہ پوری رسید نہیں اے۔ STATUS تے اپݨی رسید دے ہندسیاں دے ست گروپ بھیجو۔
chat-reply-started = { $site }: تہانوں ساڈے میسج فیر ملݨ گے۔ ایہناں نوں روکݨ لئی STOP بھیجو۔
chat-reply-no_receipt = { $site }: پچھلے { $minutes } منٹ وچ تہاڈے ولوں کوئی رپورٹ نہیں آئی، ایس لئی بھیجݨ لئی کوئی رسید نہیں۔
chat-reply-welcome = { $site }: تہاڈے نال جو کجھ ہویا ایتھے لکھو، اردو یا انگریزی وچ، جنے میسجاں وچ چاہو؛ تسیں تصویراں تے دستاویزاں وی بھیج سکدیاں او۔ جے ساڈے ولوں ہور میسج نہیں چاہیدے تاں STOP بھیجو۔
