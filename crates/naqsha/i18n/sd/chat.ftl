### Sindhi (sd) messages: replies a survivor gets by WhatsApp and Telegram.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### { $site } is the site's name; { $receipt } the receipt as seven groups of digits; { $minutes } the join window.

chat-reply-received = { $site }: توهان جي رپورٽ ملي وئي. توهان جي رسيد: { $receipt }. ان کي ڪنهن کي نه ڏيکاريو. رپورٽ جي صورتحال ڄاڻڻ لاءِ STATUS ۽ رسيد موڪليو. جيڪڏهن اسان کان وڌيڪ پيغام نٿا چاهيو ته STOP موڪليو. اسان جا جواب اسان جي ويب سائيٽ جي فالو اپ صفحي تي ايندا آهن، جتي توهان انهن کي هن رسيد سان کوليندا آهيو. جيڪڏهن ڪو ٻيو هي فون ڏسي سگهي ٿو ته هيءَ چيٽ ميٽي ڇڏيو.
chat-reply-status = { $site }: { $status }. { $explain }
chat-reply-not_found = { $site }: هن رسيد سان ڪا به رپورٽ نه ملي. مهرباني ڪري انگ جانچي ٻيهر ڪوشش ڪريو.
chat-reply-receipt_format = { $site }: هيءَ پوري رسيد ناهي. STATUS ۽ پنهنجي رسيد جي انگن جا ست گروپ موڪليو.
chat-reply-started = { $site }: توهان کي اسان جا پيغام ٻيهر ملندا. انهن کي روڪڻ لاءِ STOP موڪليو.
chat-reply-no_receipt = { $site }: پوئين { $minutes } منٽن ۾ توهان جي طرفان ڪا به رپورٽ نه آئي، تنهن ڪري موڪلڻ لاءِ ڪا رسيد ناهي.
chat-reply-welcome = { $site }: توهان سان جيڪو ڪجهه ٿيو، اهو هتي لکو، اردو يا انگريزيءَ ۾، جيترن پيغامن ۾ گهرجي؛ توهان تصويرون ۽ دستاويز به موڪلي سگهو ٿا. جيڪڏهن اسان کان وڌيڪ پيغام نٿا چاهيو ته STOP موڪليو.
