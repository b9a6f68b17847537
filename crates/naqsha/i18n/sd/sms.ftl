### Sindhi (sd) messages: replies a survivor gets by SMS. Each must fit two SMS (134 characters in Arabic script, with the site name and receipt filled in).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### { $site } is the site's name; { $receipt } the receipt as seven groups of digits.

sms-reply-received = { $site }: رپورٽ ملي وئي. رسيد { $receipt } ڪنهن کي نه ڏيکاريو. حالت: STATUS ۽ رسيد. بند: STOP
sms-reply-status = { $site }: { $status }. { $explain }
sms-reply-not_found = { $site }: هن رسيد سان ڪا رپورٽ نه ملي. انگ جانچي ٻيهر موڪليو.
sms-reply-receipt_format = { $site }: هيءَ پوري رسيد ناهي. STATUS ۽ پنهنجي رسيد جي انگن جا ست گروپ موڪليو.
sms-reply-started = { $site }: توهان کي اسان جا پيغام ٻيهر ملندا. روڪڻ لاءِ STOP موڪليو.
sms-reply-no_receipt = { $site }: هن نمبر تان پوئين { $minutes } منٽن ۾ ڪا رپورٽ نه آئي، تنهن ڪري موڪلڻ لاءِ ڪا رسيد ناهي.
