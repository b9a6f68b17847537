### Pashto (ps) messages: replies sent by SMS. Each must fit two SMS (134 characters in Pashto script, as in Urdu).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### { $site } is the site's name; { $receipt } the receipt as seven groups of digits. STATUS and STOP stay in English.

sms-reply-received = { $site }: راپور ترلاسه شو۔ رسید { $receipt } هېچا ته مه ښایئ۔ حال: STATUS او رسید۔ بندول: STOP
sms-reply-status = { $site }: { $status }۔ { $explain }
sms-reply-not_found = { $site }: په دې رسید هېڅ راپور ونه موندل شو۔ شمېرې وګورئ او بیا یې ولېږئ۔
sms-reply-receipt_format = { $site }: دا بشپړ رسید نه دی۔ STATUS او د خپل رسید د شمېرو اووه ډلې ولېږئ۔
sms-reply-started = { $site }: تاسو ته به زموږ پیغامونه بیا راځي۔ د بندولو لپاره STOP ولېږئ۔
sms-reply-no_receipt = { $site }: له دې شمېرې په تېرو { $minutes } دقیقو کې هېڅ راپور نه دی راغلی، نو د لېږلو لپاره رسید نشته۔
