### Pashto (ps) messages: notices that a message waits on the follow-up page (sent by SMS, WhatsApp, Telegram), and the line the moderator reads about each notice.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### A notice never carries the message or anything of the report; the neutral wording names no organisation, no site and nothing about reports. Each text fits two SMS. { $site } is the site's name; { $url } its follow-up page.

notice-text-named = { $site }: تاسو ته نوی پیغام راغلی۔ په { $url } یې په خپل رسید ولولئ۔ بندول: STOP
notice-text-named_no_link = { $site }: تاسو ته نوی پیغام راغلی۔ زموږ د راپور حال په پاڼه کې یې په خپل رسید ولولئ۔ بندول: STOP
notice-text-neutral = تاسو ته نوی پیغام راغلی۔ د لوستلو لپاره خپل کوډ وکاروئ۔ بندول: STOP
notice-outcome-queued_sms = بې منځپانګې خبرتیا د SMS ګېټ وې ټیلیفون لپاره په قطار کې ده؛ کله چې ټیلیفون بیا د لېږلو پیغامونه وګوري، ولاړه به شي۔
notice-outcome-queued_whatsapp = بې منځپانګې خبرتیا په واټس اپ لېږل کېږي۔
notice-outcome-queued_whatsapp_template = بې منځپانګې خبرتیا په واټس اپ د منظور شوي ټمپلېټ په توګه لېږل کېږي (د هغې وروستی پیغام له 24 ساعتونو زوړ دی)۔
notice-outcome-queued_telegram = بې منځپانګې خبرتیا په ټیلیګرام لېږل کېږي۔
notice-outcome-replies_off_sms = خبرتیا نشته: په SMS ځوابونه بند دي ([sms] reply "always" نه دی)۔
notice-outcome-replies_off_whatsapp = خبرتیا نشته: په واټس اپ ځوابونه بند دي ([whatsapp] reply "always" نه دی)۔
notice-outcome-replies_off_telegram = خبرتیا نشته: په ټیلیګرام ځوابونه بند دي ([telegram] reply "always" نه دی)۔
notice-outcome-stopped = خبرتیا نشته: هغې په خپل چینل STOP لېږلی و۔
notice-outcome-window_closed = خبرتیا نشته: د هغې وروستی واټس اپ پیغام له 24 ساعتونو زوړ دی او هېڅ پیغام ټمپلېټ ټاکل شوی نه دی ([whatsapp] notice_template)۔
notice-outcome-no_outbox = خبرتیا نشته: یوازې د SMS ویب هک چالو دی، او هغه له غوښتنې پرته SMS نه شي لېږلای (SMSSync ګېټ وې یې لېږلای شي)۔
notice-outcome-no_address = خبرتیا نشته: د لېږلو لپاره هېڅ شمېره یا آی ډي نشته۔
notice-outcome-off_sms = خبرتیا نشته: په دې سرور SMS نه دی نښلول شوی۔
notice-outcome-off_whatsapp = خبرتیا نشته: په دې سرور واټس اپ نه دی نښلول شوی۔
notice-outcome-off_telegram = خبرتیا نشته: په دې سرور ټیلیګرام نه دی نښلول شوی۔
notice-outcome-no_channel = خبرتیا نشته: هغې د SMS، واټس اپ یا ټیلیګرام له لارې راپور نه دی ورکړی۔ هغه ځوابونه د راپور حال په پاڼه کې په خپل رسید لولي۔
