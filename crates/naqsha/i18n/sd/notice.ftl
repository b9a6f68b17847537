### Sindhi (sd) messages: notices that a message waits on the follow-up page (sent by SMS, WhatsApp, Telegram), and the moderator's line on what became of one.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### A notice never carries the message or anything of the report; the neutral text names no organisation, no site and
### nothing about reports. Each text fits two SMS. { $site } is the site's name; { $url } its follow-up page.

notice-text-named = { $site }: توهان لاءِ نئون پيغام آهي. ان کي { $url } تي پنهنجي رسيد سان پڙهو. بند: STOP
notice-text-named_no_link = { $site }: توهان لاءِ نئون پيغام آهي. ان کي اسان جي فالو اپ صفحي تي پنهنجي رسيد سان پڙهو. بند: STOP
notice-text-neutral = توهان لاءِ نئون پيغام آهي. پڙهڻ لاءِ پنهنجو ڪوڊ استعمال ڪريو. بند: STOP
notice-outcome-queued_sms = مواد کانسواءِ هڪ اطلاع ايس ايم ايس گيٽ وي فون لاءِ قطار ۾ رکي وئي آهي؛ فون جڏهن ايندڙ ڀيري موڪلڻ وارا پيغام ڏسندو، تڏهن اها هلي ويندي.
notice-outcome-queued_whatsapp = مواد کانسواءِ هڪ اطلاع واٽس ايپ تي موڪلي پئي وڃي.
notice-outcome-queued_whatsapp_template = مواد کانسواءِ هڪ اطلاع واٽس ايپ تي منظور ٿيل ٽيمپليٽ طور موڪلي پئي وڃي (هن جو آخري پيغام 24 ڪلاڪن کان پراڻو آهي).
notice-outcome-queued_telegram = مواد کانسواءِ هڪ اطلاع ٽيليگرام تي موڪلي پئي وڃي.
notice-outcome-replies_off_sms = ڪا اطلاع ناهي: ايس ايم ايس تي جواب بند آهن ([sms] reply جي قيمت "always" ناهي).
notice-outcome-replies_off_whatsapp = ڪا اطلاع ناهي: واٽس ايپ تي جواب بند آهن ([whatsapp] reply جي قيمت "always" ناهي).
notice-outcome-replies_off_telegram = ڪا اطلاع ناهي: ٽيليگرام تي جواب بند آهن ([telegram] reply جي قيمت "always" ناهي).
notice-outcome-stopped = ڪا اطلاع ناهي: هن پنهنجي چينل تي STOP موڪليو هو.
notice-outcome-window_closed = ڪا اطلاع ناهي: هن جو آخري واٽس ايپ پيغام 24 ڪلاڪن کان پراڻو آهي ۽ ڪو به پيغام ٽيمپليٽ مقرر ناهي ([whatsapp] notice_template).
notice-outcome-no_outbox = ڪا اطلاع ناهي: رڳو ايس ايم ايس ويب هُڪ چالو آهي، جيڪو پڇڻ کانسواءِ ايس ايم ايس نٿو موڪلي سگهي (SMSSync گيٽ وي موڪلي سگهي ٿو).
notice-outcome-no_address = ڪا اطلاع ناهي: موڪلڻ لاءِ ڪو به نمبر يا آءِ ڊي ناهي.
notice-outcome-off_sms = ڪا اطلاع ناهي: هن سرور تي ايس ايم ايس ڳنڍيل ناهي.
notice-outcome-off_whatsapp = ڪا اطلاع ناهي: هن سرور تي واٽس ايپ ڳنڍيل ناهي.
notice-outcome-off_telegram = ڪا اطلاع ناهي: هن سرور تي ٽيليگرام ڳنڍيل ناهي.
notice-outcome-no_channel = ڪا اطلاع ناهي: هن ايس ايم ايس، واٽس ايپ يا ٽيليگرام ذريعي رپورٽ نه ڪئي هئي. هوءَ جواب فالو اپ صفحي تي پنهنجي رسيد سان پڙهي ٿي.
