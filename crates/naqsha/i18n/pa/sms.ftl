### Punjabi in Shahmukhi script (pa) messages: replies sent by SMS. Each must fit two SMS (134 characters in this script).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### { $site } is the site's name; { $receipt } the receipt as seven groups of digits.

sms-reply-received = { $site }: رپورٹ مل گئی۔ رسید { $receipt } کسے نوں نہ وکھاؤ۔ حال: STATUS تے رسید۔ بند: STOP
sms-reply-status = { $site }: { $status }۔ { $explain }
sms-reply-not_found = { $site }: ایس رسید نال کوئی رپورٹ نہیں لبھی۔ ہندسے جانچ کے فیر بھیجو۔
sms-reply-receipt_format = { $site }: ایہہ پوری رسید نہیں۔ STATUS تے اپݨی رسید دے ہندسیاں دے ست گروپ بھیجو۔
sms-reply-started = { $site }: تہانوں ساڈے میسج فیر ملݨ گے۔ روکݨ لئی STOP بھیجو۔
sms-reply-no_receipt = { $site }: ایس نمبر توں پچھلے { $minutes } منٹ وچ کوئی رپورٹ نہیں آئی، ایس لئی بھیجݨ لئی کوئی رسید نہیں۔
