### Pashto (ps) messages: replies sent by WhatsApp and Telegram.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### { $site } is the site's name; { $receipt } the receipt as seven groups of digits; { $minutes } the join window. STATUS and STOP stay in English.

chat-reply-received = { $site }: ستاسو راپور ترلاسه شو۔ ستاسو رسید: { $receipt }۔ پټ یې وساتئ او هېچا ته یې مه ښایئ۔ د راپور د حال معلومولو لپاره STATUS او رسید ولېږئ۔ که له موږ نور پیغامونه نه غواړئ، STOP ولېږئ۔ زموږ ځوابونه زموږ د ویب سایټ د راپور حال په پاڼه کې راځي، چې هلته یې په همدې رسید خلاصوئ۔ که بل څوک هم دا ټیلیفون لیدلای شي، دا چټ پاک کړئ۔
chat-reply-status = { $site }: { $status }۔ { $explain }
chat-reply-not_found = { $site }: په دې رسید هېڅ راپور ونه موندل شو۔ مهرباني وکړئ شمېرې وګورئ او بیا هڅه وکړئ۔
chat-reply-receipt_format = { $site }: دا بشپړ رسید نه دی۔ STATUS او د خپل رسید د شمېرو اووه ډلې ولېږئ۔
chat-reply-started = { $site }: تاسو ته به زموږ پیغامونه بیا راځي۔ د بندولو لپاره STOP ولېږئ۔
chat-reply-no_receipt = { $site }: په تېرو { $minutes } دقیقو کې له تاسو څخه هېڅ راپور نه دی راغلی، نو د لېږلو لپاره رسید نشته۔
chat-reply-welcome = { $site }: هغه څه چې له تاسو سره وشول، دلته یې ولیکئ، په اردو یا انګرېزي کې، په هر څومره پیغامونو کې چې اړتیا وي؛ عکسونه او اسناد هم لېږلای شئ۔ که له موږ نور پیغامونه نه غواړئ، STOP ولېږئ۔
